import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';
import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { ChannelModel } from 'amqplib';
import { AppConfig, FeatureModuleName } from '../../common/config/app-config';
import { AccessRefusalLog } from '../connection/access-refusal.log';
import { InstanceLockRefusedError } from './instance-lock-refused.error';
import { instanceLockQueue, modulesToLock } from './locked-modules';
import { RefusalPolicy } from './refusal.policy';

/** Three of messaging.module's 5 s heartbeats: a dead connection is found by then. */
export const LOST_GRACE_MS = 15_000;
const RETRY_MS = 1_000;
const RESOURCE_LOCKED = 405;

export type LockOutcome = 'held' | 'undecided' | 'not-needed';
type Fatal = (error: InstanceLockRefusedError) => void;

/**
 * Makes sure at most one instance per in-memory module runs on the broker: one exclusive queue
 * per module, owned by this process's connection. The broker deletes it when that connection
 * goes, so a crashed instance frees the lock; a broker restart frees it too, hence it is taken
 * again on every (re)connect.
 */
@Injectable()
export class InstanceLockKeeper implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('InstanceLock');
  private readonly refusals = new AccessRefusalLog(this.logger);
  readonly modules: FeatureModuleName[];
  private readonly policy = new RefusalPolicy(LOST_GRACE_MS);
  private onHeld = (): void => undefined;
  private onFatal: Fatal = () => undefined;
  private retryTimer?: NodeJS.Timeout;
  private stopped = false;
  private refusal?: InstanceLockRefusedError;
  private readonly onConnect = (): void => void this.take();

  constructor(
    private readonly amqp: AmqpConnection,
    private readonly config: AppConfig,
  ) {
    this.modules = modulesToLock(config);
  }

  /** The broker refuses this user the lock queue: it is there, but will not answer yes or no. */
  get accessRefused(): boolean {
    return this.refusals.refusing;
  }

  /**
   * Takes the lock now if connected, and on every reconnect. Resolves 'held', or 'undecided'
   * once a connection attempt fails or `waitMs` passes (startup does not wait for the broker);
   * rejects if another instance holds it. A refusal after that goes to `onLost`.
   */
  async start(waitMs: number, onLost: Fatal): Promise<LockOutcome> {
    if (this.modules.length === 0) return 'not-needed';
    const manager = this.amqp.managedConnection;
    let timer: NodeJS.Timeout | undefined;
    let unreachable = (): void => undefined;
    try {
      return await new Promise<LockOutcome>((resolve, reject) => {
        this.onHeld = () => resolve('held');
        this.onFatal = reject;
        unreachable = () => resolve('undecided');
        timer = setTimeout(unreachable, waitMs);
        manager.once('connectFailed', unreachable);
        manager.on('connect', this.onConnect);
        if (manager.isConnected()) void this.take();
      });
    } finally {
      clearTimeout(timer);
      manager.removeListener('connectFailed', unreachable);
      this.onHeld = () => undefined;
      this.onFatal = onLost;
    }
  }

  /**
   * Refused after startup stopped waiting but before the app initialised (the broker came back
   * meanwhile): fail startup here, before any bootstrap hook seeds data or starts publishing.
   */
  onModuleInit(): void {
    if (this.refusal) throw this.refusal;
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.amqp.managedConnection?.removeListener('connect', this.onConnect);
  }

  private async take(): Promise<void> {
    clearTimeout(this.retryTimer);
    const connection = this.amqp.managedConnection.connection;
    if (this.stopped || !connection) return;
    const module = await this.declareAll(connection);
    if (this.stopped || connection !== this.amqp.managedConnection.connection) return;
    if (module === undefined) {
      this.refusals.cleared('Instance lock');
      const again = this.policy.everHeld;
      this.policy.held();
      if (again) this.logger.log(`Instance lock taken again for ${this.modules.join(', ')}`);
      this.onHeld();
    } else if (module !== null) this.refused(module);
    else this.retryLater();
  }

  /** undefined: all held; a module: refused for it; null: failed otherwise (retry). */
  private async declareAll(
    connection: ChannelModel,
  ): Promise<FeatureModuleName | null | undefined> {
    let current: FeatureModuleName | undefined;
    try {
      const channel = await connection.createChannel();
      // A refusal closes the channel with an 'error' event; unheard, amqplib would rethrow it.
      channel.on('error', () => undefined);
      for (current of this.modules)
        await channel.assertQueue(instanceLockQueue(this.config.amqpNamePrefix, current), {
          exclusive: true,
          autoDelete: true,
          durable: false,
        });
      // The queue belongs to the connection, not the channel: the channel is not needed.
      await channel.close().catch(() => undefined);
      return undefined;
    } catch (error) {
      if ((error as { code?: number }).code === RESOURCE_LOCKED && current) return current;
      if (!this.refusals.report(error, 'Instance lock'))
        this.logger.warn(`Could not take the instance lock yet: ${(error as Error).message}`);
      return null;
    }
  }

  private refused(module: FeatureModuleName): void {
    if (this.policy.refused(Date.now()) === 'retry') {
      this.logger.warn(
        `Instance lock for ${module} is held elsewhere, perhaps by this process's previous ` +
          `connection not yet closed by the broker; retrying`,
      );
      this.retryLater();
      return;
    }
    this.onApplicationShutdown();
    this.refusal = new InstanceLockRefusedError(module, this.config.amqpNamePrefix);
    this.onFatal(this.refusal);
  }

  private retryLater(): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.take(), RETRY_MS);
    this.retryTimer.unref();
  }
}
