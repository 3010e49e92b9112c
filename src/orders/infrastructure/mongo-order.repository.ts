import { Connection, FilterQuery, Model } from 'mongoose';
import { ConcurrentModificationError } from '../../common/errors/concurrent-modification.error';
import { MongoOutboxStore } from '../../messaging/outbox/mongo-outbox.store';
import { toOutboxMessage } from '../../messaging/outbox/outbox-message';
import { Order } from '../domain/order.entity';
import { DuplicateIdempotencyKeyError } from '../application/duplicate-idempotency-key.error';
import { OrderListQuery, OrderRepository, OutgoingEvents } from '../application/order.repository';
import { OrderMapper } from './order.mapper';
import { OrderDoc, OrderSchema } from './order.schema';
import { isDuplicateKey } from '../../common/persistence/mongo-errors';

/** Needs a replica set: state and outbox are written in one transaction. */
export class MongoOrderRepository extends OrderRepository {
  private readonly model: Model<OrderDoc>;

  constructor(
    private readonly connection: Connection,
    private readonly outbox: MongoOutboxStore,
  ) {
    super();
    this.model = connection.model<OrderDoc>('Order', OrderSchema);
  }

  async create(order: Order, events: OutgoingEvents): Promise<void> {
    try {
      await this.connection.transaction(async (session) => {
        await this.model.create([OrderMapper.toDoc(order)], { session });
        await this.outbox.append(events.map(toOutboxMessage), session);
      });
    } catch (error) {
      const e = error as { code?: number; keyPattern?: Record<string, unknown> };
      const key = order.snapshot().idempotencyKey;
      if (isDuplicateKey(e) && key && e.keyPattern?.idempotencyKey)
        throw new DuplicateIdempotencyKeyError(key);
      // The same id twice is the in-memory adapter's conflict too: one error for both.
      if (isDuplicateKey(e) && e.keyPattern?._id)
        throw new ConcurrentModificationError('Order', order.id);
      throw error;
    }
  }

  async update(order: Order, expectedVersion: number, events: OutgoingEvents): Promise<void> {
    await this.connection.transaction(async (session) => {
      const { _id, ...fields } = OrderMapper.toDoc(order);
      const res = await this.model.updateOne(
        { _id, version: expectedVersion },
        { $set: fields },
        { session },
      );
      if (res.matchedCount === 0) throw new ConcurrentModificationError('Order', order.id);
      await this.outbox.append(events.map(toOutboxMessage), session);
    });
  }

  async findById(id: string): Promise<Order | undefined> {
    const doc = await this.model.findById(id).lean<OrderDoc>();
    return doc ? OrderMapper.toDomain(doc) : undefined;
  }

  async findByIdempotencyKey(key: string): Promise<Order | undefined> {
    const doc = await this.model.findOne({ idempotencyKey: key }).lean<OrderDoc>();
    return doc ? OrderMapper.toDomain(doc) : undefined;
  }

  async list(q: OrderListQuery): Promise<{ items: Order[]; total: number }> {
    const filter: FilterQuery<OrderDoc> = q.status ? { status: q.status } : {};
    const [docs, total] = await Promise.all([
      this.model
        .find(filter)
        .sort({ createdAt: -1 })
        .skip(q.offset)
        .limit(q.limit)
        .lean<OrderDoc[]>(),
      this.model.countDocuments(filter),
    ]);
    return { items: docs.map(OrderMapper.toDomain), total };
  }
}
