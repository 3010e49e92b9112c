import { ClientSession, Connection, Model } from 'mongoose';
import { MongoOutboxStore } from '../../messaging/outbox/mongo-outbox.store';
import { toOutboxMessage } from '../../messaging/outbox/outbox-message';
import { Product, Shortage, StockLine } from '../domain/product';
import { Reservation } from '../domain/reservation';
import { StockBelowReservedError } from '../domain/stock-below-reserved.error';
import { mergeLines } from '../domain/stock-reservation';
import {
  InventoryRepository,
  OutgoingEvents,
  ProductChanges,
  ReserveOutcome,
} from '../application/inventory.repository';
import { ProductDoc, ProductSchema, ReservationDoc, ReservationSchema } from './inventory.schemas';
import { isDuplicateKey } from '../../common/persistence/mongo-errors';

class InsufficientStock extends Error {}

const toProduct = ({ _id, ...rest }: ProductDoc): Product => ({ sku: _id, ...rest });
const toReservation = ({ _id, ...rest }: ReservationDoc): Reservation => ({
  orderId: _id,
  ...rest,
});

/**
 * Needs a replica set (transactions). Every stock move is a conditional $inc inside a
 * transaction, so concurrent reservations can never oversell and a partial one rolls back.
 */
export class MongoInventoryRepository extends InventoryRepository {
  private readonly products: Model<ProductDoc>;
  private readonly reservations: Model<ReservationDoc>;

  constructor(
    private readonly connection: Connection,
    private readonly outbox: MongoOutboxStore,
  ) {
    super();
    this.products = connection.model<ProductDoc>('Product', ProductSchema);
    this.reservations = connection.model<ReservationDoc>('Reservation', ReservationSchema);
  }

  async listProducts(): Promise<Product[]> {
    return (await this.products.find().sort({ _id: 1 }).lean<ProductDoc[]>()).map(toProduct);
  }

  async getProducts(skus: string[]): Promise<Product[]> {
    return (await this.products.find({ _id: { $in: skus } }).lean<ProductDoc[]>()).map(toProduct);
  }

  async seed(
    products: Product[],
    events: (inserted: Product[]) => OutgoingEvents,
  ): Promise<Product[]> {
    return this.connection.transaction(async (session) => {
      const inserted: Product[] = [];
      for (const { sku, ...fields } of products) {
        const res = await this.products.updateOne(
          { _id: sku },
          { $setOnInsert: fields },
          { upsert: true, session },
        );
        if (res.upsertedCount === 1) inserted.push({ sku, ...fields });
      }
      await this.emit(events(inserted), session);
      return inserted;
    });
  }

  async saveProduct(
    sku: string,
    changes: ProductChanges,
    create: Product | undefined,
    events: (p: Product) => OutgoingEvents,
  ): Promise<Product | undefined> {
    return this.connection.transaction(async (session) => {
      const exists = await this.products.exists({ _id: sku }).session(session);
      if (!exists && !create) return undefined;
      if (!exists && create) {
        const { sku: _sku, ...fields } = create;
        await this.products.create([{ _id: sku, ...fields }], { session });
      } else {
        const set: Record<string, unknown> = {};
        // $literal: in an update pipeline a string like "$5 gift card" would be read as a field path.
        if (changes.name !== undefined) set.name = { $literal: changes.name };
        if (changes.price !== undefined) set.price = { $literal: changes.price };
        // Stock is on-hand units; available is derived from it in the same atomic update,
        // and only if no more than that is already reserved.
        if (changes.stock !== undefined)
          set.available = { $subtract: [changes.stock, '$reserved'] };
        const filter =
          changes.stock !== undefined
            ? { _id: sku, reserved: { $lte: changes.stock } }
            : { _id: sku };
        // A pipeline $set must name a field; with nothing to change, only check the product is there.
        const res =
          Object.keys(set).length > 0
            ? await this.products.updateOne(filter, [{ $set: set }], { session })
            : { matchedCount: 1 };
        if (res.matchedCount === 0) throw new StockBelowReservedError(sku, changes.stock ?? 0);
      }
      const saved = toProduct(
        (await this.products.findById(sku).session(session).lean<ProductDoc>())!,
      );
      await this.emit(events(saved), session);
      return saved;
    });
  }

