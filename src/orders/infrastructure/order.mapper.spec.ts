import { Order } from '../domain/order.entity';
import { OrderMapper } from './order.mapper';
import { OrderDoc } from './order.schema';

const T0 = new Date('2026-11-23T10:00:00.000Z');
const place = () =>
  Order.place(
    {
      id: 'o-1',
      customerEmail: 'a@b.co',
      currency: 'EUR',
      items: [{ sku: 'A', name: 'A', quantity: 1, unitPrice: 100 }],
    },
    'tok_visa',
    T0,
  );

describe('OrderMapper', () => {
  it('writes unset optional fields as null, so an update clears them', () => {
    const order = place();
    order.stockReserved(1000, T0);
    const doc = OrderMapper.toDoc(order);
    expect(doc).toMatchObject({ _id: 'o-1', stock: 'reserved', payment: 'charge-requested' });
    expect([doc.paymentToken, doc.invoiceNumber]).toEqual([null, null]);
    expect(doc.paymentDueAt).toEqual(new Date(T0.getTime() + 1000));
  });

  it('reads null and absent fields as unset, and round-trips every field', () => {
    const order = place();
    const doc = OrderMapper.toDoc(order);
    expect(OrderMapper.toDomain(doc).snapshot()).toStrictEqual(order.snapshot());
    const { paymentDueAt: _d, invoiceNumber: _i, ...absent } = doc;
    expect(OrderMapper.toDomain(absent as OrderDoc).snapshot()).toStrictEqual(order.snapshot());
  });

  it('keeps the invoice and the due time it reads', () => {
    const order = place();
    order.stockReserved(1000, T0);
    order.paymentSucceeded('INV-1', T0);
    const found = OrderMapper.toDomain(OrderMapper.toDoc(order));
    expect(found.snapshot()).toStrictEqual(order.snapshot());
    expect(found.persistedVersion).toBe(3);
  });
});
