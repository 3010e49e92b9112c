import { ConcurrentModificationError } from '../../common/errors/concurrent-modification.error';
import { InMemoryOutboxStore } from '../../messaging/outbox/in-memory-outbox.store';
import { toOutboxMessage } from '../../messaging/outbox/outbox-message';
import { Order, OrderProps } from '../domain/order.entity';
import { DuplicateIdempotencyKeyError } from '../application/duplicate-idempotency-key.error';
import { OrderListQuery, OrderRepository, OutgoingEvents } from '../application/order.repository';

/**
 * State and outbox are written in one synchronous block: no await between them, so no other
 * task can observe one without the other.
 */
export class InMemoryOrderRepository extends OrderRepository {
  private readonly rows = new Map<string, OrderProps>();
  private readonly byKey = new Map<string, string>();

  constructor(private readonly outbox: InMemoryOutboxStore) {
    super();
  }

  async create(order: Order, events: OutgoingEvents): Promise<void> {
    const s = order.snapshot();
    if (s.idempotencyKey && this.byKey.has(s.idempotencyKey))
      throw new DuplicateIdempotencyKeyError(s.idempotencyKey);
    if (this.rows.has(s.id)) throw new ConcurrentModificationError('Order', s.id);
    this.rows.set(s.id, s);
    if (s.idempotencyKey) this.byKey.set(s.idempotencyKey, s.id);
    this.outbox.append(events.map(toOutboxMessage));
  }

  async update(order: Order, expectedVersion: number, events: OutgoingEvents): Promise<void> {
    const current = this.rows.get(order.id);
    if (!current || current.version !== expectedVersion)
      throw new ConcurrentModificationError('Order', order.id);
    this.rows.set(order.id, order.snapshot());
    this.outbox.append(events.map(toOutboxMessage));
  }

  async findById(id: string): Promise<Order | undefined> {
    const row = this.rows.get(id);
    return row && Order.restore(row);
  }

  async findByIdempotencyKey(key: string): Promise<Order | undefined> {
    const id = this.byKey.get(key);
    return id ? this.findById(id) : undefined;
  }

  async list(q: OrderListQuery): Promise<{ items: Order[]; total: number }> {
    const all = [...this.rows.values()]
      .filter((r) => !q.status || r.status === q.status)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    return {
      items: all.slice(q.offset, q.offset + q.limit).map((r) => Order.restore(r)),
      total: all.length,
    };
  }
}
