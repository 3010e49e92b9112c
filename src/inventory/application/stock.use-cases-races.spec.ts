import { Logger } from '@nestjs/common';
import { inventoryHarness, StoredProduct } from '../inventory.fixtures';

const product = (sku: string, available: number): StoredProduct => ({
  sku,
  name: sku,
  price: 100,
  currency: 'EUR',
  available,
  reserved: 0,
});

/** Deliveries that overlap: the unit of work's retries and the SKU lanes must settle them. */
describe('StockUseCases under concurrent deliveries', () => {
  let h: ReturnType<typeof inventoryHarness>;

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(async () => {
    h = inventoryHarness();
    await h.given(product('A', 5), product('B', 1));
  });

  const counts = async () =>
    (await h.stored()).map(({ sku, available, reserved }) => ({ sku, available, reserved }));
  const status = async (orderId: string) => (await h.reservations.find(orderId))?.status;
  it('decides a redelivered order once, even when the deliveries race', async () => {
    await Promise.all([1, 2, 3].map(() => h.stock.reserve('o-1', [{ sku: 'A', quantity: 2 }])));
    expect(await counts()).toEqual([
      { sku: 'A', available: 3, reserved: 2 },
      { sku: 'B', available: 1, reserved: 0 },
    ]);
    expect((await h.published()).map((e) => e.type)).toEqual(['inventory.reserved']);
  });

  it('never oversells under concurrent reservations', async () => {
    const orders = ['o-1', 'o-2', 'o-3', 'o-4', 'o-5', 'o-6'];
    await Promise.all(orders.map((id) => h.stock.reserve(id, [{ sku: 'A', quantity: 2 }])));
    const statuses = await Promise.all(orders.map(status));
    expect(statuses.filter((s) => s === 'RESERVED')).toHaveLength(2);
    expect(statuses.filter((s) => s === 'REJECTED')).toHaveLength(4);
    expect((await counts())[0]).toEqual({ sku: 'A', available: 1, reserved: 4 });
    const types = (await h.published()).map((e) => e.type).sort();
    expect(types).toEqual([
      ...Array(4).fill('inventory.rejected'),
      ...Array(2).fill('inventory.reserved'),
    ]);
  });

  it('takes a burst of orders for one SKU without running out of retries', async () => {
    await h.given({ ...product('HOT', 100) });
    const orders = Array.from({ length: 40 }, (_, i) => `o-${i}`);
    const [first, rest] = [orders.slice(0, 10), orders.slice(10)];
    for (const id of first) await h.stock.reserve(id, [{ sku: 'HOT', quantity: 1 }]);
    await Promise.all([
      ...rest.map((id) => h.stock.reserve(id, [{ sku: 'HOT', quantity: 1 }])),
      ...first.map((id) => h.stock.release(id, 'cancelled')),
    ]);
    const statuses = await Promise.all(orders.map(status));
    expect(statuses).toEqual([...first.map(() => 'RELEASED'), ...rest.map(() => 'RESERVED')]);
    expect(await counts()).toContainEqual({ sku: 'HOT', available: 70, reserved: 30 });
  });
});
