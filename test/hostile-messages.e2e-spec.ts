import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';
import { randomUUID } from 'node:crypto';
import { publishRaw } from './support/broker';
import { DeadLetterBody, allDeadLetters, envelopeBytes } from './support/dead-letters-api';
import { OrdersApi } from './support/orders-api';
import { TestApp, startTestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

/**
 * Messages a careless or hostile producer can send. Each is parked once, with its reason; none
 * takes the connection down, loops, or changes state. Mail goes to a closed port, so the
 * notifications handler fails transiently: the path where a bad attempt header once picked a
 * retry step that did not exist.
 */
describe('Hostile messages', () => {
  let t: TestApp;
  let api: OrdersApi;
  let disconnects = 0;
  const q = (name: string) => `${t.config.amqpNamePrefix}${name}`;

  beforeAll(async () => {
    t = await startTestApp({ SMTP_URL: 'smtp://127.0.0.1:1', RETRY_DELAYS_MS: '100,200,400' });
    t.app.get(AmqpConnection).managedConnection.on('disconnect', () => disconnects++);
    api = new OrdersApi(t);
    await api.createProduct('HM-EUR', 1000, 100);
    await api.createProduct('HM-FX', 500, 100);
  });

  afterAll(async () => {
    await t?.close();
  });

  const confirmed = (orderId = randomUUID()) => ({
    orderId,
    customerEmail: 'eve@example.com',
    items: [{ sku: 'HM-EUR', name: 'x', quantity: 1, unitPrice: 1000 }],
    total: 1000,
    currency: 'EUR',
    invoiceNumber: 'INV-1',
  });

  async function parked(messageId: string, count = 1): Promise<DeadLetterBody[]> {
    return waitFor(
      async () => (await allDeadLetters(t)).filter((d) => d.messageId === messageId),
      (found) => found.length >= count,
      { what: `message ${messageId} to be parked` },
    );
  }

  it.each([
    ['0.5', 0.5],
    ['-1', -1],
    ['a string', 'one'],
    ['past any bound', 1e12],
  ])(
    'parks a message whose of-attempt is %s at once, and the connection stays up',
    async (_label, attempt) => {
      const messageId = randomUUID();
      await publishRaw(
        q('orderflow.to-queue'),
        q('notifications.order-confirmed'),
        envelopeBytes('order.confirmed', confirmed(), messageId),
        { messageId, headers: { 'of-attempt': attempt } },
      );
      const [dl] = await parked(messageId);
      expect(dl.errorType).toBe('MalformedMessageError');
      expect(dl.errorMessage).toContain('Header of-attempt must be a whole number from 0 to');
      expect(dl.permanent).toBe(true);
      expect(dl.attempts).toBe(1);
      expect(disconnects).toBe(0);
      const health = (await t.http().get('/health').expect(200)).body;
      expect(health.brokerConnected).toBe(true);
    },
  );

  it('parks a message whose of-replay-count is not a count', async () => {
    const messageId = randomUUID();
    await publishRaw(
      q('orderflow.to-queue'),
      q('notifications.order-confirmed'),
      envelopeBytes('order.confirmed', confirmed(), messageId),
      { messageId, headers: { 'of-replay-count': '2.5' } },
    );
    const [dl] = await parked(messageId);
    expect(dl.errorType).toBe('MalformedMessageError');
    expect(dl.errorMessage).toContain('Header of-replay-count');
  });

  it('parks a body nested 5 000 levels deep once, as malformed, without retrying it', async () => {
    const messageId = randomUUID();
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const body = Buffer.from(
      `{"messageId":"${messageId}","type":"order.confirmed","version":1,"occurredAt":"${new Date().toISOString()}","correlationId":"c","payload":{"orderId":"x","items":${deep}}}`,
    );
    await publishRaw(q('orderflow.to-queue'), q('notifications.order-confirmed'), body, {
      messageId,
    });
    const [dl] = await parked(messageId);
    expect(dl.errorType).toBe('MalformedMessageError');
    expect(dl.errorMessage).toBe('Body is nested deeper than 32 levels');
    expect(dl.attempts).toBe(1);
  });

  /** As a rogue producer would: straight onto the events exchange, under inventory's name. */
  async function forgeProductUpdate(change: { price: number; currency: string }) {
    const messageId = randomUUID();
    const forged = { sku: 'HM-FX', name: 'Forged', available: 5, ...change };
    await publishRaw(
      q('orderflow.events'),
      'inventory.product-updated',
      envelopeBytes('inventory.product-updated', forged, messageId),
      { messageId },
    );
    return (await parked(messageId))[0];
  }

  it('parks a product update in another currency and never prices an order with it', async () => {
    const dl = await forgeProductUpdate({ price: 1, currency: 'USD' });
    expect(dl.queue).toContain('orders.inventory-product-updated');
    expect(dl.errorType).toBe('CatalogPriceRejectedError');
    expect(dl.errorMessage).toBe(
      'The catalog price of HM-FX cannot be used: priced in USD, but the shop sells in EUR',
    );
    // Before: the forged entry was applied and this order failed with 500 "Mixed currencies".
    const order = await api.place([
      { sku: 'HM-EUR', quantity: 1 },
      { sku: 'HM-FX', quantity: 1 },
    ]);
    expect(order.total).toBe(1500);
  });

  it('parks a product update with a negative price as a contract violation', async () => {
    const dl = await forgeProductUpdate({ price: -500, currency: 'EUR' });
    expect(dl.errorType).toBe('ContractViolationError');
    expect(dl.errorMessage).toContain('price: price must not be less than 0');
    const order = await api.place([{ sku: 'HM-FX', quantity: 2 }]);
    expect(order.total).toBe(1000);
  });
});
