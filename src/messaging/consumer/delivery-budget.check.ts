import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../common/config/app-config';
import { ConfigError } from '../../common/config/config.error';
import {
  DEFAULT_CONSUMER_TIMEOUT_MS,
  DELIVERY_LIMIT,
  TopologyDeclarer,
} from '../topology/topology.declarer';
import { QueueBudgetInput, deliveryBudget } from './delivery-budget';
import { MAX_ATTEMPT } from './message-headers';
import { parseSubscriptionPattern } from './on-event.decorator';
import { RabbitEventServer } from './rabbit-event.server';

interface SubscriptionExtras {
  retryDelaysMs?: number[];
  consumerTimeoutMs?: number;
  broadcast?: boolean;
}

/**
 * Refuses to start when a retry policy or timeout would let the broker decide a message's fate
 * (dead-letter it at its delivery limit, or park it for a garbled header) before our own retry
 * policy parks it with its reason, and logs the budget once. It runs as the app initialises,
 * when every handler is registered with the server (connectMicroservice) and before the
 * recorder and the outbox relay start.
 */
@Injectable()
export class DeliveryBudgetCheck implements OnModuleInit {
  private readonly logger = new Logger(DeliveryBudgetCheck.name);

  constructor(
    private readonly server: RabbitEventServer,
    private readonly declarer: TopologyDeclarer,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const budget = deliveryBudget(this.queues(), {
      deliveryLimit: DELIVERY_LIMIT,
      maxAttempt: MAX_ATTEMPT,
      brokerNodes: this.config.amqpUrls.length,
    });
    if (budget.problems.length) throw new ConfigError(budget.problems);
    this.logger.log(budget.summary.join(' '));
  }

  /** The queues RabbitEventServer consumes for events and commands (not request/reply). */
  queues(): QueueBudgetInput[] {
    return [...this.server.getHandlers()].flatMap(([pattern, handler]) => {
      const parsed = handler.isEventHandler ? parseSubscriptionPattern(pattern) : undefined;
      if (!parsed) return [];
      const extras = (handler.extras ?? {}) as SubscriptionExtras;
      const broadcast = extras.broadcast === true;
      const queue = this.declarer.names.subscriptionQueue(parsed.consumer, parsed.eventType);
      return [
        {
          queue: broadcast ? `${queue}.<instance>` : queue,
          retryDelaysMs: extras.retryDelaysMs ?? this.config.retryDelaysMs,
          consumerTimeoutMs: extras.consumerTimeoutMs ?? DEFAULT_CONSUMER_TIMEOUT_MS,
          quorum: !broadcast,
        },
      ];
    });
  }
}
