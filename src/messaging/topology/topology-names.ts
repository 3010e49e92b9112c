/**
 * Every exchange and queue name, in one place. The prefix lets separate runs (tests, a dev app)
 * share one broker without touching each other's topology.
 */
export class TopologyNames {
  constructor(private readonly prefix = '') {}

  /** Topic exchange every integration event is published to, keyed by event type. */
  get events(): string {
    return `${this.prefix}orderflow.events`;
  }

  /**
   * Direct exchange for commands: point to point, keyed by command type, to the one module that
   * must act (e.g. `inventory.reserve-stock`). Events announce; commands ask.
   */
  get commands(): string {
    return `${this.prefix}orderflow.commands`;
  }

  /** Where the events exchange sends what no queue is bound for, so it is counted, not lost. */
  get unrouted(): string {
    return `${this.prefix}orderflow.unrouted`;
  }

  /** Direct exchange each subscription queue is bound to by its own name: retries and replays
   *  reach only the queue that failed, never every subscriber. */
  get redeliver(): string {
    // Not `orderflow.redeliver`, which had no alternate exchange and cannot be given one in place.
    return `${this.prefix}orderflow.to-queue`;
  }

  get deadLetter(): string {
    return `${this.prefix}orderflow.dead-letter`;
  }

  get deadLetterQueue(): string {
    return `${this.prefix}orderflow.dead-letters`;
  }

  /** The quorum queue that keeps what `unrouted` receives (a classic one would be lost with its node). */
  get unroutedQueue(): string {
    return `${this.prefix}orderflow.unrouted.kept`;
  }

  /** Exchange of one retry delay; its queue holds messages for the TTL, then sends them back. */
  retry(delayMs: number): string {
    return `${this.prefix}orderflow.retry.${delayMs}ms`;
  }

  /** The quorum queue behind `retry(delayMs)`, where failed messages wait out the delay. */
  retryQueue(delayMs: number): string {
    return `${this.prefix}orderflow.retry.${delayMs}ms.wait`;
  }

  /**
   * `<module>.<message-with-dashes>`, e.g. orders.payment-succeeded; a command addressed to the
   * module itself drops the repeated name: inventory.reserve-stock, not inventory.inventory-….
   */
  subscriptionQueue(consumer: string, messageType: string): string {
    const own = messageType.startsWith(`${consumer}.`);
    const name = own ? messageType.slice(consumer.length + 1) : messageType;
    return `${this.prefix}${consumer}.${name.replace(/\./g, '-')}`;
  }

  /** Fanout exchange that copies one event type to every instance that wants all of them. */
  broadcast(eventType: string): string {
    return `${this.prefix}orderflow.broadcast.${eventType}`;
  }

  /** An instance's own queue for a broadcast subscription; it lives as long as the instance. */
  instanceQueue(consumer: string, eventType: string, instanceId: string): string {
    return `${this.subscriptionQueue(consumer, eventType)}.${instanceId}`;
  }

  rpcQueue(routingKey: string): string {
    return `${this.prefix}${routingKey}`;
  }

  get all(): { exchanges: string[]; queues: string[] } {
    return {
      exchanges: [this.events, this.unrouted, this.redeliver, this.deadLetter],
      queues: [this.unroutedQueue, this.deadLetterQueue],
    };
  }
}
