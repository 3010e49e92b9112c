import { randomBytes, randomUUID } from 'node:crypto';
import amqpManager from 'amqp-connection-manager';
import { loadAppConfig } from '../src/common/config/load-app-config';
import { ProductUpdated } from '../src/messaging/contracts';
import { FailureRouter } from '../src/messaging/consumer/failure.router';
import { MessagePipeline } from '../src/messaging/consumer/message.pipeline';
import { QueueConsumer } from '../src/messaging/consumer/queue-consumer';
import { Subscription } from '../src/messaging/consumer/subscription';
import { InMemoryInboxStore } from '../src/messaging/inbox/in-memory-inbox.store';
import { TopologyDeclarer } from '../src/messaging/topology/topology.declarer';
import { AMQP_URL, deleteTopology, publishRaw } from './support/broker';
import { envelopeBytes } from './support/dead-letters-api';
import { waitFor } from './support/wait-for';

/**
 * The inbox, on its own: a handler with no business-key idempotency of its own, fed the same
 * message id twice through the real broker, runs once. Every feature handler also has business
 * keys, so without this test the inbox could be switched off with the whole suite still green.
 */
describe('The inbox in the message pipeline', () => {
  const prefix = `t${randomBytes(4).toString('hex')}.`;
  const queue = `${prefix}probe.inventory-product-updated`;
  const config = loadAppConfig({ AMQP_NAME_PREFIX: prefix });
  const pipeline = new MessagePipeline(
    new InMemoryInboxStore(),
    new FailureRouter(new TopologyDeclarer(config)),
  );
  const handled: string[] = [];
  const sub: Subscription = {
    consumer: 'probe',
    eventType: ProductUpdated.type,
    queue,
    contract: ProductUpdated,
    retryDelaysMs: [],
    invoke: async (payload) => void handled.push((payload as ProductUpdated).name),
  };
  const connection = amqpManager.connect([AMQP_URL]);
  const consumer = new QueueConsumer(connection, {
    queue,
    prefetch: 1,
    setup: async (ch) => void (await ch.assertQueue(queue, { durable: false })),
    handle: (msg, ch) => pipeline.handle(sub, msg, ch),
  });

  afterAll(async () => {
    await consumer.stop();
    await connection.close();
    await deleteTopology([queue], []);
  });

  it('runs a handler once for a message id delivered twice', async () => {
    await consumer.start();
    await consumer.ready();
    const payload = (name: string) => ({
      sku: 'IN-1',
      name,
      price: 1,
      currency: 'EUR',
      available: 1,
    });
    const id = randomUUID();
    await publishRaw('', queue, envelopeBytes(ProductUpdated.type, payload('first'), id));
    await publishRaw('', queue, envelopeBytes(ProductUpdated.type, payload('redelivered'), id));
    // A different id afterwards: once it is handled, both earlier deliveries have been settled.
    await publishRaw('', queue, envelopeBytes(ProductUpdated.type, payload('next'), randomUUID()));
    await waitFor(
      async () => handled,
      (h) => h.includes('next'),
      { what: 'the third message to be handled' },
    );
    expect(handled).toEqual(['first', 'next']);
  });
});
