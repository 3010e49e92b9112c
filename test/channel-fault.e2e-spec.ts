import { randomBytes } from 'node:crypto';
import amqpManager from 'amqp-connection-manager';
import type { ConfirmChannel } from 'amqplib';
import { publishConfirmed } from '../src/messaging/consumer/publish-confirmed';
import { QueueConsumer, Settle } from '../src/messaging/consumer/queue-consumer';
import { AMQP_URL, deleteTopology, publishRaw } from './support/broker';
import { waitFor } from './support/wait-for';

/**
 * A channel-level error (here: publishing to an exchange that does not exist, which is what a
 * retry step of `undefined` ms once did) must stay on that one channel: the connection, and every
 * other consumer on it, carry on, and the failed consumer comes back by itself.
 */
describe('A channel error on one consumer', () => {
  const prefix = `t${randomBytes(4).toString('hex')}.`;
  const faulty = `${prefix}fault.faulty`;
  const healthy = `${prefix}fault.healthy`;
  const connection = amqpManager.connect([AMQP_URL], { heartbeatIntervalInSeconds: 5 });
  let disconnects = 0;
  connection.on('disconnect', () => disconnects++);
  const seen = { faulty: [] as string[], healthy: [] as string[] };
  let faultsLeft = 1;

  const declare = (queue: string) => async (ch: ConfirmChannel) => {
    await ch.assertQueue(queue, { durable: false });
  };
  const faultyHandler = async (msg: { content: Buffer }, ch: ConfirmChannel): Promise<Settle> => {
    if (faultsLeft-- > 0) {
      // The broker answers 404 and closes this channel.
      await publishConfirmed(ch, `${prefix}no-such-exchange`, 'x', msg.content, {}).catch(
        () => undefined,
      );
      return 'requeue';
    }
    seen.faulty.push(msg.content.toString());
    return 'ack';
  };
  const consumers = [
    new QueueConsumer(connection, {
      queue: faulty,
      prefetch: 10,
      setup: declare(faulty),
      handle: faultyHandler,
    }),
    new QueueConsumer(connection, {
      queue: healthy,
      prefetch: 10,
      setup: declare(healthy),
      handle: async (msg) => {
        seen.healthy.push(msg.content.toString());
        return 'ack';
      },
    }),
  ];

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    await connection.close();
    await deleteTopology([faulty, healthy], []);
  });

  it('keeps the connection and the other consumers up, and the faulty one recovers', async () => {
    await Promise.all(consumers.map((c) => c.start()));
    await Promise.all(consumers.map((c) => c.ready()));

    await publishRaw('', faulty, Buffer.from('poison-once'));
    await publishRaw('', healthy, Buffer.from('h1'));
    await waitFor(
      async () => seen.healthy,
      (s) => s.includes('h1'),
      { what: 'the healthy consumer to get h1' },
    );
    // The faulty consumer reopens its channel and gets the requeued message back.
    await waitFor(
      async () => seen.faulty,
      (s) => s.includes('poison-once'),
      { what: 'the faulty consumer to recover', timeoutMs: 15_000 },
    );
    await publishRaw('', faulty, Buffer.from('f2'));
    await publishRaw('', healthy, Buffer.from('h2'));
    await waitFor(
      async () => [...seen.faulty, ...seen.healthy],
      (s) => s.includes('f2') && s.includes('h2'),
      { what: 'both consumers to take later messages' },
    );
    expect(disconnects).toBe(0);
    expect(connection.isConnected()).toBe(true);
    expect(seen.faulty).toEqual(['poison-once', 'f2']);
  });
});
