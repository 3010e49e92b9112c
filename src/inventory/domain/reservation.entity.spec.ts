import { Product } from './product.entity';
import { Reservation } from './reservation.entity';

const product = (sku: string, available: number, reserved = 0): Product =>
  Product.restore({ sku, name: sku, price: 1, currency: 'EUR', available, reserved, version: 1 });

const counts = (...ps: Product[]) => ps.map((p) => [p.sku, p.available, p.reserved]);
const at = new Date('2030-01-02T03:04:05Z');

describe('Reservation.decide', () => {
  it('reserves every line when all fit, merged per SKU, and announces the lines', () => {
    const [a, b] = [product('A', 5), product('B', 1)];
    const r = Reservation.decide(
      'o-1',
      [
        { sku: 'A', quantity: 2 },
        { sku: 'B', quantity: 1 },
        { sku: 'A', quantity: 1 },
      ],
      [a, b],
      at,
    );

    const items = [
      { sku: 'A', quantity: 3 },
      { sku: 'B', quantity: 1 },
    ];
    expect(r.snapshot()).toEqual({
      orderId: 'o-1',
      items,
      status: 'RESERVED',
      updatedAt: at,
      version: 1,
    });
    expect(r.persistedVersion).toBe(0);
    expect(r.holdsStock).toBe(true);
    expect(counts(a, b)).toEqual([
      ['A', 2, 3],
      ['B', 0, 1],
    ]);
    expect(r.events).toEqual([{ type: 'StockReserved', orderId: 'o-1', items }]);
  });

  it('is all-or-none: one short line rejects the order and moves no stock at all', () => {
    const [a, b] = [product('A', 10), product('B', 1)];
    const r = Reservation.decide(
      'o-1',
      [
        { sku: 'A', quantity: 3 },
        { sku: 'B', quantity: 2 },
      ],
      [a, b],
    );

    expect(r.status).toBe('REJECTED');
    expect(r.holdsStock).toBe(false);
    expect(counts(a, b)).toEqual([
      ['A', 10, 0],
      ['B', 1, 0],
    ]);
    expect(r.events).toEqual([
      {
        type: 'StockRejected',
        orderId: 'o-1',
        shortages: [{ sku: 'B', requested: 2, available: 1 }],
        reason: 'Out of stock: B (requested 2, available 1)',
      },
    ]);
  });

  it('adds up a split line before checking, so it cannot dodge the check', () => {
    const a = product('A', 3);
    const r = Reservation.decide(
      'o-1',
      [
        { sku: 'A', quantity: 2 },
        { sku: 'A', quantity: 2 },
      ],
      [a],
    );

    expect(r.events).toMatchObject([
      { type: 'StockRejected', shortages: [{ sku: 'A', requested: 4, available: 3 }] },
    ]);
    expect(counts(a)).toEqual([['A', 3, 0]]);
  });

  it('treats an unknown SKU as having nothing available, and names every short line', () => {
    const [a, b] = [product('A', 3), product('B', 0, 4)];
    const r = Reservation.decide(
      'o-1',
      [
        { sku: 'A', quantity: 1 },
        { sku: 'B', quantity: 1 },
        { sku: 'Z', quantity: 2 },
      ],
      [a, b],
    );

    expect(r.events).toMatchObject([
      {
        shortages: [
          { sku: 'B', requested: 1, available: 0 },
          { sku: 'Z', requested: 2, available: 0 },
        ],
      },
    ]);
    expect(r.items).toEqual([
      { sku: 'A', quantity: 1 },
      { sku: 'B', quantity: 1 },
      { sku: 'Z', quantity: 2 },
    ]);
  });

  it('reserves a line that takes exactly what is available', () => {
    const a = product('A', 3);
    expect(Reservation.decide('o-1', [{ sku: 'A', quantity: 3 }], [a]).status).toBe('RESERVED');
    expect(counts(a)).toEqual([['A', 0, 3]]);
  });
});

describe('Reservation versions', () => {
  const stored = (version: number) =>
    Reservation.restore({
      orderId: 'o-9',
      items: [{ sku: 'A', quantity: 1 }],
      status: 'RESERVED',
      updatedAt: at,
      version,
    });

  it('stands at the stored version once committed, its events handed over', () => {
    const r = Reservation.decide('o-9', [{ sku: 'A', quantity: 1 }], [], at);
    expect([r.version, r.persistedVersion]).toEqual([1, 0]);
    expect(r.events).toHaveLength(1);
    r.markCommitted();
    expect([r.version, r.persistedVersion]).toEqual([1, 1]);
    expect(r.events).toEqual([]);
  });

  it('is restored at the stored version and goes one past it once released or committed', () => {
    const [released, committed] = [stored(3), stored(3)];
    expect([released.version, released.persistedVersion]).toEqual([3, 3]);

    released.release('declined', [product('A', 0, 1)], at);
    committed.commit([product('A', 0, 1)], at);

    expect([released.version, released.persistedVersion]).toEqual([4, 3]);
    expect([committed.version, committed.persistedVersion]).toEqual([4, 3]);
    committed.markCommitted();
    expect([committed.version, committed.persistedVersion]).toEqual([4, 4]);
  });

  it.each(['REJECTED', 'RELEASED', 'COMMITTED'] as const)(
    'stays at the stored version, untouched and silent, when %s: nothing to release or commit',
    (status) => {
      const r = Reservation.restore({ ...stored(2).snapshot(), status });
      const before = r.snapshot();
      r.release('late', [product('A', 0, 1)], new Date('2031-01-01T00:00:00Z'));
      r.commit([product('A', 0, 1)], new Date('2031-01-01T00:00:00Z'));
      expect(r.snapshot()).toEqual(before);
      expect([r.version, r.persistedVersion]).toEqual([2, 2]);
      expect(r.events).toEqual([]);
    },
  );
});
