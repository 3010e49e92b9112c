import { CorrelationContext } from '../../common/correlation/correlation.context';
import { OrderStatus } from '../domain/order-status';
import { Order } from '../domain/order.entity';
import { OrderEvents } from './order-events';

const items = [
  { sku: 'MUG', name: 'Mug', quantity: 2, unitPrice: 1250 },
  { sku: 'TEE', name: 'Tee', quantity: 1, unitPrice: 2400 },
];
const place = () => Order.place({ id: 'o-1', customerEmail: 'a@b.co', currency: 'EUR', items });

describe('OrderEvents', () => {
  it('announces a confirmation with the lines, total, currency and invoice number', () => {
    const order = place();
    order.transition(OrderStatus.STOCK_RESERVED);
    order.confirm('INV-1');
    const event = OrderEvents.confirmed(order);
    expect(event.type).toBe('order.confirmed');
    expect(event.version).toBe(1);
    expect(event.payload).toStrictEqual({
      orderId: 'o-1',
      customerEmail: 'a@b.co',
      items,
      total: 4900,
      currency: 'EUR',
      invoiceNumber: 'INV-1',
    });
  });

  it('sends an empty invoice number rather than none when the order has no invoice', () => {
    expect(OrderEvents.confirmed(place()).payload).toMatchObject({ invoiceNumber: '' });
  });

  it('announces a rejection with its reason and the shortages', () => {
    const shortages = [{ sku: 'MUG', requested: 2, available: 1 }];
    const event = OrderEvents.rejected(place(), 'Not enough stock', shortages);
    expect(event.type).toBe('order.rejected');
    expect(event.version).toBe(1);
    expect(event.payload).toStrictEqual({
      orderId: 'o-1',
      customerEmail: 'a@b.co',
      reason: 'Not enough stock',
      shortages,
    });
  });

  it('announces a cancellation with its reason, the lines and the total to refund', () => {
    const event = OrderEvents.cancelled(place(), 'Cancelled by the customer');
    expect(event.type).toBe('order.cancelled');
    expect(event.version).toBe(1);
    expect(event.payload).toStrictEqual({
      orderId: 'o-1',
      customerEmail: 'a@b.co',
      reason: 'Cancelled by the customer',
      items,
      total: 4900,
      currency: 'EUR',
    });
  });

  it('carries the correlation and cause of the flow being handled', () => {
    const event = CorrelationContext.run({ correlationId: 'c-1', causationId: 'm-0' }, () =>
      OrderEvents.cancelled(place(), 'why'),
    );
    expect(event.correlationId).toBe('c-1');
    expect(event.causationId).toBe('m-0');
  });
});
