import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { RabbitEventServer } from '../consumer/rabbit-event.server';
import { TopologyDeclarer } from '../topology/topology.declarer';
import { ConfirmedPublisher } from './confirmed.publisher';
import { OutboxFailureLog } from './outbox-failure.log';
import { OutboxRegistry } from './outbox.registry';
import { ClaimedOutboxMessage, OutboxStore } from './outbox.store';

const BATCH = 200;
/** Events published and not yet confirmed, at most. */
const WINDOW = 1000;
const IDLE_POLL_MS = 1000;
const BACKOFF_MS = 1000;
const FLUSH_TIMEOUT_MS = 10_000;

/**
 * Publishes what the modules wrote to their outboxes, marking each sent only on the broker's
 * confirm. While the broker is away the messages simply stay in the outbox.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  // Stryker disable next-line BooleanLiteral: only run() reads it, after bootstrap sets it true
  private running = false;
  // Stryker disable next-line BooleanLiteral: run() clears it before every read
  private dirty = false;
  /** Ends the current sleep early, for new work; unset while backing off. */
  private wake?: () => void;
  /** Ends the current sleep early, whatever it is: only shutdown uses it. */
  private interrupt?: () => void;
  private loop?: Promise<void>;
  private stop!: () => void;
  private readonly stopped = new Promise<void>((resolve) => (this.stop = resolve));
  private publishedTotal = 0;
  private inFlight = 0;
  private failedPass = false;
  private readonly failures = new OutboxFailureLog(this.logger);

  constructor(
    private readonly publisher: ConfirmedPublisher,
    private readonly registry: OutboxRegistry,
    private readonly declarer: TopologyDeclarer,
    private readonly server: RabbitEventServer,
  ) {}

  get published(): number {
    return this.publishedTotal;
  }

  onApplicationBootstrap(): void {
    this.registry.onAppended(() => {
      this.dirty = true;
      this.wake?.();
    });
    this.running = true;
    this.loop = this.run();
  }

  /** Shutdown order: stop consuming, finish in-flight handlers, flush what they wrote, close. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.server.drain();
    this.running = false;
    this.stop();
    this.interrupt?.();
    await this.loop;
    const deadline = Date.now() + FLUSH_TIMEOUT_MS;
    while (
      Date.now() < deadline &&
      (await this.registry.pendingCount()) > 0 &&
      this.publisher.connected
    ) {
      const { sent, failed } = await this.drainOnce();
      // Nothing claimable (in flight, or leased by another relay) must not spin until the
      // deadline: pause, woken early by any confirm.
      if (failed > 0 || sent === 0) await this.sleep(200);
    }
    const left = await this.registry.pendingCount();
    // Stryker disable next-line all: decides a log line only; nothing reads it
    if (left > 0)
      // Stryker disable next-line all: log text only; no behaviour reads it
      this.logger.warn(`${left} events stay in the outbox and go out on the next start`);
  }

  private async run(): Promise<void> {
    // Publishing before this process's own queues exist would send its first events to the
    // unrouted queue; wait until they are declared.
    await Promise.race([this.server.ready(), this.stopped]);
    while (this.running) {
      if (!this.publisher.connected || this.failedPass) {
        this.failedPass = false;
        // Not woken by appends or confirms: new traffic must not cut a back-off short.
        await this.sleep(BACKOFF_MS, false);
        continue;
      }
      this.dirty = false;
      // Claim and publish as soon as there is room in the window, without waiting for the
      // confirms of what is already out: an event appended now leaves now, not after the
      // previous batch's confirm round trip (one per store, one store after the other).
      let claimed = 0;
      for (const [owner, store] of this.registry.all()) {
        const room = WINDOW - this.inFlight;
        if (room <= 0) break;
        const batch = await store.claim(Math.min(BATCH, room)).catch((err: Error) => {
          // Stryker disable next-line StringLiteral: log text only; no behaviour reads it
          this.logger.error(`${owner}: cannot claim from the outbox: ${err.message}`);
          this.failedPass = true;
          return [];
        });
        if (batch.length === 0) continue;
        // Stryker disable next-line AssignmentOperator: only compared with 0, and length > 0 here
        claimed += batch.length;
        this.inFlight += batch.length;
        void this.publishClaimed(owner, store, batch)
          .catch((err: Error) => {
            // Stryker disable next-line StringLiteral: log text only; no behaviour reads it
            this.logger.error(`Outbox relay pass failed: ${err.message}`);
            return { sent: 0, failed: 1 };
          })
          .then(({ sent, failed }) => {
            this.inFlight -= batch.length;
            this.publishedTotal += sent;
            if (failed > 0) this.failedPass = true;
            this.wake?.();
          });
      }
      if (claimed === 0 && !this.dirty) await this.sleep(IDLE_POLL_MS);
    }
    while (this.inFlight > 0) await this.sleep(50);
  }

  private async drainOnce(): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    for (const [owner, store] of this.registry.all()) {
      const r = await this.drainStore(owner, store);
      sent += r.sent;
      failed += r.failed;
    }
    this.publishedTotal += sent;
    return { sent, failed };
  }

  private async drainStore(
    owner: string,
    store: OutboxStore,
  ): Promise<{ sent: number; failed: number }> {
    const batch = await store.claim(BATCH);
    if (batch.length === 0) return { sent: 0, failed: 0 };
    return this.publishClaimed(owner, store, batch);
  }

  private async publishClaimed(
    owner: string,
    store: OutboxStore,
    batch: ClaimedOutboxMessage[],
  ): Promise<{ sent: number; failed: number }> {
    const results = await Promise.allSettled(batch.map((m) => this.publish(m, owner)));
    const sent = batch.filter((_, i) => results[i].status === 'fulfilled');
    const failed = batch.filter((_, i) => results[i].status === 'rejected');
    await store.markSent(sent);
    await store.release(failed);
    // Stryker disable next-line all: writes log lines only; no behaviour reads them
    this.failures.after(owner, results, this.publisher.connected);
    return { sent: sent.length, failed: failed.length };
  }

  private publish(m: ClaimedOutboxMessage, owner: string): Promise<void> {
    const exchange = this.declarer.names[m.destination ?? 'events'];
    const options = {
      messageId: m.id,
      type: m.routingKey,
      correlationId: m.correlationId,
      contentType: 'application/json',
      timestamp: Math.floor(m.createdAt.getTime() / 1000),
      ...(m.headers ? { headers: { ...m.headers } } : {}),
    };
    return this.publisher.publish(exchange, m.routingKey, Buffer.from(m.body), options, owner);
  }

  private sleep(ms: number, wakeable = true): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = wakeable ? done : undefined;
      this.interrupt = done;
    });
  }
}
