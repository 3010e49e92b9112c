import { Connection, Model } from 'mongoose';
import { ConcurrentModificationError } from '../../common/errors/concurrent-modification.error';
import { isDuplicateKey } from '../../common/persistence/mongo-errors';
import { MongoTransaction, Transaction } from '../../messaging';
import { ProductRepository } from '../application/product.repository';
import { Product } from '../domain/product.entity';
import { ProductDoc, ProductSchema, fromProductDoc, toProductDoc } from './product.schema';

/** Writes in the unit of work's session, so they commit or abort with its outbox rows. */
export class MongoProductRepository extends ProductRepository {
  private readonly model: Model<ProductDoc>;

  constructor(connection: Connection) {
    super();
    this.model = connection.model<ProductDoc>('Product', ProductSchema);
  }

  async getMany(skus: string[]): Promise<Product[]> {
    const docs = await this.model
      .find({ _id: { $in: skus } })
      .sort({ _id: 1 })
      .lean<ProductDoc[]>();
    return docs.map((d) => Product.restore(fromProductDoc(d)));
  }

  async list(): Promise<Product[]> {
    const docs = await this.model.find().sort({ _id: 1 }).lean<ProductDoc[]>();
    return docs.map((d) => Product.restore(fromProductDoc(d)));
  }

  async add(product: Product, tx: Transaction): Promise<void> {
    await this.insert(toProductDoc(product.snapshot()), tx);
    tx.track(product);
  }

  async save(product: Product, tx: Transaction): Promise<void> {
    const { session } = MongoTransaction.from(tx);
    const { _id, ...fields } = toProductDoc(product.snapshot());
    // A plain $set (not a pipeline) stores strings literally, even one like "$5 gift card".
    if (tx.tracks(product)) {
      // Saved before in this transaction: the row is ours until commit, its version already moved.
      await this.model.updateOne({ _id }, { $set: fields }, { session });
    } else if (product.persistedVersion === 0) {
      await this.insert({ _id, ...fields }, tx);
    } else {
      const res = await this.model.updateOne(
        { _id, version: product.persistedVersion },
        { $set: fields },
        { session },
      );
      if (res.matchedCount === 0) throw new ConcurrentModificationError('Product', product.sku);
    }
    tx.track(product);
  }

  /** The primary key makes a second insert of one SKU a conflict, as a stale update is. */
  private async insert(doc: ProductDoc, tx: Transaction): Promise<void> {
    const { session } = MongoTransaction.from(tx);
    try {
      await this.model.create([doc], { session });
    } catch (error) {
      if (isDuplicateKey(error)) throw new ConcurrentModificationError('Product', doc._id);
      throw error;
    }
  }
}
