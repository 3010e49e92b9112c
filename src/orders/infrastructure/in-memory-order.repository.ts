import { ConcurrentModificationError } from '../../common/errors/concurrent-modification.error';
import { InMemoryTransaction, Transaction } from '../../messaging';
import { OrderListQuery, OrderRepository } from '../application/order.repository';
import { Order, OrderProps } from '../domain/order.entity';

const earliestDue = (a: OrderProps, b: OrderProps): number =>
  a.paymentDueAt!.getTime() - b.paymentDueAt!.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const newestFirst = (a: OrderProps, b: OrderProps): number =>
  b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** Rows are snapshots: nothing outside sees a change before the unit of work commits it. */
export class InMemoryOrderRepository extends OrderRepository {
  private readonly rows = new Map<string, OrderProps>();

  async save(order: Order, tx: Transaction): Promise<void> {
    const row = order.snapshot();
    const expected = order.persistedVersion;
    InMemoryTransaction.from(tx).stage({
      check: () => {
        const stored = this.rows.get(row.id);
        if (expected === 0 ? stored : stored?.version !== expected)
          throw new ConcurrentModificationError('Order', row.id);
      },
      apply: () => this.rows.set(row.id, row),
    });
    tx.track(order);
  }

  async findById(id: string): Promise<Order | undefined> {
    const row = this.rows.get(id);
    return row && Order.restore(row);
  }

  async list(q: OrderListQuery): Promise<{ items: Order[]; total: number }> {
    const all = [...this.rows.values()]
      .filter((r) => !q.status || r.status === q.status)
      .sort(newestFirst);
    return {
      items: all.slice(q.offset, q.offset + q.limit).map((r) => Order.restore(r)),
      total: all.length,
    };
  }

  async findDue(now: Date, limit: number): Promise<Order[]> {
    return [...this.rows.values()]
      .filter((r) => r.paymentDueAt && r.paymentDueAt <= now)
      .sort(earliestDue)
      .slice(0, limit)
      .map((r) => Order.restore(r));
  }
}
