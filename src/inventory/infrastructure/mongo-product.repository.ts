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
    const { session } = MongoTransaction.from(tx);
    const doc = toProductDoc({ ...product.snapshot(), version: 1 });
    try {
      await this.model.create([doc], { session });
    } catch (error) {
      if (isDuplicateKey(error)) throw new ConcurrentModificationError('Product', product.sku);
      throw error;
    }
    tx.track(product);
  }

  async save(product: Product, tx: Transaction): Promise<void> {
    const { session } = MongoTransaction.from(tx);
    const { _id, ...fields } = toProductDoc({
      ...product.snapshot(),
      version: product.version + 1,
    });
    // A plain $set (not a pipeline) stores strings literally, even one like "$5 gift card".
    // Saved before in this transaction: the row is ours until commit, its version already moved.
    const res = await this.model.updateOne(
      tx.tracks(product) ? { _id } : { _id, version: product.version },
      { $set: fields },
      { session },
    );
    if (res.matchedCount === 0) throw new ConcurrentModificationError('Product', product.sku);
    tx.track(product);
  }
}
