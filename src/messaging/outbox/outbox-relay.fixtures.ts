import type { Options } from 'amqp-connection-manager';
import { RabbitEventServer } from '../consumer/rabbit-event.server';
import { TopologyDeclarer } from '../topology/topology.declarer';
import { ConfirmedPublisher } from './confirmed.publisher';
import { InMemoryOutboxStore } from './in-memory-outbox.store';
import { OutboxMessage } from './outbox-message';
import { OutboxRegistry } from './outbox.registry';
import { OutboxRelay } from './outbox.relay';
import { ClaimedOutboxMessage } from './outbox.store';

export const EVENTS_EXCHANGE = 'test.events';

export interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
}

export function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

export interface Published {
  exchange: string;
  routingKey: string;
  body: string;
  options: Options.Publish;
}

/** Confirms at once unless told to hold confirms or to refuse some message ids. */
export class FakePublisher {
  connected = true;
  hold = false;
  readonly refuse = new Set<string>();
  readonly calls: Published[] = [];
  private readonly held: Array<() => void> = [];

  publish(exchange: string, routingKey: string, content: Buffer, options: Options.Publish) {
    this.calls.push({ exchange, routingKey, body: content.toString(), options });
    if (this.refuse.has(options.messageId as string)) {
      return Promise.reject(new Error('not confirmed'));
    }
    if (this.hold) return new Promise<void>((resolve) => this.held.push(resolve));
    return Promise.resolve();
  }

  confirmHeld(): void {
    this.held.splice(0).forEach((confirm) => confirm());
  }

  ids(): string[] {
    return this.calls.map((c) => c.options.messageId as string);
  }
}

/** The in-memory outbox, recording what the relay asks of it; it can be told to fail. */
export class RecordingOutboxStore extends InMemoryOutboxStore {
  readonly limits: number[] = [];
  readonly sent: string[][] = [];
  readonly released: string[][] = [];
  failClaims = false;
  failMarkSent = false;
  onClaim?: () => void;

  async claim(limit: number): Promise<ClaimedOutboxMessage[]> {
    this.limits.push(limit);
    this.onClaim?.();
    if (this.failClaims) throw new Error('outbox unreachable');
    return super.claim(limit);
  }

  async markSent(claimed: readonly ClaimedOutboxMessage[]): Promise<void> {
    this.sent.push(claimed.map((m) => m.id));
    if (this.failMarkSent) throw new Error('write failed');
    return super.markSent(claimed);
  }

  async release(claimed: readonly ClaimedOutboxMessage[]): Promise<void> {
    this.released.push(claimed.map((m) => m.id));
    return super.release(claimed);
  }
}

export function message(id: string, createdAt = '2026-03-01T10:00:00.000Z'): OutboxMessage {
  return {
    id,
    routingKey: 'order.placed',
    body: JSON.stringify({ messageId: id }),
    correlationId: `c-${id}`,
    createdAt: new Date(createdAt),
  };
}

export function messages(prefix: string, count: number): OutboxMessage[] {
  return Array.from({ length: count }, (_, i) => message(`${prefix}-${i}`));
}

export interface RelayRig {
  relay: OutboxRelay;
  registry: OutboxRegistry;
  publisher: FakePublisher;
  ready: Deferred;
  drain: Deferred;
  drained: () => boolean;
  /** A store registered like outboxProvider does; `notify: false` leaves the relay to poll. */
  store(owner: string, notify?: boolean): RecordingOutboxStore;
}

export function relayRig(): RelayRig {
  const registry = new OutboxRegistry();
  const publisher = new FakePublisher();
  const ready = deferred();
  const drain = deferred();
  let drainCalled = false;
  const server = {
    ready: () => ready.promise,
    drain: () => {
      drainCalled = true;
      return drain.promise;
    },
  };
  const declarer = { names: { events: EVENTS_EXCHANGE } };
  const relay = new OutboxRelay(
    publisher as unknown as ConfirmedPublisher,
    registry,
    declarer as unknown as TopologyDeclarer,
    server as unknown as RabbitEventServer,
  );
  return {
    relay,
    registry,
    publisher,
    ready,
    drain,
    drained: () => drainCalled,
    store(owner, notify = true) {
      const store = new RecordingOutboxStore(notify ? () => registry.notifyAppended() : undefined);
      registry.register(owner, store);
      return store;
    },
  };
}

/** Lets every pending promise settle and fires the timers due within `ms`. */
export const elapse = (ms = 0) => jest.advanceTimersByTimeAsync(ms);

export async function boot(rig: RelayRig): Promise<void> {
  rig.relay.onApplicationBootstrap();
  await elapse();
}

/** Shuts the relay down, letting fake time run; resolves with the fake milliseconds it took. */
export async function shutdown(rig: RelayRig): Promise<number> {
  const started = Date.now();
  let done = false;
  let failure: unknown;
  void rig.relay.beforeApplicationShutdown().then(
    () => (done = true),
    (error: unknown) => ((failure = error), (done = true)),
  );
  for (let i = 0; i < 1000 && !done; i++) await elapse(50);
  if (failure) throw failure;
  if (!done) throw new Error('relay did not shut down');
  return Date.now() - started;
}
