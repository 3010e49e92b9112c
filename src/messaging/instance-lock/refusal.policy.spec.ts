import { RefusalPolicy } from './refusal.policy';

describe('RefusalPolicy', () => {
  const GRACE = 15_000;

  it('is fatal at once for an instance that never held the lock: another one was first', () => {
    const policy = new RefusalPolicy(GRACE);
    expect(policy.everHeld).toBe(false);
    expect(policy.refused(1_000)).toBe('fatal');
  });

  it('retries after a reconnect for the grace period, then is fatal', () => {
    const policy = new RefusalPolicy(GRACE);
    policy.held();
    expect(policy.everHeld).toBe(true);
    expect(policy.refused(1_000)).toBe('retry');
    expect(policy.refused(1_000 + GRACE - 1)).toBe('retry');
    expect(policy.refused(1_000 + GRACE)).toBe('fatal');
  });

  it('starts the grace period again once the lock was taken back', () => {
    const policy = new RefusalPolicy(GRACE);
    policy.held();
    expect(policy.refused(0)).toBe('retry');
    policy.held();
    expect(policy.refused(GRACE + 5)).toBe('retry');
    expect(policy.refused(2 * GRACE + 4)).toBe('retry');
    expect(policy.refused(2 * GRACE + 5)).toBe('fatal');
  });
});
