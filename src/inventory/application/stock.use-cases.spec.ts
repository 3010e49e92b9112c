import { Logger } from '@nestjs/common';
import { InMemoryOutboxStore } from '../../messaging/outbox/in-memory-outbox.store';
import { Product, StockLine } from '../domain/product';
import { InMemoryInventoryRepository } from '../infrastructure/in-memory-inventory.repository';
import { OutgoingEvents, ReserveOutcome } from './inventory.repository';
import { StockUseCases } from './stock.use-cases';

const product = (sku: string, available: number): Product => ({
  sku,
  name: sku,
  price: 100,
  currency: 'EUR',
  available,
  reserved: 0,
});

describe('StockUseCases', () => {
  let outbox: InMemoryOutboxStore;
  let repo: InMemoryInventoryRepository;
  let stock: StockUseCases;

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(async () => {
    outbox = new InMemoryOutboxStore();
    repo = new InMemoryInventoryRepository(outbox);
    stock = new StockUseCases(repo);
    await repo.seed([product('A', 5), product('B', 1)], () => []);
  });

  const published = async () =>
    (await outbox.claim(100)).map((m) => {
      const { type, payload } = JSON.parse(m.body) as { type: string; payload: unknown };
      return { type, payload };
    });
  const counts = async () =>
    (await repo.listProducts()).map(({ sku, available, reserved }) => ({
      sku,
      available,
      reserved,
    }));
  const status = async (orderId: string) => (await repo.findReservation(orderId))?.status;

  const lines: StockLine[] = [
    { sku: 'A', quantity: 2 },
    { sku: 'B', quantity: 1 },
    { sku: 'A', quantity: 1 },
  ];

  it('reserves every line when all fit and announces the merged lines', async () => {
    await stock.reserve('o-1', lines);
    expect(await status('o-1')).toBe('RESERVED');
    expect(await counts()).toEqual([
      { sku: 'A', available: 2, reserved: 3 },
      { sku: 'B', available: 0, reserved: 1 },
    ]);
    expect(await published()).toEqual([
      {
        type: 'inventory.reserved',
        payload: {
          orderId: 'o-1',
          items: [
            { sku: 'A', quantity: 3 },
            { sku: 'B', quantity: 1 },
          ],
        },
      },
    ]);
  });

  it('rejects the whole order when one line is short and announces the shortages', async () => {
    await stock.reserve('o-1', [...lines, { sku: 'B', quantity: 1 }]);
    expect(await status('o-1')).toBe('REJECTED');
    expect(await counts()).toEqual([
      { sku: 'A', available: 5, reserved: 0 },
      { sku: 'B', available: 1, reserved: 0 },
    ]);
    expect(await published()).toEqual([
      {
        type: 'inventory.rejected',
        payload: {
          orderId: 'o-1',
          reason: 'Out of stock: B (requested 2, available 1)',
          shortages: [{ sku: 'B', requested: 2, available: 1 }],
        },
      },
    ]);
  });

  it('does nothing and announces nothing for an order already decided', async () => {
    await stock.reserve('o-1', lines);
    await published();
    await stock.reserve('o-1', lines);
    await stock.reserve('o-1', [{ sku: 'A', quantity: 1 }]);
    expect(await counts()).toEqual([
      { sku: 'A', available: 2, reserved: 3 },
      { sku: 'B', available: 0, reserved: 1 },
    ]);
    expect(await published()).toEqual([]);
  });

  it('gives no events to a repository reporting an already-decided outcome', async () => {
    const given: OutgoingEvents[] = [];
    class Redelivered extends InMemoryInventoryRepository {
      override async reserve(
        orderId: string,
        _lines: StockLine[],
        events: (o: ReserveOutcome) => OutgoingEvents,
      ): Promise<ReserveOutcome> {
        const outcome: ReserveOutcome = {
          kind: 'already-decided',
          reservation: { orderId, items: [], status: 'CANCELLED', updatedAt: new Date() },
        };
        given.push(events(outcome));
        return outcome;
      }
    }
    await new StockUseCases(new Redelivered(outbox)).reserve('o-1', lines);
    expect(given).toEqual([[]]);
  });

  it('releases a reservation, gives the stock back and announces why', async () => {
    await stock.reserve('o-1', lines);
    await published();
    await stock.release('o-1', 'payment declined', false);
    expect(await status('o-1')).toBe('RELEASED');
    expect(await counts()).toEqual([
      { sku: 'A', available: 5, reserved: 0 },
      { sku: 'B', available: 1, reserved: 0 },
    ]);
    expect(await published()).toEqual([
      {
        type: 'inventory.released',
        payload: {
          orderId: 'o-1',
          items: [
            { sku: 'A', quantity: 3 },
            { sku: 'B', quantity: 1 },
          ],
          reason: 'payment declined',
        },
      },
    ]);
  });

  it('leaves a cancellation tombstone so a late reservation reserves nothing', async () => {
    await stock.release('o-1', 'order cancelled', true);
    expect(await status('o-1')).toBe('CANCELLED');
    await stock.reserve('o-1', lines);
    expect(await status('o-1')).toBe('CANCELLED');
    expect(await counts()).toEqual([
      { sku: 'A', available: 5, reserved: 0 },
      { sku: 'B', available: 1, reserved: 0 },
    ]);
    expect(await published()).toEqual([]);
  });

  it('releases nothing and records nothing for an unknown order without a tombstone', async () => {
    await stock.release('o-1', 'payment declined', false);
    expect(await status('o-1')).toBeUndefined();
    expect(await published()).toEqual([]);
  });

  it('commits a reservation: the reserved units leave and nothing is announced', async () => {
    await stock.reserve('o-1', lines);
    await published();
    await stock.commit('o-1');
    expect(await status('o-1')).toBe('COMMITTED');
    expect(await counts()).toEqual([
      { sku: 'A', available: 2, reserved: 0 },
      { sku: 'B', available: 0, reserved: 0 },
    ]);
    await stock.commit('o-1');
    await stock.commit('o-unknown');
    expect(await counts()).toEqual([
      { sku: 'A', available: 2, reserved: 0 },
      { sku: 'B', available: 0, reserved: 0 },
    ]);
    expect(await published()).toEqual([]);
  });
});
