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
    o.confirm('INV-1');
    expect(o.persistedVersion).toBe(0);
    expect(o.version).toBe(3);
  });

  it('has the stored version as persistedVersion when restored, and keeps it as it changes', () => {
    const o = Order.restore({
      ...place().snapshot(),
      status: OrderStatus.STOCK_RESERVED,
      version: 5,
    });
    expect(o.persistedVersion).toBe(5);
    o.confirm('INV-1');
    expect(o.persistedVersion).toBe(5);
    expect(o.version).toBe(6);
  });

  it('bumps the version on every change, so stale writers can be detected', () => {
    const o = place();
    const v = o.version;
    o.stockReserved();
    o.stockReleased('expired');
    expect(o.version).toBe(v + 2);
  });

  it('hands out copies: changing a snapshot does not change the order', () => {
    const o = place();
    o.snapshot().items[0].quantity = 99;
    expect(o.total).toBe(399);
  });

  it('restores from stored props without sharing their lines or history', () => {
    const props = place().snapshot();
    const o = Order.restore(props);
    props.items[0].quantity = 50;
    props.history[0].reason = 'tampered';
    props.history.push({ status: OrderStatus.CANCELLED, at: new Date() });
    expect(o.total).toBe(399);
    expect(o.snapshot().history).toStrictEqual([
      { status: OrderStatus.PENDING, at: o.snapshot().createdAt },
    ]);
    const s = o.snapshot();
    s.history[0].reason = 'tampered';
    expect(o.snapshot().history[0].reason).toBeUndefined();
  });
});