  async reserve(
    orderId: string,
    lines: StockLine[],
    events: (o: ReserveOutcome) => OutgoingEvents,
  ): Promise<ReserveOutcome> {
    const items = mergeLines(lines);
    const existing = await this.reservations.findById(orderId).lean<ReservationDoc>();
    if (existing) return { kind: 'already-decided', reservation: toReservation(existing) };
    try {
      return await this.connection.transaction(async (session) => {
        for (const l of items) {
          const res = await this.products.updateOne(
            { _id: l.sku, available: { $gte: l.quantity } },
            { $inc: { available: -l.quantity, reserved: l.quantity } },
            { session },
          );
          if (res.modifiedCount !== 1) throw new InsufficientStock();
        }
        const outcome: ReserveOutcome = { kind: 'reserved', items };
        await this.decide(orderId, items, 'RESERVED', events(outcome), session);
        return outcome;
      });
    } catch (error) {
      if (error instanceof InsufficientStock) return this.reject(orderId, items, events);
      if (isDuplicateKey(error)) return this.alreadyDecided(orderId);
      throw error;
    }
  }

  async release(
    orderId: string,
    tombstone: boolean,
    events: (r: Reservation) => OutgoingEvents,
  ): Promise<Reservation | undefined> {
    if (tombstone) {
      // Inserts only when no reservation exists: a later order.placed then finds it decided.
      await this.reservations
        .updateOne(
          { _id: orderId },
          { $setOnInsert: { items: [], status: 'CANCELLED', updatedAt: new Date() } },
          { upsert: true },
        )
        .catch((e: unknown) => {
          if (!isDuplicateKey(e)) throw e;
        });
    }
    return this.connection.transaction(async (session) => {
      const doc = await this.reservations
        .findOneAndUpdate(
          { _id: orderId, status: 'RESERVED' },
          { $set: { status: 'RELEASED', updatedAt: new Date() } },
          { session, new: true },
        )
        .lean<ReservationDoc>();
      if (!doc) return undefined;
      for (const l of doc.items) {
        await this.products.updateOne(
          { _id: l.sku },
          { $inc: { available: l.quantity, reserved: -l.quantity } },
          { session },
        );
      }
      const released = toReservation(doc);
      await this.emit(events(released), session);
      return released;
    });
  }

  async commit(orderId: string): Promise<boolean> {
    return this.connection.transaction(async (session) => {
      const doc = await this.reservations
        .findOneAndUpdate(
          { _id: orderId, status: 'RESERVED' },
          { $set: { status: 'COMMITTED', updatedAt: new Date() } },
          { session, new: true },
        )
        .lean<ReservationDoc>();
      if (!doc) return false;
      for (const l of doc.items)
        await this.products.updateOne(
          { _id: l.sku },
          { $inc: { reserved: -l.quantity } },
          { session },
        );
      return true;
    });
  }

  async findReservation(orderId: string): Promise<Reservation | undefined> {
    const doc = await this.reservations.findById(orderId).lean<ReservationDoc>();
    return doc ? toReservation(doc) : undefined;
  }

  private async reject(
    orderId: string,
    items: StockLine[],
    events: (o: ReserveOutcome) => OutgoingEvents,
  ): Promise<ReserveOutcome> {
    const found = new Map(
      (await this.getProducts(items.map((i) => i.sku))).map((p) => [p.sku, p.available]),
    );
    const shortages: Shortage[] = items
      .map((i) => ({ sku: i.sku, requested: i.quantity, available: found.get(i.sku) ?? 0 }))
      .filter((s) => s.available < s.requested);
    // Stock may have freed up meanwhile; still a rejection, reported with the SKUs that were short.
    const outcome: ReserveOutcome = {
      kind: 'rejected',
      shortages: shortages.length
        ? shortages
        : items.map((i) => ({
            sku: i.sku,
            requested: i.quantity,
            available: found.get(i.sku) ?? 0,
          })),
    };
    try {
      await this.connection.transaction((session) =>
        this.decide(orderId, items, 'REJECTED', events(outcome), session),
      );
      return outcome;
    } catch (error) {
      if (isDuplicateKey(error)) return this.alreadyDecided(orderId);
      throw error;
    }
  }

  private async decide(
    orderId: string,
    items: StockLine[],
    status: 'RESERVED' | 'REJECTED',
    events: OutgoingEvents,
    session: ClientSession,
  ): Promise<void> {
    await this.reservations.create([{ _id: orderId, items, status, updatedAt: new Date() }], {
      session,
    });
    await this.emit(events, session);
  }

  private async alreadyDecided(orderId: string): Promise<ReserveOutcome> {
    const doc = await this.reservations.findById(orderId).lean<ReservationDoc>();
    return { kind: 'already-decided', reservation: toReservation(doc!) };
  }

  private emit(events: OutgoingEvents, session: ClientSession): Promise<void> {
    return this.outbox.append(events.map(toOutboxMessage), session);
  }
}
