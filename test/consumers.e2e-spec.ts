import { randomUUID } from 'node:crypto';
import type { Channel } from 'amqplib';
import * as amqp from 'amqplib';
import { DELIVERY_LIMIT, TopologyDeclarer } from '../src/messaging/topology/topology.declarer';
import {
  AMQP_URL,
  consumerCount,
  crashOnNextDelivery,
  publishRaw,
  queueDepth,
} from './support/broker';
import { OrdersApi } from './support/orders-api';
import { expectProblem } from './support/problem';
import { TestApp, startTestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

describe('Consumers that do not fall over', () => {
  let t: TestApp;
  let api: OrdersApi;
  const q = (name: string) => `${t.config.amqpNamePrefix}${name}`;

  beforeAll(async () => {
    // Billing is not loaded here: its queue has no consumer but the crashing one below.
    t = await startTestApp({ APP_MODULES: 'orders,inventory,notifications' });
    api = new OrdersApi(t);
    await api.createProduct('CON-A', 100, 100);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('honours Idempotency-Key: same body, same order; other body, 409', async () => {
    const key = randomUUID();
    const body = {
      customerEmail: 'idem@example.com',
      items: [{ sku: 'CON-A', quantity: 1 }],
      paymentToken: 'tok_visa',
    };
    const a = await t.http().post('/orders').set('Idempotency-Key', key).send(body).expect(202);
    const b = await t.http().post('/orders').set('Idempotency-Key', key).send(body).expect(202);
    expect(b.body.id).toBe(a.body.id);
    const c = await t
      .http()
      .post('/orders')
      .set('Idempotency-Key', key)
      .send({ ...body, items: [{ sku: 'CON-A', quantity: 2 }] });
    expectProblem(c, 409, 'ORDERS.IDEMPOTENCY_KEY_REUSED');
    const list = (await t.http().get('/orders?limit=100').set('Authorization', t.admin).expect(200))
      .body.items as Array<{
      customerEmail: string;
    }>;
    expect(list.filter((o) => o.customerEmail === 'idem@example.com')).toHaveLength(1);
  });

  it('counts an event or command nobody is bound for in the unrouted queue instead of dropping it', async () => {
    const unrouted = () => queueDepth(q('orderflow.unrouted.kept'));
    // Billing is not loaded: the charge orders sends for each reserved order has no queue to go to.
    const orders = (
      await t.http().get('/orders?limit=100').set('Authorization', t.admin).expect(200)
    ).body.items.length as number;
    await waitFor(unrouted, (n) => n === orders, { what: 'one unrouted charge per order' });
    await publishRaw(q('orderflow.events'), 'nobody.listens-here', Buffer.from('{}'));
    await publishRaw(q('orderflow.commands'), 'nobody.do-this', Buffer.from('{}'));
    await waitFor(unrouted, (n) => n === orders + 2, { what: 'the unrouted messages' });
    expect((await t.http().get('/health').expect(200)).body.unroutedMessages).toBe(orders + 2);
  });

  it('dead-letters a message whose consumer keeps crashing, instead of looping forever', async () => {
    const queue = q('billing.charge-payment');
    const conn = await amqp.connect(AMQP_URL);
    try {
      const ch: Channel = await conn.createChannel();
      await t.app
        .get(TopologyDeclarer)
        .declareSubscription(ch, queue, 'billing.charge-payment', t.config.retryDelaysMs, {
          source: 'commands',
        });
    } finally {
      await conn.close();
    }
    const messageId = randomUUID();
    await publishRaw(
      q('orderflow.commands'),
      'billing.charge-payment',
      Buffer.from(JSON.stringify({ crash: messageId })),
      { messageId },
    );
    let deliveries = 0;
    while (await crashOnNextDelivery(queue, 3000)) deliveries++;
    // Nothing else consumes this queue (billing is not loaded): the first delivery and the
    // DELIVERY_LIMIT redeliveries the broker allows, then it parks the message.
    expect(deliveries).toBe(DELIVERY_LIMIT + 1);
    const parked = await waitFor(
      async () =>
        (
          await t
            .http()
            .get(`/dead-letters?queue=${queue}`)
            .set('Authorization', t.admin)
            .expect(200)
        ).body.items as Array<{ messageId: string; errorType: string }>,
      (items) => items.some((i) => i.messageId === messageId),
      { what: 'the crash-looping message to be parked' },
    );
    expect(parked.find((i) => i.messageId === messageId)?.errorType).toBe('broker:delivery_limit');
  });

  it('runs each background consumer once per process', async () => {
    // Lifecycle hooks must not run twice (they did once, through a deferred microservice init).
    expect(await consumerCount(q('orderflow.dead-letters'))).toBe(1);
  });

  it('on shutdown stops consuming for real and leaves later messages in the queue', async () => {
    const queue = q('inventory.reserve-stock');
    expect(await consumerCount(queue)).toBe(1);
    await t.stop();
    expect(await consumerCount(queue)).toBe(0);
    const before = await queueDepth(queue);
    const later = Buffer.from('{"after":"shutdown"}');
    await publishRaw(q('orderflow.commands'), 'inventory.reserve-stock', later);
    await waitFor(
      () => queueDepth(queue),
      (n) => n === before + 1,
      { what: 'the message to wait in the queue' },
    );
  });
});
