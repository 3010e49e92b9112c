import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { AppConfig } from '../../common/config/app-config';
import { OrderProcessService } from './order-process.service';
import { OrderRepository } from './order.repository';

/** Orders timed out per pass, at most; the rest wait for the next pass. */
export const TIMEOUT_BATCH = 100;

/** A tenth of the timeout, so an order is given up at most 10% late; between 100 ms and 1 s. */
export function pollIntervalMs(paymentTimeoutMs: number): number {
  return Math.max(100, Math.min(1000, Math.floor(paymentTimeoutMs / 10)));
}

/**
 * The durable payment timeout: the due time is stored on the order, so a restart loses nothing
 * and any orders instance (replicas, split mode) may find it. Each order is timed out through
 * the unit of work; when two instances race, the version check lets one commit and the other's
 * retry finds the order already closed.
 */
@Injectable()
export class PaymentTimeoutPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PaymentTimeoutPoller.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly config: AppConfig,
    private readonly orders: OrderRepository,
    private readonly process: OrderProcessService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), pollIntervalMs(this.config.paymentTimeoutMs));
    // Never what keeps the process alive.
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass at a time: a tick that finds one running joins it. Never rejects. */
  tick(): Promise<number> {
    this.running ??= this.poll()
      .catch((error: Error) => {
        this.logger.warn(`Payment timeouts not checked: ${error.message}`);
        return 0;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  /** Times out the orders due by `now`, oldest due first; returns how many were due. */
  async poll(now = new Date()): Promise<number> {
    const due = await this.orders.findDue(now, TIMEOUT_BATCH);
    for (const order of due)
      await this.process.timeOut(order.id, now).catch((error: Error) => {
        this.logger.warn(`Payment timeout of order ${order.id} failed: ${error.message}`);
      });
    return due.length;
  }
}
