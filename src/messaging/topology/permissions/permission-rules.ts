import { AmqpOperation } from './amqp-operation';

/** Names (with placeholders) per permission, and routing keys per topic exchange. */
export interface Grants {
  configure: Set<string>;
  write: Set<string>;
  read: Set<string>;
  topics: Map<string, { write: Set<string>; read: Set<string> }>;
}

/** RabbitMQ checks a publish to the default exchange (`''`) as write on this name. */
export const DEFAULT_EXCHANGE = 'amq.default';

/**
 * AMQP 0-9-1 as RabbitMQ checks it:
 * - exchange.declare: configure on it; with an alternate exchange, also read on it and write
 *   on the alternate (checked when the exchange is created, so by whichever process is first);
 * - queue.declare: configure on it; with a dead-letter exchange, also read on it and write on
 *   that exchange (likewise at creation);
 * - queue.bind / exchange.bind: write on the destination, read on the source, and on a topic
 *   source a topic read for the binding key;
 * - basic.publish: write on the exchange, and on a topic exchange a topic write for the key;
 * - basic.consume: read on the queue. Passive declares need nothing.
 */
export function grantsFor(operations: AmqpOperation[]): Grants {
  const g: Grants = { configure: new Set(), write: new Set(), read: new Set(), topics: new Map() };
  const topicExchanges = new Set(
    operations.flatMap((o) =>
      o.op === 'declareExchange' && o.type === 'topic' ? [o.exchange] : [],
    ),
  );
  const topic = (exchange: string) => {
    if (!g.topics.has(exchange)) g.topics.set(exchange, { write: new Set(), read: new Set() });
    return g.topics.get(exchange)!;
  };
  // Every topic exchange gets an entry, even an empty one: a user with no topic permission for
  // an exchange may use any routing key on it.
  topicExchanges.forEach(topic);
  for (const o of operations) {
    switch (o.op) {
      case 'declareExchange':
        g.configure.add(o.exchange);
        if (o.alternateExchange) {
          g.read.add(o.exchange);
          g.write.add(o.alternateExchange);
        }
        break;
      case 'declareQueue':
        g.configure.add(o.queue);
        if (o.deadLetterExchange) {
          g.read.add(o.queue);
          g.write.add(o.deadLetterExchange);
        }
        break;
      case 'bindQueue':
        g.write.add(o.queue);
        g.read.add(o.exchange);
        if (topicExchanges.has(o.exchange)) topic(o.exchange).read.add(o.key);
        break;
      case 'bindExchange':
        g.write.add(o.destination);
        g.read.add(o.source);
        if (topicExchanges.has(o.source)) topic(o.source).read.add(o.key);
        break;
      case 'publish':
        g.write.add(o.exchange === '' ? DEFAULT_EXCHANGE : o.exchange);
        if (topicExchanges.has(o.exchange)) topic(o.exchange).write.add(o.key);
        break;
      case 'consume':
        g.read.add(o.queue);
        break;
    }
  }
  return g;
}
