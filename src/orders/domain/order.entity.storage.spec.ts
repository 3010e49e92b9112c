import { OrderStatus } from './order-status';
import { Order } from './order.entity';

const place = () =>
  Order.place(
    {
      id: 'o-1',
      customerEmail: 'a@b.co',
      currency: 'EUR',
      items: [
        { sku: 'A', name: 'A', quantity: 2, unitPrice: 150 },
        { sku: 'B', name: 'B', quantity: 1, unitPrice: 99 },
      ],
    },
    'tok_visa',
  );

describe('Order: what its storage relies on', () => {
  it('has persistedVersion 0 when placed, however much it changes before it is stored', () => {
    const o = place();
    o.stockReserved(1000);
    o.paymentSucceeded('INV-1');
    expect(o.persistedVersion).toBe(0);
    expect(o.version).toBe(3);
  });

  it('has the stored version as persistedVersion when restored, and keeps it as it changes', () => {
    const placed = place();
    placed.stockReserved(1000);
    const o = Order.restore({ ...placed.snapshot(), version: 5 });
    expect(o.persistedVersion).toBe(5);
    o.paymentSucceeded('INV-1');
    expect(o.persistedVersion).toBe(5);
    expect(o.version).toBe(6);
  });

  it('bumps the version on every change and on nothing else', () => {
    const o = place();
    o.stockReserved(1000);
    o.stockReserved(1000);
    o.cancel('why');
    o.stockReleased('back on the shelf');
    expect(o.version).toBe(4);
  });

  it('hands out copies: changing a snapshot does not change the order', () => {
    const o = place();
    const s = o.snapshot();
    s.items[0].quantity = 99;
    s.history[0].reason = 'tampered';
    expect(o.total).toBe(399);
    expect(o.snapshot().history[0].reason).toBeUndefined();
  });

  it('restores every process field from stored props, without sharing lines or history', () => {
    const stored = place();
    stored.stockReserved(1000);
    const props = stored.snapshot();
    const o = Order.restore(props);
    props.items[0].quantity = 50;
    props.history.push({ status: OrderStatus.CANCELLED, at: new Date() });
    expect(o.total).toBe(399);
    expect(o.snapshot()).toStrictEqual(stored.snapshot());
    expect(o.step).toBe('awaiting-payment');
  });
});
