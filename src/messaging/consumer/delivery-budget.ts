/** One queue a consumer of this process reads, with the policy its messages fail under. */
export interface QueueBudgetInput {
  queue: string;
  retryDelaysMs: readonly number[];
  consumerTimeoutMs: number;
  /** Durable quorum queue with our delivery limit; broadcast instance queues are classic. */
  quorum: boolean;
}

export interface BudgetLimits {
  /** x-delivery-limit of every subscription queue (DELIVERY_LIMIT). */
  deliveryLimit: number;
  /** Largest attempt count the pipeline reads back from a message (MAX_ATTEMPT). */
  maxAttempt: number;
  /** Broker nodes in AMQP_URL: a rolling restart may drop the app's connection once per node. */
  brokerNodes: number;
}

export interface DeliveryBudget {
  /** Why starting would let the broker, not our policy, decide a message's fate. */
  problems: string[];
  /** The budget in words, logged once at startup. */
  summary: string[];
}

/** x-message-ttl and x-consumer-timeout are unsigned 32-bit on the broker. */
const MAX_BROKER_MS = 2 ** 32 - 1;

/**
 * How our retry policy and a quorum queue's delivery limit share a message's deliveries.
 *
 * A failed attempt is not requeued: FailureRouter acks it after publishing a new message to a
 * retry queue (or to the dead letters, with the reason). The broker counts deliveries per message,
 * so its limit never sees our retries; it counts only the returns within one attempt: a crash, a
 * lost connection, a consumer timeout (which closes the channel and returns every delivery on
 * it), a copy that could not be published. One attempt may be returned `deliveryLimit` times; the
 * next return dead-letters it as broker:delivery_limit, with no verdict of ours. So the limit must
 * cover what healthy operation can cause within one attempt: a rolling restart of every node in
 * AMQP_URL, a redeploy of the consumer, and one consumer timeout.
 */
export function deliveryBudget(
  queues: readonly QueueBudgetInput[],
  limits: BudgetLimits,
): DeliveryBudget {
  const problems: string[] = [];
  const faults = limits.brokerNodes + 2;
  if (!Number.isSafeInteger(limits.deliveryLimit) || limits.deliveryLimit < faults)
    problems.push(
      `The delivery limit of subscription queues (${limits.deliveryLimit}) must be at least ` +
        `${faults}: a rolling restart of ${limits.brokerNodes} broker node(s), a redeploy and a ` +
        `consumer timeout may return one attempt that often before it fails or succeeds`,
    );
  for (const q of queues) problems.push(...policyProblems(q, limits.maxAttempt));
  const quorum = queues.filter((q) => q.quorum);
  const summary = [
    `Delivery budget: ${quorum.length} subscription queue(s) with delivery limit ` +
      `${limits.deliveryLimit}; each failed attempt is retried as a new message, so the limit ` +
      `counts only returns within one attempt (crash, lost connection, consumer timeout): ` +
      `${limits.deliveryLimit} per attempt, ${faults} needed for a rolling restart of ` +
      `${limits.brokerNodes} node(s), a redeploy and a timeout.`,
    ...policies(quorum),
    'Dead letters: the dead-letter queue has no delivery limit of ours (RabbitMQ 4 applies 20, ' +
      'then drops); the recorder never returns one, it re-parks a fresh copy instead.',
  ];
  return { problems, summary };
}

function policyProblems(q: QueueBudgetInput, maxAttempt: number): string[] {
  const problems: string[] = [];
  const attempts = q.retryDelaysMs.length + 1;
  if (attempts > maxAttempt)
    problems.push(
      `${q.queue}: ${q.retryDelaysMs.length} retries make ${attempts} attempts, more than the ` +
        `${maxAttempt} a message's attempt header may count; it would be parked for a garbled ` +
        `header instead of its own failure`,
    );
  const bad = q.retryDelaysMs.filter((d) => !wholeMs(d));
  if (bad.length)
    problems.push(
      `${q.queue}: retry delays must be whole milliseconds from 1 to ${MAX_BROKER_MS}, got ` +
        `${bad.join(', ')}; such a step would park the message early or fail its retry queue`,
    );
  if (!wholeMs(q.consumerTimeoutMs))
    problems.push(
      `${q.queue}: the consumer timeout must be whole milliseconds from 1 to ${MAX_BROKER_MS}, ` +
        `got ${q.consumerTimeoutMs}`,
    );
  return problems;
}

/** One line per distinct policy: attempts, waits and consumer timeout, with its queue count. */
function policies(queues: readonly QueueBudgetInput[]): string[] {
  const byPolicy = new Map<string, number>();
  for (const q of queues) {
    const line =
      `${q.retryDelaysMs.length + 1} attempt(s)` +
      (q.retryDelaysMs.length ? ` (retries after ${q.retryDelaysMs.join(', ')} ms)` : '') +
      `, consumer timeout ${Math.round(q.consumerTimeoutMs / 1000)} s`;
    byPolicy.set(line, (byPolicy.get(line) ?? 0) + 1);
  }
  return [...byPolicy].map(([line, n]) => `${line}: ${n} queue(s).`);
}

function wholeMs(ms: number): boolean {
  return Number.isSafeInteger(ms) && ms >= 1 && ms <= MAX_BROKER_MS;
}
