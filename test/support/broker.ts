import * as amqp from 'amqplib';

export const AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** Deletes everything a test run declared under its prefix, so runs leave no trace on the broker. */
export async function deleteTopology(
  queues: string[],
  exchanges: string[],
  url = AMQP_URL,
): Promise<void> {
  const conn = await amqp.connect(url);
  // A connection the broker closes (e.g. 541 INTERNAL_ERROR while deleting a quorum queue) must
  // fail the clean-up, not crash the process with an unheard 'error' event.
  conn.on('error', () => undefined);
  try {
    for (const q of queues) {
      const ch = await conn.createChannel();
      await ch.deleteQueue(q).catch(() => undefined);
      await ch.close().catch(() => undefined);
    }
    for (const x of exchanges) {
      const ch = await conn.createChannel();
      await ch.deleteExchange(x).catch(() => undefined);
      await ch.close().catch(() => undefined);
    }
  } finally {
    await conn.close().catch(() => undefined);
  }
}

/** Publishes raw bytes, bypassing the app, as a misbehaving producer would. */
export async function publishRaw(
  exchange: string,
  routingKey: string,
  body: Buffer,
  options: amqp.Options.Publish = {},
): Promise<void> {
  const conn = await amqp.connect(AMQP_URL);
  try {
    const ch = await conn.createConfirmChannel();
    ch.publish(exchange, routingKey, body, { persistent: true, ...options });
    await ch.waitForConfirms();
  } finally {
    await conn.close();
  }
}

export async function queueDepth(queue: string): Promise<number> {
  const conn = await amqp.connect(AMQP_URL);
  try {
    const ch = await conn.createChannel();
    return (await ch.checkQueue(queue)).messageCount;
  } finally {
    await conn.close();
  }
}

export async function consumerCount(queue: string): Promise<number> {
  const conn = await amqp.connect(AMQP_URL);
  try {
    const ch = await conn.createChannel();
    return (await ch.checkQueue(queue)).consumerCount;
  } finally {
    await conn.close();
  }
}

/**
 * Takes one delivery from the queue and drops the connection without acking, as a consumer
 * process that crashes mid-message would. Resolves false if nothing arrived in time.
 */
export async function crashOnNextDelivery(queue: string, timeoutMs = 5000): Promise<boolean> {
  const conn = await amqp.connect(AMQP_URL);
  try {
    const ch = await conn.createChannel();
    await ch.prefetch(1);
    return await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      void ch.consume(queue, (msg) => {
        if (!msg) return;
        clearTimeout(timer);
        resolve(true);
      });
    });
  } finally {
    await conn.close().catch(() => undefined);
  }
}
