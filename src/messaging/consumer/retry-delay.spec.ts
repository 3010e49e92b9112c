import fc from 'fast-check';
import { retryDelay } from './retry-delay';

/** The policy behind a proxy that records every step read, to show which indices are touched. */
function watched(steps: number[]): { policy: number[]; reads: string[] } {
  const reads: string[] = [];
  const policy = new Proxy(steps, {
    get(target, key, receiver) {
      if (typeof key === 'string' && key !== 'length') reads.push(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { policy, reads };
}

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

  it.each([0, -1, 0.5, 1.5, 2.5, NaN, Infinity, -Infinity, 4, 5])(
    'never indexes outside the policy for a count of %s',
    (n) => {
      const { policy: steps, reads } = watched([...policy]);
      expect(retryDelay(steps, n)).toBeUndefined();
      expect(reads).toEqual([]);
    },
  );

  it('reads exactly the step of the count it is asked for', () => {
    const { policy: steps, reads } = watched([...policy]);
    expect(retryDelay(steps, 3)).toBe(400);
    expect(reads).toEqual(['2']);
  });

  it('parks on a step that is not a positive whole number of milliseconds', () => {
    const broken = [0, -5, 1.5, NaN, Infinity, 1];
    expect(broken.map((_, i) => retryDelay(broken, i + 1))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      1,
    ]);
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
