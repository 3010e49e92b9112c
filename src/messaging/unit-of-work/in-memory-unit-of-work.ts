import { retryOnConflict } from '../../common/errors/retry-on-conflict';
import { AlreadyHandledError } from '../inbox/already-handled.error';
import { DeliveryScope } from '../inbox/delivery-scope';
import { InMemoryInboxStore } from '../inbox/in-memory-inbox.store';
import { InMemoryOutboxStore } from '../outbox/in-memory-outbox.store';
import { toOutboxMessage } from '../outbox/outbox-message';
import { EventMapper } from './event-mapper';
import { InMemoryTransaction } from './in-memory-transaction';
import { Transaction } from './transaction';
import { UnitOfWork } from './unit-of-work';

/** Commits state, outbox and inbox in one synchronous block (see InMemoryTransaction). */
export class InMemoryUnitOfWork extends UnitOfWork {
  constructor(
    private readonly outbox: InMemoryOutboxStore,
    private readonly inbox: InMemoryInboxStore,
    private readonly mapper: EventMapper,
  ) {
    super();
  }

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return retryOnConflict(async () => {
      const tx = new InMemoryTransaction(this.mapper);
      const result = await work(tx);
      this.commit(tx);
      return result;
    });
  }

  // No await from here to the end: this is the atomic step.
  private commit(tx: InMemoryTransaction): void {
    const outgoing = tx.outgoing().map(toOutboxMessage);
    const delivery = DeliveryScope.pending();
    if (delivery && this.inbox.contains(delivery.consumer, delivery.messageId))
      throw new AlreadyHandledError(delivery.consumer, delivery.messageId);
    tx.applyAll();
    this.outbox.append(outgoing);
    tx.committed();
    if (delivery) {
      this.inbox.add(delivery.consumer, delivery.messageId);
      delivery.recorded = true;
    }
  }
}
