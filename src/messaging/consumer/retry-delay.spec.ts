import fc from 'fast-check';
import { retryDelay } from './retry-delay';

describe('retryDelay', () => {
  const policy = [100, 200, 400];

  it('walks the policy step by step, then parks', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(policy, n))).toEqual([100, 200, 400, undefined]);
  });

  it('parks on counts no step exists for', () => {
    for (const n of [0, -1, 0.5, 1.5, NaN, Infinity, Number.MAX_SAFE_INTEGER + 2])
      expect(retryDelay(policy, n)).toBeUndefined();
    expect(retryDelay([], 1)).toBeUndefined();
  });

  it('returns a delay of the policy or undefined for any number at all', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 10, max: 60_000 }), { maxLength: 6 }),
        fc.double(),
        (delays, n) => {
          const d = retryDelay(delays, n);
          return d === undefined || delays.includes(d);
        },
      ),
      { seed: 9, numRuns: 2000 },
    );
  });
});
