/**
 * The wait before retry number `failures` (1 = the first retry), or undefined when the policy
 * has no such step and the message must be parked. Total over every number: a fraction, a
 * negative or a count past the policy parks instead of indexing outside it (an `undefined` delay
 * once named an exchange that did not exist, and the broker closed the channel for it).
 */
export function retryDelay(delaysMs: readonly number[], failures: number): number | undefined {
  if (!Number.isSafeInteger(failures) || failures < 1 || failures > delaysMs.length)
    return undefined;
  const delay = delaysMs[failures - 1];
  return Number.isSafeInteger(delay) && delay > 0 ? delay : undefined;
}
