import type { AmqpConnection } from '@golevelup/nestjs-rabbitmq';
import { EventEmitter } from 'node:events';
import type { Options } from 'amqplib';

/** Queues some other connection holds exclusively, shared by every fake connection of a test. */
export class FakeBroker {
  readonly lockedElsewhere = new Set<string>();
  /** Set to make the next declares fail as something other than a refusal. */
  failure?: Error;
}

class FakeLockChannel {
  closed = false;
  constructor(
    private readonly broker: FakeBroker,
    readonly declared: Array<{ queue: string; options: Options.AssertQueue }>,
  ) {}

  on(): void {
    // The keeper only silences 'error'; nothing to record.
  }

  async assertQueue(queue: string, options: Options.AssertQueue): Promise<void> {
    if (this.broker.failure) throw this.broker.failure;
    if (this.broker.lockedElsewhere.has(queue))
      throw Object.assign(new Error(`405 (RESOURCE-LOCKED) ${queue}`), { code: 405 });
    this.declared.push({ queue, options });
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

/** Stands in for amqp-connection-manager: `connect()` opens a new connection and says so. */
export class FakeManager extends EventEmitter {
  connection?: { createChannel: () => Promise<FakeLockChannel> };
  readonly declared: Array<{ queue: string; options: Options.AssertQueue }> = [];
  readonly channels: FakeLockChannel[] = [];

  constructor(readonly broker = new FakeBroker()) {
    super();
  }

  isConnected(): boolean {
    return this.connection !== undefined;
  }

  connect(): void {
    this.connection = {
      createChannel: async () => {
        const channel = new FakeLockChannel(this.broker, this.declared);
        this.channels.push(channel);
        return channel;
      },
    };
    this.emit('connect', { connection: this.connection });
  }

  disconnect(): void {
    this.connection = undefined;
    this.emit('disconnect', { err: new Error('gone') });
  }

  failConnect(): void {
    this.emit('connectFailed', { err: new Error('ECONNREFUSED') });
  }

  asAmqp(): AmqpConnection {
    return { managedConnection: this } as unknown as AmqpConnection;
  }
}

/** Lets the keeper's awaited channel calls run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
