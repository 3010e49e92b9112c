import * as amqp from 'amqplib';
import { randomBytes } from 'node:crypto';
import { AMQP_URL, deleteTopology, publishRaw, queueDepth } from './support/broker';
import { bindingSources } from './support/rabbitmqctl';
import { TestApp, startTestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

/**
 * A broker an earlier version ran on keeps that version's classic retry and unrouted queues,
 * bound where the new quorum queues are bound. Left so, every retry would run twice.
 */
describe('Upgrading over an earlier version’s topology', () => {
  const prefix = `u${randomBytes(4).toString('hex')}.`;
  const legacy = [`${prefix}orderflow.retry.100ms`, `${prefix}orderflow.unrouted`];
  let t: TestApp | undefined;

  beforeAll(async () => {
    // What the earlier version declared: classic queues named like their exchanges.
    const conn = await amqp.connect(AMQP_URL);
    try {
      const ch = await conn.createChannel();
      for (const name of legacy) {
        await ch.assertExchange(name, 'fanout', { durable: true });
        await ch.assertQueue(name, { durable: true });
        await ch.bindQueue(name, name, '');
      }
    } finally {
      await conn.close();
    }
    expect(await bindingSources(legacy[0])).toEqual([legacy[0]]);
    t = await startTestApp({ AMQP_NAME_PREFIX: prefix, RETRY_DELAYS_MS: '100,200' });
  });

  afterAll(async () => {
    await t?.close();
    await deleteTopology(legacy, []);
  });

  it('unbinds the old retry and unrouted queues, so nothing reaches them twice', async () => {
    for (const queue of legacy)
      await waitFor(
        () => bindingSources(queue),
        (sources) => sources.length === 0,
        { what: `${queue} unbound` },
      );
  });

  it('keeps a retry or replay whose queue is gone in the unrouted queue', async () => {
    const kept = () => queueDepth(`${prefix}orderflow.unrouted.kept`);
    const before = await kept();
    await publishRaw(
      `${prefix}orderflow.to-queue`,
      `${prefix}orders.no-such-queue`,
      Buffer.from('{}'),
    );
    await waitFor(kept, (n) => n === before + 1, { what: 'the message in unrouted.kept' });
    expect(await queueDepth(legacy[1])).toBe(0);
  });
});
