import { DELIVERY_LIMIT } from '../topology/topology.declarer';
import { TopologyNames } from '../topology/topology-names';

const BINDING_VERSION = '0.3.0';
type Ref = { $ref: string };
export type Channel = Record<string, unknown> & { address: string; messages: Record<string, Ref> };

const message = (name: string): Record<string, Ref> => ({
  [name]: { $ref: `#/components/messages/${name}` },
});

/**
 * The AMQP side of each channel, in the shapes of the AsyncAPI amqp binding: an exchange with a
 * routing key for what is sent, a queue for what is received.
 */
export class AsyncApiChannels {
  constructor(private readonly n: TopologyNames) {}

  routingKey(exchange: 'events' | 'commands', key: string, msg: string): Channel {
    const type = exchange === 'events' ? 'topic' : 'direct';
    return {
      address: key,
      title: `${key} on ${this.n[exchange]}`,
      messages: message(msg),
      bindings: {
        amqp: {
          is: 'routingKey',
          exchange: { name: this.n[exchange], type, durable: true, autoDelete: false, vhost: '/' },
          bindingVersion: BINDING_VERSION,
        },
      },
    };
  }

  subscription(queue: string, source: string, key: string, msg: string): Channel {
    return {
      ...this.queue(queue, { durable: true, exclusive: false, autoDelete: false }, message(msg)),
      description:
        `Quorum queue bound to \`${source}\` with key \`${key}\`, and to \`${this.n.redeliver}\` by ` +
        `its own name for retries and replays. A failed delivery waits in a retry queue, then comes ` +
        `back; after the last retry, or ${DELIVERY_LIMIT} broker deliveries, it is parked in ` +
        `\`${this.n.deadLetterQueue}\`.`,
    };
  }

  /** One per running instance: the id is only known at run time. */
  broadcast(queue: string, eventType: string, msg: string): Channel {
    return {
      ...this.queue(queue, { durable: false, exclusive: true, autoDelete: true }, message(msg)),
      address: `${queue}.{instanceId}`,
      parameters: { instanceId: { description: 'host-pid-random of the running process' } },
      description:
        `Each instance's own queue, bound to the fanout \`${this.n.broadcast(eventType)}\`, which ` +
        `\`${this.n.events}\` feeds with key \`${eventType}\`: every instance gets every event.`,
    };
  }

  rpc(queue: string, msg: string): Channel {
    return {
      ...this.queue(queue, { durable: false, exclusive: false, autoDelete: false }, message(msg)),
      description: 'Request/reply: the answer goes to the caller through direct reply-to.',
    };
  }

  retry(delayMs: number, msg: string): Channel {
    return {
      ...this.queue(this.n.retryQueue(delayMs), DURABLE, message(msg)),
      description:
        `Behind the fanout \`${this.n.retry(delayMs)}\`. A failed message waits ${delayMs} ms ` +
        `(TTL), then is dead-lettered to \`${this.n.redeliver}\` with its queue's name as key.`,
    };
  }

  deadLetters(msg: string): Channel {
    return {
      ...this.queue(this.n.deadLetterQueue, DURABLE, message(msg)),
      description:
        `Behind the fanout \`${this.n.deadLetter}\`: messages that used up their retries, failed ` +
        'permanently, or hit the delivery limit. Stored and replayed through /dead-letters.',
    };
  }

  unrouted(msg: string): Channel {
    return {
      ...this.queue(this.n.unroutedQueue, DURABLE, message(msg)),
      description:
        `Alternate exchange \`${this.n.unrouted}\` of the events, commands and redeliver ` +
        'exchanges: what no queue was bound for is kept here (newest 10,000).',
    };
  }

  private queue(
    name: string,
    flags: { durable: boolean; exclusive: boolean; autoDelete: boolean },
    messages: Record<string, Ref>,
  ): Channel {
    return {
      address: name,
      title: name,
      messages,
      bindings: {
        amqp: {
          is: 'queue',
          queue: { name, ...flags, vhost: '/' },
          bindingVersion: BINDING_VERSION,
        },
      },
    };
  }
}

const DURABLE = { durable: true, exclusive: false, autoDelete: false };
