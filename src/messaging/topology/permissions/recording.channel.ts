import type { Channel, Options } from 'amqplib';
import { AmqpOperation } from './amqp-operation';

/**
 * Stands in for an amqplib channel under TopologyDeclarer, keeping what it was asked to do.
 * The permissions then follow what the declarer really declares, not a copy of its list.
 */
export class RecordingChannel {
  readonly operations: AmqpOperation[] = [];

  /**
   * Typed as the declarer expects. A call this class does not know fails loudly: a new kind of
   * declaration must be taught to the permission rules, not silently left out of the grants.
   */
  asChannel(): Channel {
    return new Proxy(this, {
      get(target, property, receiver) {
        // `then` is asked by any await that meets the channel; symbols by inspection.
        if (property in target || property === 'then' || typeof property === 'symbol')
          return Reflect.get(target, property, receiver) as unknown;
        throw new Error(
          `The topology called channel.${String(property)}(), which the permission generator ` +
            `does not model yet: add it to RecordingChannel and the permission rules`,
        );
      },
    }) as unknown as Channel;
  }

  async assertExchange(exchange: string, type: string, options?: Options.AssertExchange) {
    const ae = (options?.arguments as Record<string, unknown> | undefined)?.['alternate-exchange'];
    this.operations.push({
      op: 'declareExchange',
      exchange,
      type,
      alternateExchange: options?.alternateExchange ?? (ae as string | undefined),
    });
    return { exchange };
  }

  async assertQueue(queue: string, options?: Options.AssertQueue) {
    const dlx = (options?.arguments as Record<string, unknown> | undefined)?.[
      'x-dead-letter-exchange'
    ];
    this.operations.push({
      op: 'declareQueue',
      queue,
      deadLetterExchange: options?.deadLetterExchange ?? (dlx as string | undefined),
    });
    return { queue, messageCount: 0, consumerCount: 0 };
  }

  async bindQueue(queue: string, exchange: string, key: string) {
    this.operations.push({ op: 'bindQueue', queue, exchange, key });
    return {};
  }

  async bindExchange(destination: string, source: string, key: string) {
    this.operations.push({ op: 'bindExchange', destination, source, key });
    return {};
  }
}
