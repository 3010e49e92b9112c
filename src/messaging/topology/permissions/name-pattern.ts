/**
 * Names are computed by the very TopologyNames methods the app uses, with placeholders where the
 * running app fills in a value only it knows (a retry delay from its settings, an instance id).
 * Turned into a regex, the rest of the name is matched literally and each placeholder by a class.
 */
export const ANY_DELAY_MS = 918_273_645;
export const ANY_INSTANCE = 'zq9instance9qz';
/** A publish whose routing key is a queue name the app learns at run time (replays, replies). */
export const ANY_KEY = 'zq9key9qz';

const WILDCARDS: Array<[string, string]> = [
  [String(ANY_DELAY_MS), '\\d+'],
  // Instance ids are host-pid-random, letters, digits and dashes (TopologyDeclarer.instanceId).
  [ANY_INSTANCE, '[A-Za-z0-9-]+'],
  [ANY_KEY, '.*'],
];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The regex body for one name: literal text, with each placeholder opened up. */
export function namePattern(name: string): string {
  return WILDCARDS.reduce((re, [mark, wildcard]) => re.split(mark).join(wildcard), escape(name));
}

/**
 * One anchored alternation (RabbitMQ matches permissions unanchored, so `^…$` is what keeps
 * `orders.x` from also granting `orders.x.y`). No names: `fallback`, which RabbitMQ reads as none.
 */
export function anchoredAlternation(names: Iterable<string>, fallback: string): string {
  const patterns = [...new Set([...names].map(namePattern))].sort();
  return patterns.length === 0 ? fallback : `^(${patterns.join('|')})$`;
}
