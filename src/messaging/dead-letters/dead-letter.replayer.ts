import { Injectable, Logger } from '@nestjs/common';
import { H } from '../consumer/message-headers';
import { ConfirmedPublisher } from '../outbox/confirmed.publisher';
import { MessagingUnavailableError } from '../rpc/messaging-unavailable.error';
import { TopologyDeclarer } from '../topology/topology.declarer';
import { DeadLetterNotFoundError } from './dead-letter-not-found.error';
import { DeadLetterNotParkedError } from './dead-letter-not-parked.error';
import { DeadLetterFilter, DeadLetterRecord } from './dead-letter.record';
import { DeadLetterStore } from './dead-letter.store';

export interface BulkReplayResult {
  matched: number;
  replayed: number;
  failed: number;
}

/**
 * Puts a parked message back into the one queue it failed in (through the redeliver exchange),
 * with its attempt count reset and its message id kept, so the consumer's inbox still applies.
 */
@Injectable()
export class DeadLetterReplayer {
  private readonly logger = new Logger(DeadLetterReplayer.name);

  constructor(
    private readonly store: DeadLetterStore,
    private readonly publisher: ConfirmedPublisher,
    private readonly declarer: TopologyDeclarer,
  ) {}

  async replay(id: string): Promise<DeadLetterRecord> {
    const record = await this.store.get(id);
    if (!record) throw new DeadLetterNotFoundError(id);
    if (!(await this.store.markReplayed(id))) throw new DeadLetterNotParkedError(id);
    try {
      await this.publisher.publish(
        this.declarer.names.redeliver,
        record.queue,
        Buffer.from(record.bodyBase64, 'base64'),
        {
          messageId: record.messageId,
          type: record.type,
          correlationId: record.correlationId,
          contentType: record.contentType,
          headers: {
            ...record.headers,
            [H.originalExchange]: record.originalExchange,
            [H.originalRoutingKey]: record.originalRoutingKey,
            [H.replayedAt]: new Date().toISOString(),
            [H.replayCount]: record.replayCount + 1,
          },
        },
      );
    } catch (error) {
      await this.store.markParked(id);
      throw new MessagingUnavailableError(
        `Replay of ${id} not confirmed by the broker: ${(error as Error).message}`,
      );
    }
    this.logger.log(`Replayed dead letter ${id} into ${record.queue}`);
    return (await this.store.get(id)) ?? record;
  }

  /** Replays up to `limit` parked messages, paced at `ratePerSecond` so a fixed bug is not flooded. */
  async replayMany(
    filter: DeadLetterFilter,
    limit: number,
    ratePerSecond: number,
  ): Promise<BulkReplayResult> {
    const { items } = await this.store.list({ ...filter, status: 'PARKED' }, 0, limit);
    const gapMs = 1000 / ratePerSecond;
    let replayed = 0;
    let failed = 0;
    for (const [i, record] of items.entries()) {
      if (i > 0) await new Promise((r) => setTimeout(r, gapMs));
      try {
        await this.replay(record.id);
        replayed++;
      } catch (error) {
        failed++;
        this.logger.warn(`Bulk replay skipped ${record.id}: ${(error as Error).message}`);
      }
    }
    return { matched: items.length, replayed, failed };
  }
}
