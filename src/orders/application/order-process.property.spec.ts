import fc from 'fast-check';
import { OrderStatus, canTransition } from '../domain/order-status';
import { Scenario, SagaSimulation } from './order-process.simulation.fixtures';

// A test knob, like the end-to-end fuzzers': FUZZ_SEED=<n> replays or varies the interleavings.
// eslint-disable-next-line no-restricted-syntax
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const RUNS = 300;

const scenario: fc.Arbitrary<Scenario> = fc.record({
  stock: fc.constantFrom('reserve', 'reserve', 'reject'),
  payment: fc.constantFrom('ok', 'ok', 'declined', 'stuck'),
  flakyRefund: fc.boolean(),
  cancels: fc.nat({ max: 2 }),
  timeouts: fc.array(fc.boolean(), { maxLength: 3 }),
  duplicates: fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }),
  picks: fc.array(fc.nat({ max: 50 }), { minLength: 1, maxLength: 20 }),
});

const { CONFIRMED, REJECTED, CANCELLED } = OrderStatus;
const ENDING = { [CONFIRMED]: 'order.confirmed', [REJECTED]: 'order.rejected' } as Record<
  string,
  string
>;

/**
 * Random interleavings of every answer, duplicates, customer cancels and early or late timeouts,
 * delivered until nothing is left in flight: the order always ends in one final state that
 * matches what inventory and billing hold, told to the customer once, with no command sent twice.
 */
describe('The order process under any interleaving (property)', () => {
  it(`ends every order right (seed ${SEED}, FUZZ_SEED to change it; ${RUNS} runs)`, async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const sim = new SagaSimulation(s);
        const order = await sim.run();
        const { status, step } = order;
        const { charged, refunded } = sim.billing;
        const held = sim.inventory.held;
        seen.add(status);

        expect([CONFIRMED, REJECTED, CANCELLED]).toContain(status);
        expect(step).toBe('done');
        const paidAndKept = charged && !refunded;
        expect(status === CONFIRMED).toBe(paidAndKept && held === 'committed');
        if (status !== CONFIRMED) {
          expect(paidAndKept).toBe(false);
          expect(['none', 'rejected', 'released']).toContain(held);
        }
        expect(sim.endings).toEqual([ENDING[status] ?? 'order.cancelled']);
        expect(new Set(sim.commands).size).toBe(sim.commands.length);
        const statuses = order.snapshot().history.map((h) => h.status);
        statuses.slice(1).forEach((to, i) => {
          if (to !== statuses[i]) expect(canTransition(statuses[i], to)).toBe(true);
        });
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The generator reaches every ending, or the property says little.
    expect([...seen].sort()).toEqual([CANCELLED, CONFIRMED, REJECTED]);
  });
});
