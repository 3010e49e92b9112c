import { Product } from './product.entity';
import { Reservation } from './reservation.entity';

const product = (sku: string, available: number, reserved = 0): Product =>
  Product.restore({ sku, name: sku, price: 1, currency: 'EUR', available, reserved, version: 1 });

const counts = (...ps: Product[]) => ps.map((p) => [p.sku, p.available, p.reserved]);
const at = new Date('2030-01-02T03:04:05Z');

describe('Reservation once decided', () => {
  function held(a: Product): Reservation {
    const r = Reservation.decide('o-1', [{ sku: 'A', quantity: 2 }], [a]);
    r.clearEvents();
    return r;
  }

  describe('release', () => {
    it('gives the held units back once, announcing the lines and why', () => {
      const a = product('A', 5);
      const r = held(a);

      r.release('payment declined', [a], at);
      r.release('again', [a]);

      expect(r.snapshot()).toMatchObject({ status: 'RELEASED', updatedAt: at });
      expect(counts(a)).toEqual([['A', 5, 0]]);
      expect(r.events).toEqual([
        {
          type: 'StockReleased',
          orderId: 'o-1',
          items: [{ sku: 'A', quantity: 2 }],
          reason: 'payment declined',
        },
      ]);
    });

    it.each([
      ['rejected', (a: Product) => Reservation.decide('o-1', [{ sku: 'A', quantity: 9 }], [a])],
      [
        'released',
        (a: Product) => {
          const r = held(a);
          r.release('declined', [a]);
          return r;
        },
      ],
      [
        'committed',
        (a: Product) => {
          const r = held(a);
          r.commit([a]);
          return r;
        },
      ],
    ])('does nothing to a %s reservation', (_, make) => {
      const a = product('A', 5);
      const r = make(a);
      const [before, stock] = [r.snapshot(), counts(a)];
      r.clearEvents();

      r.release('late', [a]);

      expect(r.snapshot()).toEqual(before);
      expect(counts(a)).toEqual(stock);
      expect(r.events).toEqual([]);
    });

    it('skips a product that is missing, still releasing the rest', () => {
      const [a, b] = [product('A', 5), product('B', 5)];
      const r = Reservation.decide(
        'o-1',
        [
          { sku: 'A', quantity: 1 },
          { sku: 'B', quantity: 1 },
        ],
        [a, b],
      );
      r.release('gone', [b]);
      expect(r.status).toBe('RELEASED');
      expect(counts(a, b)).toEqual([
        ['A', 4, 1],
        ['B', 5, 0],
      ]);
    });
  });

  describe('commit', () => {
    it('sends the held units out of the warehouse once, silently', () => {
      const a = product('A', 5);
      const r = held(a);

      r.commit([a], at);
      r.commit([a]);

      expect(r.snapshot()).toMatchObject({ status: 'COMMITTED', updatedAt: at });
      expect(counts(a)).toEqual([['A', 3, 0]]);
      expect(r.events).toEqual([]);
    });

    it('does nothing once released', () => {
      const a = product('A', 5);
      const r = held(a);
      r.release('cancelled', [a]);
      r.commit([a]);
      expect(r.status).toBe('RELEASED');
      expect(counts(a)).toEqual([['A', 5, 0]]);
    });
  });

  it('is restored as stored, sharing no lines with the caller', () => {
    const props = held(product('A', 5)).snapshot();
    const r = Reservation.restore(props);
    props.items[0].quantity = 99;
    r.items[0].quantity = 98;
    expect(r.items).toEqual([{ sku: 'A', quantity: 2 }]);
    expect(r.events).toEqual([]);
  });
});
