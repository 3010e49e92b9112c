import type { ConfirmChannel, Options } from 'amqplib';

/** Publishes on a confirm channel and resolves only once the broker has taken the message. */
export function publishConfirmed(
  channel: ConfirmChannel,
  exchange: string,
  routingKey: string,
  content: Buffer,
  options: Options.Publish,
): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      channel.publish(exchange, routingKey, content, options, (err) =>
        err ? reject(err) : resolve(),
      );
    } catch (err) {
      reject(err);
    }
  });
}
