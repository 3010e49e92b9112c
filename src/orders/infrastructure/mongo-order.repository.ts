import { Connection, FilterQuery, Model } from 'mongoose';
import { ConcurrentModificationError } from '../../common/errors/concurrent-modification.error';
import { isDuplicateKey } from '../../common/persistence/mongo-errors';
import { MongoTransaction, Transaction } from '../../messaging';
import { OrderListQuery, OrderRepository } from '../application/order.repository';
import { Order } from '../domain/order.entity';
import { OrderMapper } from './order.mapper';
import { OrderDoc, OrderSchema } from './order.schema';

/** Writes inside the unit of work's transaction; `version` guards every update. */
export class MongoOrderRepository extends OrderRepository {
  private readonly model: Model<OrderDoc>;

  constructor(connection: Connection) {
    super();
    this.model = connection.model<OrderDoc>('Order', OrderSchema);
  }

  async save(order: Order, tx: Transaction): Promise<void> {
    const { session } = MongoTransaction.from(tx);
    const { _id, ...fields } = OrderMapper.toDoc(order);
    if (tx.tracks(order)) {
      // Saved before in this transaction: the row is ours until commit, its version already moved.
      await this.model.updateOne({ _id }, { $set: fields }, { session });
    } else if (order.persistedVersion === 0) {
      try {
        await this.model.create([{ _id, ...fields }], { session });
      } catch (error) {
        if (isDuplicateKey(error)) throw new ConcurrentModificationError('Order', order.id);
        throw error;
      }
    } else {
      const res = await this.model.updateOne(
        { _id, version: order.persistedVersion },
        { $set: fields },
        { session },
      );
      if (res.matchedCount === 0) throw new ConcurrentModificationError('Order', order.id);
    }
    tx.track(order);
  }

  async findById(id: string): Promise<Order | undefined> {
    const doc = await this.model.findById(id).lean<OrderDoc>();
    return doc ? OrderMapper.toDomain(doc) : undefined;
  }

  async list(q: OrderListQuery): Promise<{ items: Order[]; total: number }> {
    const filter: FilterQuery<OrderDoc> = q.status ? { status: q.status } : {};
    const [docs, total] = await Promise.all([
      // _id breaks ties between orders of the same millisecond, so pages never repeat or skip.
      this.model
        .find(filter)
        .sort({ createdAt: -1, _id: -1 })
        .skip(q.offset)
        .limit(q.limit)
        .lean<OrderDoc[]>(),
      this.model.countDocuments(filter),
    ]);
    return { items: docs.map(OrderMapper.toDomain), total };
  }

  async findDue(now: Date, limit: number): Promise<Order[]> {
    const docs = await this.model
      .find({ paymentDueAt: { $lte: now } })
      .sort({ paymentDueAt: 1, _id: 1 })
      .limit(limit)
      .lean<OrderDoc[]>();
    return docs.map(OrderMapper.toDomain);
  }
}
