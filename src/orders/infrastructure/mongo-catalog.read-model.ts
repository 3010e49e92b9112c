import { Connection, Model, Schema } from 'mongoose';
import { CatalogEntry, CatalogReadModel } from '../application/catalog-read-model';
import { isDuplicateKey } from '../../common/persistence/mongo-errors';

type CatalogDoc = Omit<CatalogEntry, 'sku'> & { _id: string };

const CatalogSchema = new Schema<CatalogDoc>(
  { _id: String, name: String, price: Number, currency: String, available: Number, asOf: Date },
  { collection: 'catalog_read_model', versionKey: false },
);

export class MongoCatalogReadModel extends CatalogReadModel {
  private readonly model: Model<CatalogDoc>;

  constructor(connection: Connection) {
    super();
    this.model = connection.model<CatalogDoc>('CatalogEntry', CatalogSchema);
  }

  /** A conditional upsert: an older event never overwrites a newer one. */
  async upsert(entry: CatalogEntry): Promise<void> {
    const { sku, ...fields } = entry;
    const newer = { _id: sku, asOf: { $lte: entry.asOf } };
    try {
      await this.model.updateOne(newer, { $set: fields }, { upsert: true });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // The row exists: either it is newer (then this matches nothing, rightly), or a concurrent
      // first insert won the race with older data, which this conditional update now replaces.
      await this.model.updateOne(newer, { $set: fields });
    }
  }

  async getMany(skus: string[]): Promise<Map<string, CatalogEntry>> {
    const docs = await this.model.find({ _id: { $in: skus } }).lean<CatalogDoc[]>();
    return new Map(docs.map(({ _id, ...rest }) => [_id, { sku: _id, ...rest }]));
  }

  async count(): Promise<number> {
    return this.model.estimatedDocumentCount();
  }
}
