import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { AppConfig } from '../../common/config/app-config';
import { DeadLetterReplayer } from './dead-letter.replayer';
import { DeadLetterStore } from './dead-letter.store';

const BATCH = 100;

/**
 * Optional (DLQ_REDRIVE_INTERVAL_MS > 0): replays parked messages on a schedule, each at most
 * DLQ_REDRIVE_MAX times. The count travels with the message, so a message that fails again is
 * parked with it and eventually left alone for a person to look at.
 */
@Injectable()
export class DeadLetterRedriver implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeadLetterRedriver.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly config: AppConfig,
    private readonly store: DeadLetterStore,
    private readonly replayer: DeadLetterReplayer,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.deadLetterRedriveIntervalMs;
    if (every <= 0) return;
    this.logger.log(
      `Re-driving parked messages every ${every} ms, at most ${this.config.deadLetterRedriveMax} times each`,
    );
    this.timer = setInterval(() => {
      this.running ??= this.redrive().finally(() => (this.running = undefined));
    }, every);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async redrive(): Promise<void> {
    const { items } = await this.store.list(
      { status: 'PARKED', replayCountBelow: this.config.deadLetterRedriveMax },
      0,
      BATCH,
    );
    for (const record of items) {
      await this.replayer
        .replay(record.id)
        .catch((err: Error) => this.logger.warn(`Re-drive of ${record.id} failed: ${err.message}`));
    }
    if (items.length > 0) this.logger.log(`Re-drove ${items.length} parked messages`);
  }
}
