import { InboxStore } from './inbox.store';

/**
 * Each module keeps its inbox in its own store, next to its state, so a handler's effects and
 * the inbox entry can commit together. The pipeline asks this one; it answers from the store of
 * the consumer's module, or from the fallback for a consumer with no store of its own.
 */
export class RoutingInboxStore extends InboxStore {
  private readonly stores = new Map<string, InboxStore>();

  constructor(private readonly fallback: InboxStore) {
    super();
  }

  register(consumer: string, store: InboxStore): void {
    this.stores.set(consumer, store);
  }

  has(consumer: string, messageId: string): Promise<boolean> {
    return this.storeOf(consumer).has(consumer, messageId);
  }

  record(consumer: string, messageId: string): Promise<void> {
    return this.storeOf(consumer).record(consumer, messageId);
  }

  private storeOf(consumer: string): InboxStore {
    return this.stores.get(consumer) ?? this.fallback;
  }
}
