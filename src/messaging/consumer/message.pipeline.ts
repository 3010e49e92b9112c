import { Injectable, Logger } from '@nestjs/common';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { CorrelationContext } from '../../common/correlation/correlation.context';
import { MessageEnvelope } from '../envelope/message-envelope';
import { parseEnvelope } from '../envelope/parse-envelope';
import { AlreadyHandledError } from '../inbox/already-handled.error';
import { DeliveryScope } from '../inbox/delivery-scope';
import { InboxStore } from '../inbox/inbox.store';
import { validateContract } from './contract.validator';
import { EventContext } from './event-context';
import { FailureRouter } from './failure.router';
import { ContractViolationError } from './contract-violation.error';
import { MalformedMessageError } from './malformed-message.error';
import { H, MAX_ATTEMPT, MAX_REPLAY_COUNT, headerCount } from './message-headers';
import { Settle } from './queue-consumer';
import { Subscription } from './subscription';
import { MAX_JSON_DEPTH, exceedsJsonDepth } from '../../common/json/json-depth';
import { Delivery, HandleOutcome } from '../observability/message-tap';
import { MessageTaps } from '../observability/message-taps';
import { isPermanent } from './error-classification';
import { retryDelay } from './retry-delay';

/**
 * decode → validate → skip if already handled → handle → remember. Any failure is routed
 * (retry or dead letter) by FailureRouter; nothing here acks a message that failed.
 */
@Injectable()
export class MessagePipeline {
  private readonly logger = new Logger(MessagePipeline.name);

  constructor(
    private readonly inbox: InboxStore,
    private readonly failures: FailureRouter,
  ) {}

  async handle(sub: Subscription, msg: ConsumeMessage, channel: ConfirmChannel): Promise<Settle> {
    const started = performance.now();
    const delivery: Delivery = {
      consumer: sub.consumer,
      queue: sub.queue,
      type: sub.eventType,
      headers: msg.properties.headers ?? {},
      attempt: 0,
    };
    const done = (settle: Settle, outcome: HandleOutcome, error?: unknown): Settle => {
      const seconds = (performance.now() - started) / 1000;
      MessageTaps.handled({
        ...delivery,
        outcome: settle === 'requeue' ? 'requeue' : outcome,
        seconds,
        error,
      });
      return settle;
    };
    let envelope: MessageEnvelope;
    let payload: object;
    try {
      delivery.attempt = headerCount(msg.properties.headers, H.attempt, MAX_ATTEMPT);
      headerCount(msg.properties.headers, H.replayCount, MAX_REPLAY_COUNT);
      envelope = this.decode(msg, sub);
      delivery.envelope = envelope;
      payload = validateContract(sub.contract, envelope.payload, `${sub.eventType} payload`);
    } catch (error) {
      return done(
        await this.failures.route(channel, msg, sub, error, delivery.attempt),
        'rejected',
        error,
      );
    }
    const attempt = delivery.attempt;
    const scope = {
      correlationId: envelope.correlationId,
      causationId: envelope.messageId,
      // Nearly every contract names its order: the handler's log lines then name it too.
      orderId: orderIdOf(payload),
    };
    return CorrelationContext.run(scope, () =>
      MessageTaps.around(delivery, async () => {
        try {
          if (await this.inbox.has(sub.consumer, envelope.messageId)) {
            // Stryker disable next-line StringLiteral: log text only; no behaviour reads it
            this.logger.debug(`${sub.queue}: ${envelope.messageId} already handled, skipping`);
            return done('ack', 'duplicate');
          }
          const key = { consumer: sub.consumer, messageId: envelope.messageId };
          const recorded = await DeliveryScope.run(key, async () => {
            await sub.invoke(payload, new EventContext([envelope, { queue: sub.queue, attempt }]));
            return DeliveryScope.current()?.recorded;
          });
          // A handler that committed through a unit of work wrote the entry in that same commit.
          if (!recorded) await this.inbox.record(sub.consumer, envelope.messageId);
          return done('ack', 'ack');
        } catch (error) {
          if (error instanceof AlreadyHandledError) {
            // Stryker disable next-line StringLiteral: log text only; no behaviour reads it
            this.logger.debug(`${sub.queue}: ${error.message}; nothing applied twice`);
            return done('ack', 'duplicate');
          }
          const settle = await this.failures.route(channel, msg, sub, error, attempt);
          return done(settle, this.failureOutcome(sub, error, attempt), error);
        }
      }),
    );
  }

  /** What FailureRouter did with a handler's failure: the same rule, read back for the taps. */
  private failureOutcome(sub: Subscription, error: unknown, attempt: number): HandleOutcome {
    if (isPermanent(error)) return 'dead_letter';
    return retryDelay(sub.retryDelaysMs, attempt + 1) === undefined ? 'dead_letter' : 'retry';
  }

  private decode(msg: ConsumeMessage, sub: Subscription): MessageEnvelope {
    // Checked on the bytes, before anything recursive (the parser, class-validator) sees them.
    if (exceedsJsonDepth(msg.content, MAX_JSON_DEPTH))
      throw new MalformedMessageError(`Body is nested deeper than ${MAX_JSON_DEPTH} levels`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(msg.content.toString('utf8'));
    } catch (error) {
      throw new MalformedMessageError(`Body is not JSON: ${(error as Error).message}`);
    }
    const envelope = parseEnvelope(parsed);
    if (envelope.type !== sub.eventType) {
      throw new ContractViolationError('Unexpected event type', [
        `expected ${sub.eventType}, got ${envelope.type}`,
      ]);
    }
    return envelope;
  }
}

function orderIdOf(payload: object): string | undefined {
  const id = (payload as { orderId?: unknown }).orderId;
  return typeof id === 'string' ? id : undefined;
}
