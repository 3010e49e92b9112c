import type { IndexDefinition, IndexOptions, mongo } from 'mongoose';
import { IndexBuildError } from './index-build.error';

/** What the check needs of a Mongoose model. */
export interface IndexedModel {
  init(): Promise<unknown>;
  schema: { indexes(): Array<[IndexDefinition, IndexOptions]> };
  collection: {
    collectionName: string;
    createIndex(
      fields: mongo.IndexSpecification,
      options?: mongo.CreateIndexesOptions,
    ): Promise<string>;
  };
}

/** Waits for every model's collection and indexes; the first that cannot be built fails it. */
export async function awaitModelIndexes(models: IndexedModel[]): Promise<void> {
  await Promise.all(models.map(awaitIndexes));
}

/**
 * `init()` is the build Mongoose started when the model was registered; awaiting it costs nothing
 * when it succeeded. Its error does not say which index failed, so on failure each index is built
 * again, one by one (a no-op for those that exist), to name the one that cannot be.
 */
async function awaitIndexes(model: IndexedModel): Promise<void> {
  const initError = await model.init().then(
    () => undefined,
    (error: unknown) => error ?? new Error('unknown error'),
  );
  if (initError === undefined) return;
  const collection = model.collection.collectionName;
  for (const [fields, options] of model.schema.indexes()) {
    // As Mongoose's own build does: the schema's spec as it is, less Mongoose's private marker.
    const { _autoIndex: _internal, ...rest } = options as IndexOptions & { _autoIndex?: boolean };
    const [spec, indexOptions] = [
      fields as mongo.IndexSpecification,
      rest as mongo.CreateIndexesOptions,
    ];
    await model.collection.createIndex(spec, indexOptions).catch((error: unknown) => {
      throw new IndexBuildError(collection, indexName(fields, options), error);
    });
  }
  // Every index builds now: the first failure was passing (an election, a dropped connection).
}

/** The name MongoDB gives an index unless the schema names it: `field_1_other_-1`. */
export function indexName(fields: IndexDefinition, options: IndexOptions): string {
  if (typeof options.name === 'string') return options.name;
  return Object.entries(fields)
    .map(([field, direction]) => `${field}_${String(direction)}`)
    .join('_');
}
