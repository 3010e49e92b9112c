import { Logger } from '@nestjs/common';
import { StockLine } from '../domain/stock-line';
import { inventoryHarness, StoredProduct } from '../inventory.fixtures';

const product = (sku: string, available: number): StoredProduct => ({
  sku,
  name: sku,
  price: 100,
  currency: 'EUR',
  available,
  reserved: 0,
});

describe('StockUseCases', () => {
  let h: ReturnType<typeof inventoryHarness>;

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(async () => {
    h = inventoryHarness();
    await h.given(product('A', 5), product('B', 1));
  });

  const counts = async () =>
    (await h.stored()).map(({ sku, available, reserved }) => ({ sku, available, reserved }));
  const status = async (orderId: string) => (await h.reservations.find(orderId))?.status;
  const untouched = [
    { sku: 'A', available: 5, reserved: 0 },
    { sku: 'B', available: 1, reserved: 0 },
  ];

  const lines: StockLine[] = [
    { sku: 'A', quantity: 2 },
    { sku: 'B', quantity: 1 },
    { sku: 'A', quantity: 1 },
  ];
  const merged = [
    { sku: 'A', quantity: 3 },
    { sku: 'B', quantity: 1 },
  ];

  it('reserves every line when all fit and announces the merged lines', async () => {
    await h.stock.reserve('o-1', lines);
    expect(await status('o-1')).toBe('RESERVED');
    expect(await counts()).toEqual([
      { sku: 'A', available: 2, reserved: 3 },
      { sku: 'B', available: 0, reserved: 1 },
    ]);
    expect(await h.published()).toEqual([
      { type: 'inventory.reserved', payload: { orderId: 'o-1', items: merged } },
    ]);
  });

  it('rejects the whole order when one line is short and announces the shortages', async () => {
    await h.stock.reserve('o-1', [
      ...lines,
      { sku: 'B', quantity: 1 },
      { sku: 'GHOST', quantity: 1 },
    ]);
    expect(await status('o-1')).toBe('REJECTED');
    expect(await counts()).toEqual(untouched);
    expect(await h.published()).toEqual([
      {
        type: 'inventory.rejected',
        payload: {
          orderId: 'o-1',
          reason: 'Out of stock: B (requested 2, available 1), GHOST (requested 1, available 0)',
          shortages: [
            { sku: 'B', requested: 2, available: 1 },
            { sku: 'GHOST', requested: 1, available: 0 },
          ],
        },
      },
    ]);
  });

  it('writes no product for a rejection, so it never conflicts with other orders', async () => {
    const save = jest.spyOn(h.products, 'save');
    await h.stock.reserve('o-1', [{ sku: 'B', quantity: 2 }]);
    expect(await status('o-1')).toBe('REJECTED');
    expect(save).not.toHaveBeenCalled();
  });

  it('does nothing and announces nothing for an order already decided', async () => {
    await h.stock.reserve('o-1', lines);
    await h.published();
    await h.stock.reserve('o-1', lines);
    await h.stock.reserve('o-1', [{ sku: 'A', quantity: 1 }]);
    expect(await counts()).toEqual([
      { sku: 'A', available: 2, reserved: 3 },
      { sku: 'B', available: 0, reserved: 1 },
    ]);
    expect(await h.published()).toEqual([]);
  });

  it('keeps a rejection decided even once the stock is there', async () => {
    await h.stock.reserve('o-1', [{ sku: 'B', quantity: 2 }]);
    await h.catalog.save('B', { stock: 10 });
    await h.published();
    await h.stock.reserve('o-1', [{ sku: 'B', quantity: 2 }]);
    expect(await status('o-1')).toBe('REJECTED');
    expect(await h.published()).toEqual([]);
  });

  it('releases a reservation once, gives the stock back and announces why', async () => {
    await h.stock.reserve('o-1', lines);
    await h.published();
    await h.stock.release('o-1', 'payment declined');
    await h.stock.release('o-1', 'again');
    expect(await status('o-1')).toBe('RELEASED');
    expect(await counts()).toEqual(untouched);
    expect(await h.published()).toEqual([
      {
        type: 'inventory.released',
        payload: { orderId: 'o-1', items: merged, reason: 'payment declined' },
      },
    ]);
  });

  it('releases nothing and records nothing for an order it never saw', async () => {
    await h.stock.release('o-1', 'payment declined');
    expect(await status('o-1')).toBeUndefined();
    expect(await counts()).toEqual(untouched);
    expect(await h.published()).toEqual([]);
  });

  it('leaves no tombstone: a reservation after an early release is decided as usual', async () => {
    await h.stock.release('o-1', 'order cancelled');
    await h.stock.reserve('o-1', lines);
    expect(await status('o-1')).toBe('RESERVED');
    expect((await h.published()).map((e) => e.type)).toEqual(['inventory.reserved']);
  });

  it('leaves a rejected reservation alone on release', async () => {
    await h.stock.reserve('o-1', [{ sku: 'B', quantity: 2 }]);
    await h.published();
    await h.stock.release('o-1', 'order cancelled');
    expect(await status('o-1')).toBe('REJECTED');
    expect(await counts()).toEqual(untouched);
    expect(await h.published()).toEqual([]);
  });

  it('commits nothing once released: the units stay on the shelf', async () => {
    await h.stock.reserve('o-1', lines);
    await h.stock.release('o-1', 'payment timed out');
    await h.published();
    await h.stock.commit('o-1');
    expect(await status('o-1')).toBe('RELEASED');
    expect(await counts()).toEqual(untouched);
    expect(await h.published()).toEqual([]);
  });

  it('commits a reservation: the reserved units leave and nothing is announced', async () => {
    await h.stock.reserve('o-1', lines);
    await h.published();
    await h.stock.commit('o-1');
    expect(await status('o-1')).toBe('COMMITTED');
    const shipped = [
      { sku: 'A', available: 2, reserved: 0 },
      { sku: 'B', available: 0, reserved: 0 },
    ];
    expect(await counts()).toEqual(shipped);
    await h.stock.commit('o-1');
    await h.stock.commit('o-unknown');
    await h.stock.release('o-1', 'too late');
    expect(await counts()).toEqual(shipped);
    expect(await status('o-1')).toBe('COMMITTED');
    expect(await h.published()).toEqual([]);
  });
});
