import { Injectable, Logger } from '@nestjs/common';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { hostname } from 'node:os';
import { TopologyDeclarer } from '../topology/topology.declarer';
import { copyOptions } from './copy-options';
import { describeError, isPermanent } from './error-classification';
import {
  H,
  MAX_ERROR_MESSAGE_CHARS,
  MAX_STACK_CHARS,
  headerDate,
  headerString,
} from './message-headers';
import { publishConfirmed } from './publish-confirmed';
import { Settle } from './queue-consumer';
import { retryDelay } from './retry-delay';

const HOST = `${hostname()}:${process.pid}`;

/**
 * Decides where a failed message goes: a retry queue (transient, attempts left) or the
 * dead-letter exchange. The copy is confirmed by the broker before the original is acked, so a
 * crash in between can only duplicate (which the inbox absorbs), never lose.
 */
@Injectable()
export class FailureRouter {
  private readonly logger = new Logger(FailureRouter.name);

  constructor(private readonly declarer: TopologyDeclarer) {}

  async route(
    channel: ConfirmChannel,
    msg: ConsumeMessage,
    where: { queue: string; consumer: string; retryDelaysMs: number[] },
    error: unknown,
    previousFailures: number,
  ): Promise<Settle> {
    const failures = previousFailures + 1;
    const delay = isPermanent(error) ? undefined : retryDelay(where.retryDelaysMs, failures);
    const headers = this.failureHeaders(msg, where, error, failures, delay === undefined);
    const { type, message } = describeError(error);
    const options = copyOptions(msg, headers);
    try {
      if (delay !== undefined) {
        // Stryker disable all: log text only; no behaviour reads it
        this.logger.warn(
          `${where.queue}: attempt ${failures} failed (${type}: ${message}); retrying in ${delay} ms`,
        );
        // Stryker restore all
        await publishConfirmed(
          channel,
          this.declarer.names.retry(delay),
          where.queue,
          msg.content,
          options,
        );
      } else {
        // Stryker disable all: log text only (`why` feeds nothing else); no behaviour reads it
        const why = isPermanent(error) ? 'permanent error' : `${failures} attempts`;
        this.logger.error(`${where.queue}: dead-lettered after ${why} (${type}: ${message})`);
        // Stryker restore all
        await publishConfirmed(
          channel,
          this.declarer.names.deadLetter,
          where.queue,
          msg.content,
          options,
        );
      }
      return 'ack';
    } catch (publishError) {
      // Stryker disable all: log text only; no behaviour reads it
      this.logger.error(
        `${where.queue}: could not park a failed message, requeueing: ${(publishError as Error).message}`,
      );
      // Stryker restore all
      return 'requeue';
    }
  }

  private failureHeaders(
    msg: ConsumeMessage,
    where: { queue: string; consumer: string },
    error: unknown,
    failures: number,
    parked: boolean,
  ): Record<string, string | number | boolean> {
    const previous = msg.properties.headers ?? {};
    const kept = Object.fromEntries(
      Object.entries(previous).filter(
        ([k, v]) =>
          !k.startsWith('x-') &&
          (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'),
      ),
    ) as Record<string, string | number | boolean>;
    const { type, message, stack } = describeError(error);
    const now = new Date().toISOString();
    return {
      ...kept,
      [H.attempt]: failures,
      [H.errorType]: type,
      [H.errorMessage]: message.slice(0, MAX_ERROR_MESSAGE_CHARS),
      [H.errorStack]: (stack ?? '').slice(0, MAX_STACK_CHARS),
      [H.permanent]: isPermanent(error),
      [H.originalExchange]: headerString(previous, H.originalExchange) ?? msg.fields.exchange,
      [H.originalRoutingKey]: headerString(previous, H.originalRoutingKey) ?? msg.fields.routingKey,
      [H.originalQueue]: where.queue,
      [H.consumer]: where.consumer,
      [H.host]: HOST,
      [H.firstFailedAt]: headerDate(previous, H.firstFailedAt)?.toISOString() ?? now,
      [H.lastFailedAt]: now,
      [H.parked]: parked,
    };
  }
}
