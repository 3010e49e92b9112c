import { Connection, Model, Schema } from 'mongoose';
import { CatalogEntry, CatalogReadModel } from '../application/catalog-read-model';

type CatalogDoc = Omit<CatalogEntry, 'sku'> & { _id: string };

const CatalogSchema = new Schema<CatalogDoc>(
  { _id: String, name: String, price: Number, currency: String, available: Number, asOf: Date },
  { collection: 'catalog_read_model', versionKey: false },
);

const DUPLICATE_KEY = 11000;

export class MongoCatalogReadModel extends CatalogReadModel {
  private readonly model: Model<CatalogDoc>;

  constructor(connection: Connection) {
    super();
    this.model = connection.model<CatalogDoc>('CatalogEntry', CatalogSchema);
  }

  /** One conditional upsert: an older event can neither overwrite a newer one nor race it. */
  async upsert(entry: CatalogEntry): Promise<void> {
    const { sku, ...fields } = entry;
    try {
      await this.model.updateOne(
        { _id: sku, asOf: { $lte: entry.asOf } },
        { $set: fields },
        { upsert: true },
      );
    } catch (error) {
      // The row exists with a newer asOf, so the filter missed and the upsert hit the _id.
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
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
