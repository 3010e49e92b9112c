import { Product, ProductProps } from './product.entity';
import { StockBelowReservedError } from './stock-below-reserved.error';
import { StockMoveRefusedError } from './stock-move-refused.error';

const stored = (available: number, reserved: number): Product =>
  Product.restore({
    sku: 'A',
    name: 'Mug',
    price: 1250,
    currency: 'EUR',
    available,
    reserved,
    version: 4,
  });

const counts = (p: Product) => ({ available: p.available, reserved: p.reserved });

describe('Product', () => {
  it('is created unstored, with all its stock available, and announces itself', () => {
    const p = Product.create({ sku: 'A', name: 'Mug', price: 1250, currency: 'EUR', stock: 7 });

    expect(p.snapshot()).toEqual({
      sku: 'A',
      name: 'Mug',
      price: 1250,
      currency: 'EUR',
      available: 7,
      reserved: 0,
      version: 1,
    });
    expect(p.persistedVersion).toBe(0);
    expect(p.events).toEqual([
      { type: 'ProductUpdated', sku: 'A', name: 'Mug', price: 1250, currency: 'EUR', available: 7 },
    ]);
  });

  it('is restored as it was stored, announcing nothing and sharing nothing', () => {
    const props: ProductProps = stored(5, 2).snapshot();
    const p = Product.restore(props);
    props.available = 0;

    expect(p.snapshot()).toEqual({ ...props, available: 5 });
    expect([p.version, p.persistedVersion]).toEqual([4, 4]);
    expect(p.events).toEqual([]);
  });

  it('goes one version past the stored one once changed, however many changes', () => {
    const p = stored(5, 0);
    p.reserve(2);
    p.release(1);
    p.commit(1);
    p.revise({ price: 1 });
    expect([p.version, p.persistedVersion]).toEqual([5, 4]);
  });

  it.each([
    ['reserve', (p: Product) => p.reserve(1)],
    ['release', (p: Product) => p.release(1)],
    ['commit', (p: Product) => p.commit(1)],
    ['revise', (p: Product) => p.revise({ name: 'Big mug' })],
  ])('counts a %s as a change', (_, change) => {
    const p = stored(5, 2);
    change(p);
    expect(p.version).toBe(5);
  });

  it('stands at the stored version once committed, its events handed over', () => {
    const p = Product.create({ sku: 'A', name: 'Mug', price: 1250, currency: 'EUR', stock: 7 });
    p.markCommitted();
    expect([p.version, p.persistedVersion]).toEqual([1, 1]);
    expect(p.events).toEqual([]);
    const q = stored(5, 0);
    q.reserve(1);
    q.markCommitted();
    expect([q.version, q.persistedVersion]).toEqual([5, 5]);
    q.reserve(1);
    expect(q.version).toBe(6);
  });

  describe('revise', () => {
    it('changes name and price, keeping stock, with one announcement of the result', () => {
      const p = stored(5, 2);
      p.revise({ name: 'Big mug', price: 1500 });

      expect(p.snapshot()).toMatchObject({ name: 'Big mug', price: 1500, available: 5 });
      expect(p.events).toEqual([
        {
          type: 'ProductUpdated',
          sku: 'A',
          name: 'Big mug',
          price: 1500,
          currency: 'EUR',
          available: 5,
        },
      ]);
    });

    it('treats stock as units on hand: available becomes stock minus reserved', () => {
      const p = stored(2, 3);
      p.revise({ stock: 10 });

      expect(counts(p)).toEqual({ available: 7, reserved: 3 });
      expect(p.events).toMatchObject([{ type: 'ProductUpdated', available: 7 }]);
    });

    it('accepts stock equal to what is reserved', () => {
      const p = stored(2, 3);
      p.revise({ stock: 3 });
      expect(counts(p)).toEqual({ available: 0, reserved: 3 });
    });

    it('refuses stock below what is reserved as a whole: nothing changes, nothing is announced', () => {
      const p = stored(2, 3);

      expect(() => p.revise({ name: 'New', price: 1, stock: 2 })).toThrow(
        new StockBelowReservedError('A', 2),
      );
      expect(p.snapshot()).toEqual(stored(2, 3).snapshot());
      expect(p.events).toEqual([]);
    });

    it.each([
      ['no field', {}],
      ['the same values', { name: 'Mug', price: 1250, stock: 7 }],
    ])('announces nothing when given %s', (_, changes) => {
      const p = stored(5, 2);
      p.revise(changes);
      expect(p.snapshot()).toEqual(stored(5, 2).snapshot());
      expect(p.events).toEqual([]);
    });
  });

  describe('stock moves', () => {
    it('reserves from available, releases back and commits out of the warehouse, silently', () => {
      const p = stored(5, 0);
      p.reserve(3);
      expect(counts(p)).toEqual({ available: 2, reserved: 3 });
      p.release(1);
      expect(counts(p)).toEqual({ available: 3, reserved: 2 });
      p.commit(2);
      expect(counts(p)).toEqual({ available: 3, reserved: 0 });
      expect(p.events).toEqual([]);
    });

    it('moves up to everything there is', () => {
      const p = stored(2, 1);
      p.reserve(2);
      p.commit(3);
      expect(counts(p)).toEqual({ available: 0, reserved: 0 });
    });

    it.each([
      ['reserve', 3, (p: Product) => p.reserve(3), 'Cannot reserve 3 of A: 2 available'],
      ['release', 2, (p: Product) => p.release(2), 'Cannot release 2 of A: 1 reserved'],
      ['commit', 2, (p: Product) => p.commit(2), 'Cannot commit 2 of A: 1 reserved'],
      ['reserve', 0, (p: Product) => p.reserve(0), 'Cannot reserve 0 of A: 2 available'],
      ['release', -1, (p: Product) => p.release(-1), 'Cannot release -1 of A: 1 reserved'],
      ['commit', 0.5, (p: Product) => p.commit(0.5), 'Cannot commit 0.5 of A: 1 reserved'],
    ])('refuses to %s %p, leaving the counts alone', (_, __, move, message) => {
      const p = stored(2, 1);
      expect(() => move(p)).toThrow(StockMoveRefusedError);
      expect(() => move(p)).toThrow(message);
      expect(counts(p)).toEqual({ available: 2, reserved: 1 });
      expect(p.version).toBe(4);
    });
  });
});
