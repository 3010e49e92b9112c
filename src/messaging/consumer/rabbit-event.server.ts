import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';
import { Injectable } from '@nestjs/common';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { ClassConstructor } from 'class-transformer';
import { isObservable, lastValueFrom } from 'rxjs';
import { AppConfig } from '../../common/config/app-config';
import { RpcResponder } from '../rpc/rpc.responder';
import { TopologyDeclarer } from '../topology/topology.declarer';
import { EventContext } from './event-context';
import { MessagePipeline } from './message.pipeline';
import { parseSubscriptionPattern } from './on-event.decorator';
import { QueueConsumer } from './queue-consumer';
import { Subscription } from './subscription';

interface HandlerExtras {
  contract?: ClassConstructor<object>;
  prefetch?: number;
  retryDelaysMs?: number[];
  broadcast?: boolean;
  /** From @OnCommand: bound to the commands exchange. */
  command?: boolean;
  consumerTimeoutMs?: number;
}

/**
 * A Nest microservice transport over the app's single golevelup connection. Controllers use
 * @OnEvent / @OnRequest (EventPattern / MessagePattern underneath); only the modules loaded in
 * this process have handlers, so only their queues are declared and consumed.
 */
@Injectable()
export class RabbitEventServer extends Server implements CustomTransportStrategy {
  private consumers: QueueConsumer[] = [];
  private draining?: Promise<void>;

  constructor(
    private readonly amqp: AmqpConnection,
    private readonly declarer: TopologyDeclarer,
    private readonly pipeline: MessagePipeline,
    private readonly rpc: RpcResponder,
    private readonly config: AppConfig,
  ) {
    super();
  }

  listen(callback: (err?: unknown) => void): void {
    try {
      this.consumers = [...this.messageHandlers].map(([pattern, handler]) =>
        this.consumerFor(pattern, handler),
      );
      this.consumers.forEach((c) => void c.start());
      this.logger.log(
        `Consuming ${this.consumers.length} queues: ${this.consumers.map((c) => c.queue).join(', ')}`,
      );
      callback();
    } catch (err) {
      callback(err);
    }
  }

  /** Resolves once every queue of this process is declared and bound (first connect). */
  ready(): Promise<void> {
    return Promise.all(this.consumers.map((c) => c.ready())).then(() => undefined);
  }

  /** Stops taking messages and waits for the in-flight ones; safe to call more than once. */
  drain(): Promise<void> {
    this.draining ??= Promise.all(this.consumers.map((c) => c.stop())).then(() => undefined);
    return this.draining;
  }

  get queues(): string[] {
    return this.consumers.map((c) => c.queue);
  }

  /** The queues this process should consume and does not, e.g. after a failed re-attach. */
  get idleQueues(): string[] {
    return this.consumers.filter((c) => !c.consuming).map((c) => c.queue);
  }

  async close(): Promise<void> {
    await this.drain();
  }

  on(): void {
    // Connection events are golevelup's to report.
  }

  unwrap<T>(): T {
    return this.amqp as T;
  }

  private consumerFor(pattern: string, handler: MessageHandler): QueueConsumer {
    const extras = (handler.extras ?? {}) as HandlerExtras;
    if (!extras.contract)
      throw new Error(`Handler for "${pattern}" has no contract; use @OnEvent or @OnRequest`);
    if (handler.next)
      throw new Error(`More than one handler for "${pattern}"; a queue has one handler`);
    const prefetch = extras.prefetch ?? this.config.consumerPrefetch;
    const connection = this.amqp.managedConnection;
    if (!handler.isEventHandler) {
      const queue = this.declarer.names.rpcQueue(pattern);
      const route = {
        routingKey: pattern,
        contract: extras.contract,
        invoke: (req: object) => this.invoke(handler, req),
      };
      return new QueueConsumer(connection, {
        queue,
        prefetch,
        setup: (ch) => this.declarer.declareRpcQueue(ch, queue),
        handle: (msg, ch) => this.rpc.handle(route, msg, ch),
      });
    }
    const parsed = parseSubscriptionPattern(pattern);
    if (!parsed)
      throw new Error(`Event pattern "${pattern}" is not <consumer>::<event>; use @OnEvent`);
    const broadcast = extras.broadcast === true;
    const instance = this.declarer.instanceId;
    const queue = broadcast
      ? this.declarer.names.instanceQueue(parsed.consumer, parsed.eventType, instance)
      : this.declarer.names.subscriptionQueue(parsed.consumer, parsed.eventType);
    const sub: Subscription = {
      ...parsed,
      // Every instance handles every broadcast message, so each keeps its own inbox entries.
      consumer: broadcast ? `${parsed.consumer}@${instance}` : parsed.consumer,
      queue,
      contract: extras.contract,
      retryDelaysMs: extras.retryDelaysMs ?? this.config.retryDelaysMs,
      invoke: (payload, ctx) => this.invoke(handler, payload, ctx),
    };
    return new QueueConsumer(connection, {
      queue,
      prefetch,
      setup: async (ch) => {
        await this.declarer.declareShared(ch);
        if (broadcast)
          await this.declarer.declareBroadcastSubscription(
            ch,
            queue,
            parsed.eventType,
            sub.retryDelaysMs,
          );
        else
          await this.declarer.declareSubscription(ch, queue, parsed.eventType, sub.retryDelaysMs, {
            source: extras.command ? 'commands' : 'events',
            consumerTimeoutMs: extras.consumerTimeoutMs,
          });
      },
      handle: (msg, ch) => this.pipeline.handle(sub, msg, ch),
    });
  }

  private async invoke(
    handler: MessageHandler,
    data: object,
    ctx?: EventContext,
  ): Promise<unknown> {
    const result: unknown = await handler(data, ctx);
    return isObservable(result) ? lastValueFrom(result, { defaultValue: undefined }) : result;
  }
}
