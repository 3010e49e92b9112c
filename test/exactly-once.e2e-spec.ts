import { randomBytes, randomUUID } from 'node:crypto';
import amqpManager, { AmqpConnectionManager } from 'amqp-connection-manager';
import { loadAppConfig } from '../src/common/config/load-app-config';
import { ProductUpdated } from '../src/messaging/contracts';
import { FailureRouter } from '../src/messaging/consumer/failure.router';
import { MessagePipeline } from '../src/messaging/consumer/message.pipeline';
import { QueueConsumer } from '../src/messaging/consumer/queue-consumer';
import { Subscription } from '../src/messaging/consumer/subscription';
import { InMemoryInboxStore } from '../src/messaging/inbox/in-memory-inbox.store';
import { InMemoryOutboxStore } from '../src/messaging/outbox/in-memory-outbox.store';
import { TopologyDeclarer } from '../src/messaging/topology/topology.declarer';
import { InMemoryUnitOfWork } from '../src/messaging/unit-of-work/in-memory-unit-of-work';
import { AMQP_URL, deleteTopology, publishRaw } from './support/broker';
import { envelopeBytes } from './support/dead-letters-api';
import { InMemoryTallies, tallyEvents } from './support/uow/tally';
import { waitFor } from './support/wait-for';

/**
 * A process dies after its handler committed but before the broker got the ack. The broker
 * redelivers to the next process; because the inbox entry was part of the same commit as the
 * effect, the redelivery changes nothing. The stores outlive the "process", as a database would.
 */
describe('Exactly-once effects across a crash between commit and ack', () => {
  const prefix = `t${randomBytes(4).toString('hex')}.`;
  const queue = `${prefix}probe.inventory-product-updated`;
  const config = loadAppConfig({ AMQP_NAME_PREFIX: prefix });
  const [outbox, inbox, tallies] = [
    new InMemoryOutboxStore(),
    new InMemoryInboxStore(),
    new InMemoryTallies(),
  ];
  const uow = new InMemoryUnitOfWork(outbox, inbox, tallyEvents);
  const pipeline = new MessagePipeline(inbox, new FailureRouter(new TopologyDeclarer(config)));
  const deliveries: Array<{ process: number; messageId: string; redelivered: boolean }> = [];
  const connections: AmqpConnectionManager[] = [];
  const consumers: QueueConsumer[] = [];

  /** One "process": its own connection and consumer; `crashAfterCommit` kills it once. */
  async function startProcess(n: number, crashAfterCommit: boolean): Promise<void> {
    const connection = amqpManager.connect([AMQP_URL]);
    let crash = crashAfterCommit;
    const sub: Subscription = {
      consumer: 'probe',
      eventType: ProductUpdated.type,
      queue,
      contract: ProductUpdated,
      retryDelaysMs: [100],
      invoke: async (payload) => {
        await uow.run(async (tx) => {
          const t = await tallies.get((payload as ProductUpdated).sku);
          t.add();
          await tallies.save(t, tx);
        });
        if (!crash) return;
        crash = false;
        // The process dies here: its connection drops with the delivery unacked, and the
        // handler never returns (nothing after this line runs in a dead process).
        await connection.close();
        await new Promise(() => undefined);
      },
    };
    const consumer = new QueueConsumer(connection, {
      queue,
      prefetch: 1,
      setup: async (ch) => void (await ch.assertQueue(queue, { durable: false })),
      handle: (msg, ch) => {
        const { messageId } = JSON.parse(msg.content.toString()) as { messageId: string };
        deliveries.push({ process: n, messageId, redelivered: msg.fields.redelivered });
        return pipeline.handle(sub, msg, ch);
      },
    });
    connections.push(connection);
    consumers.push(consumer);
    await consumer.start();
    await consumer.ready();
  }

  afterAll(async () => {
    for (const c of connections) await c.close().catch(() => undefined);
    await deleteTopology([queue], []);
  });

  it('applies and announces the effect once though the message is delivered twice', async () => {
    const payload = { sku: 'TALLY', name: 'Tally', price: 1, currency: 'EUR', available: 1 };
    const first = randomUUID();
    await startProcess(1, true);
    await publishRaw('', queue, envelopeBytes(ProductUpdated.type, payload, first));
    await waitFor(
      async () => connections[0].isConnected(),
      (connected) => !connected,
      { what: 'the first process to die after its commit' },
    );
    expect(tallies.rows.get('TALLY')).toBe(1);

    await startProcess(2, false);
    const next = randomUUID();
    await publishRaw('', queue, envelopeBytes(ProductUpdated.type, payload, next));
    await waitFor(
      async () => tallies.rows.get('TALLY'),
      (count) => count === 2,
      { what: 'the message after the redelivery to be handled' },
    );
    // Let the second process finish settling, so nothing is left in flight.
    await consumers[1].stop();

    expect(deliveries).toEqual([
      { process: 1, messageId: first, redelivered: false },
      { process: 2, messageId: first, redelivered: true },
      { process: 2, messageId: next, redelivered: false },
    ]);
    expect(tallies.rows.get('TALLY')).toBe(2);
    const published = await outbox.claim(10);
    expect(published.map((m) => JSON.parse(m.body).payload.available)).toEqual([1, 2]);
  });
});
