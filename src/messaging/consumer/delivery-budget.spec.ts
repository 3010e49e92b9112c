import { QueueBudgetInput, deliveryBudget } from './delivery-budget';

const LIMITS = { deliveryLimit: 10, maxAttempt: 100, brokerNodes: 3 };
const queue = (over: Partial<QueueBudgetInput> = {}): QueueBudgetInput => ({
  queue: 'billing.charge-payment',
  retryDelaysMs: [1000, 5000, 25000],
  consumerTimeoutMs: 300_000,
  quorum: true,
  ...over,
});

describe('deliveryBudget', () => {
  it('accepts the shipped policy on a 3-node cluster and states the budget', () => {
    const budget = deliveryBudget(
      [
        queue(),
        queue({ queue: 'notifications.order-confirmed', consumerTimeoutMs: 900_000 }),
        queue({ queue: 'inventory.reserve-stock' }),
        queue({ queue: 'orders.product-updated.<instance>', retryDelaysMs: [], quorum: false }),
      ],
      LIMITS,
    );
    expect(budget.problems).toEqual([]);
    expect(budget.summary).toEqual([
      expect.stringMatching(/^Delivery budget: 3 subscription queue\(s\) with delivery limit 10;/),
      '4 attempt(s) (retries after 1000, 5000, 25000 ms), consumer timeout 300 s: 2 queue(s).',
      '4 attempt(s) (retries after 1000, 5000, 25000 ms), consumer timeout 900 s: 1 queue(s).',
      expect.stringContaining('the recorder never returns one'),
    ]);
    expect(budget.summary[0]).toContain('10 per attempt, 5 needed for a rolling restart of 3');
  });

  it('does not charge our retries to the delivery limit: they are new messages', () => {
    const many = Array.from({ length: 40 }, (_, i) => 100 * (i + 1));
    expect(deliveryBudget([queue({ retryDelaysMs: many })], LIMITS).problems).toEqual([]);
  });

  it('refuses a limit a rolling restart, a redeploy and a timeout could exhaust', () => {
    expect(deliveryBudget([queue()], { ...LIMITS, deliveryLimit: 5 }).problems).toEqual([]);
    const [problem] = deliveryBudget([queue()], { ...LIMITS, deliveryLimit: 4 }).problems;
    expect(problem).toBe(
      'The delivery limit of subscription queues (4) must be at least 5: a rolling restart of ' +
        '3 broker node(s), a redeploy and a consumer timeout may return one attempt that often ' +
        'before it fails or succeeds',
    );
    const nine = { ...LIMITS, brokerNodes: 9 };
    expect(deliveryBudget([queue()], nine).problems).toEqual([
      expect.stringContaining('(10) must be at least 11'),
    ]);
    expect(deliveryBudget([], { ...LIMITS, deliveryLimit: 7.5 }).problems).toHaveLength(1);
  });

  it('refuses more attempts than a message can count', () => {
    const at = (n: number) => Array.from({ length: n }, () => 10);
    expect(deliveryBudget([queue({ retryDelaysMs: at(99) })], LIMITS).problems).toEqual([]);
    expect(deliveryBudget([queue({ retryDelaysMs: at(100) })], LIMITS).problems).toEqual([
      "billing.charge-payment: 100 retries make 101 attempts, more than the 100 a message's " +
        'attempt header may count; it would be parked for a garbled header instead of its own ' +
        'failure',
    ]);
  });

  it.each([[0], [-5], [1.5], [NaN], [2 ** 32]])('refuses a retry delay of %p', (delay) => {
    const { problems } = deliveryBudget([queue({ retryDelaysMs: [100, delay] })], LIMITS);
    expect(problems).toEqual([
      `billing.charge-payment: retry delays must be whole milliseconds from 1 to 4294967295, got ${delay}; such a step would park the message early or fail its retry queue`,
    ]);
  });

  it('accepts the extremes of a retry delay', () => {
    const extremes = queue({ retryDelaysMs: [1, 2 ** 32 - 1] });
    expect(deliveryBudget([extremes], LIMITS).problems).toEqual([]);
  });

  it.each([[0], [2 ** 32], [0.5]])('refuses a consumer timeout of %p', (ms) => {
    expect(deliveryBudget([queue({ consumerTimeoutMs: ms })], LIMITS).problems).toEqual([
      `billing.charge-payment: the consumer timeout must be whole milliseconds from 1 to 4294967295, got ${ms}`,
    ]);
  });

  it('lists every problem of every queue at once', () => {
    const a = queue({ queue: 'a', retryDelaysMs: [0], consumerTimeoutMs: 0 });
    const b = queue({ queue: 'b', retryDelaysMs: [-1] });
    const problems = deliveryBudget([a, b], { ...LIMITS, deliveryLimit: 1 }).problems;
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'The delivery limit of subscription queues (1) must be at least 5',
      'a',
      'a',
      'b',
    ]);
  });

  it('states a policy without retries as a single attempt', () => {
    const { summary } = deliveryBudget([queue({ retryDelaysMs: [] })], LIMITS);
    expect(summary[1]).toBe('1 attempt(s), consumer timeout 300 s: 1 queue(s).');
  });
});
