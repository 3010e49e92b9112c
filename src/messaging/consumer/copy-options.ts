import type { ConsumeMessage, Options } from 'amqplib';

/**
 * Publish options for a persistent copy of a received message with new headers: everything that
 * identifies it (message id, correlation id, type, timestamp, app) stays as it was.
 */
export function copyOptions(
  msg: ConsumeMessage,
  headers: Options.Publish['headers'],
): Options.Publish {
  const p = msg.properties;
  return {
    persistent: true,
    headers,
    contentType: p.contentType,
    contentEncoding: p.contentEncoding,
    messageId: p.messageId,
    correlationId: p.correlationId,
    type: p.type,
    timestamp: p.timestamp,
    appId: p.appId,
  };
}
