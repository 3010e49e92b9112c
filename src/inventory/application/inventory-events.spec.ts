import { CorrelationContext } from '../../common/correlation/correlation.context';
import { Product } from '../domain/product';
import { InventoryEvents } from './inventory-events';

const mug: Product = {
  sku: 'SKU-MUG',
  name: 'Enamel mug',
  price: 1250,
  currency: 'EUR',
  available: 7,
  reserved: 3,
};

/** Everything but the payload is the envelope; ids and times come from the flow being handled. */
const inFlow = <T>(fn: () => T): T =>
  CorrelationContext.run({ correlationId: 'corr-1', causationId: 'msg-0' }, fn);

const envelope = (type: string, payload: object) => ({
  messageId: expect.stringMatching(/^[0-9a-f-]{36}$/),
  type,
  version: 1,
  occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
  correlationId: 'corr-1',
  causationId: 'msg-0',
  payload,
});

describe('InventoryEvents', () => {
  it('announces a product change with its public fields, never the reserved count', () => {
    expect(inFlow(() => InventoryEvents.productUpdated(mug))).toEqual(
      envelope('inventory.product-updated', {
        sku: 'SKU-MUG',
        name: 'Enamel mug',
        price: 1250,
        currency: 'EUR',
        available: 7,
      }),
    );
  });

  it('announces a reservation with the order and its lines', () => {
    const items = [{ sku: 'SKU-MUG', quantity: 2 }];
    expect(inFlow(() => InventoryEvents.reserved('o-1', items))).toEqual(
      envelope('inventory.reserved', { orderId: 'o-1', items: [{ sku: 'SKU-MUG', quantity: 2 }] }),
    );
  });

  it('announces a rejection with a readable reason and every shortage', () => {
    const shortages = [
      { sku: 'SKU-MUG', requested: 9, available: 7 },
      { sku: 'SKU-CAP', requested: 1, available: 0 },
    ];
    expect(inFlow(() => InventoryEvents.rejected('o-2', shortages))).toEqual(
      envelope('inventory.rejected', {
        orderId: 'o-2',
        reason:
          'Out of stock: SKU-MUG (requested 9, available 7), SKU-CAP (requested 1, available 0)',
        shortages: [
          { sku: 'SKU-MUG', requested: 9, available: 7 },
          { sku: 'SKU-CAP', requested: 1, available: 0 },
        ],
      }),
    );
  });

  it('announces a release with the order, the lines given back and why', () => {
    const items = [{ sku: 'SKU-CAP', quantity: 1 }];
    expect(inFlow(() => InventoryEvents.released('o-3', items, 'payment declined'))).toEqual(
      envelope('inventory.released', {
        orderId: 'o-3',
        items: [{ sku: 'SKU-CAP', quantity: 1 }],
        reason: 'payment declined',
      }),
    );
  });
});
