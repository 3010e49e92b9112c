import type { ConfirmChannel, ConsumeMessage, Options } from 'amqplib';
import { AppConfig } from '../../common/config/app-config';
import { TopologyDeclarer } from '../topology/topology.declarer';

export interface Published {
  exchange: string;
  routingKey: string;
  content: Buffer;
  options: Options.Publish;
}

/** A confirm channel that records what is published and confirms (or nacks) each message. */
export class FakeChannel {
  readonly published: Published[] = [];
  /** Set to make the broker nack the next publishes. */
  nack?: Error;
  /** Set to make publish itself throw, as a closed channel does. */
  closed?: Error;

  publish(
    exchange: string,
    routingKey: string,
    content: Buffer,
    options: Options.Publish,
    confirm: (err: Error | null) => void,
  ): boolean {
    if (this.closed) throw this.closed;
    this.published.push({ exchange, routingKey, content, options });
    confirm(this.nack ?? null);
    return true;
  }

  get asChannel(): ConfirmChannel {
    return this as unknown as ConfirmChannel;
  }
}

export const PREFIX = 't.';

export function declarer(): TopologyDeclarer {
  return new TopologyDeclarer(Object.assign(new AppConfig(), { amqpNamePrefix: PREFIX }));
}

export function message(
  content: Buffer | string,
  headers?: Record<string, unknown>,
  properties: Partial<ConsumeMessage['properties']> = {},
): ConsumeMessage {
  return {
    content: Buffer.isBuffer(content) ? content : Buffer.from(content),
    fields: {
      deliveryTag: 1,
      redelivered: false,
      exchange: 'orderflow.events',
      routingKey: 'order.placed',
      consumerTag: 'ctag',
    },
    properties: { headers, ...properties } as ConsumeMessage['properties'],
  };
}
