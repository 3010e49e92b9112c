import { CorrelationContext } from '../../common/correlation/correlation.context';
import { Product } from '../domain/product.entity';
import { Reservation } from '../domain/reservation.entity';
import { inventoryEvents } from './inventory-events';

const mug = () =>
  Product.restore({
    sku: 'SKU-MUG',
    name: 'Enamel mug',
    price: 1250,
    currency: 'EUR',
    available: 7,
    reserved: 3,
    version: 2,
  });

/** Everything but the payload is the envelope; ids and times come from the flow being handled. */
const inFlow = (events: readonly object[]) =>
  CorrelationContext.run({ correlationId: 'corr-1', causationId: 'msg-0' }, () =>
    events.flatMap((e) => inventoryEvents(e)),
  );

const envelope = (type: string, payload: object) => ({
  messageId: expect.stringMatching(/^[0-9a-f-]{36}$/),
  type,
  version: 1,
  occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
  correlationId: 'corr-1',
  causationId: 'msg-0',
  payload,
});

describe('inventoryEvents', () => {
  it('announces a product change with its public fields, never the reserved count', () => {
    const p = mug();
    p.revise({ price: 1300 });
    expect(inFlow(p.events)).toEqual([
      envelope('inventory.product-updated', {
        sku: 'SKU-MUG',
        name: 'Enamel mug',
        price: 1300,
        currency: 'EUR',
        available: 7,
      }),
    ]);
  });

  it('announces a reservation with the order and its lines', () => {
    const r = Reservation.decide('o-1', [{ sku: 'SKU-MUG', quantity: 2 }], [mug()]);
    expect(inFlow(r.events)).toEqual([
      envelope('inventory.reserved', { orderId: 'o-1', items: [{ sku: 'SKU-MUG', quantity: 2 }] }),
    ]);
  });

  it('announces a rejection with a readable reason and every shortage', () => {
    const lines = [
      { sku: 'SKU-MUG', quantity: 9 },
      { sku: 'SKU-CAP', quantity: 1 },
    ];
    const r = Reservation.decide('o-2', lines, [mug()]);
    expect(inFlow(r.events)).toEqual([
      envelope('inventory.rejected', {
        orderId: 'o-2',
        reason:
          'Out of stock: SKU-MUG (requested 9, available 7), SKU-CAP (requested 1, available 0)',
        shortages: [
          { sku: 'SKU-MUG', requested: 9, available: 7 },
          { sku: 'SKU-CAP', requested: 1, available: 0 },
        ],
      }),
    ]);
  });

  it('announces a release with the order, the lines given back and why', () => {
    const r = Reservation.restore({
      orderId: 'o-3',
      items: [{ sku: 'SKU-MUG', quantity: 1 }],
      status: 'RESERVED',
      updatedAt: new Date(),
      version: 1,
    });
    r.release('payment declined', [mug()]);
    expect(inFlow(r.events)).toEqual([
      envelope('inventory.released', {
        orderId: 'o-3',
        items: [{ sku: 'SKU-MUG', quantity: 1 }],
        reason: 'payment declined',
      }),
    ]);
  });
});
