import { IndexBuildError } from './index-build.error';
import { awaitModelIndexes, IndexedModel, indexName } from './model-indexes.check';

type Spec = ReturnType<IndexedModel['schema']['indexes']>[number];

/** A model whose automatic build failed or not, and whose indexes fail when named in `broken`. */
function model(
  collectionName: string,
  indexes: Spec[],
  init: Promise<unknown>,
  broken: Record<string, Error> = {},
) {
  const built: Array<[object, object]> = [];
  const fake: IndexedModel = {
    init: () => init,
    schema: { indexes: () => indexes },
    collection: {
      collectionName,
      createIndex: async (fields, options = {}) => {
        built.push([fields as object, options]);
        const name = indexName(fields as Spec[0], options as Spec[1]);
        if (broken[name]) throw broken[name];
        return name;
      },
    },
  };
  return { fake, built };
}

const serverError = (message: string, code: number) => Object.assign(new Error(message), { code });

describe('awaitModelIndexes', () => {
  it('waits for the build Mongoose started, and builds nothing more when it succeeded', async () => {
    const orders = model('orders', [[{ createdAt: -1, _id: -1 }, {}]], Promise.resolve());

    await awaitModelIndexes([orders.fake]);

    expect(orders.built).toEqual([]);
  });

  it('names the collection and the index that cannot be built', async () => {
    const duplicate = serverError('E11000 duplicate key error', 11000);
    const keys = model(
      'idempotency_keys',
      [
        [{ expiresAt: 1 }, { expireAfterSeconds: 0 }],
        [{ key: 1 }, { unique: true }],
      ],
      Promise.reject(duplicate),
      { key_1: duplicate },
    );

    const failure = awaitModelIndexes([keys.fake]);

    await expect(failure).rejects.toThrow(IndexBuildError);
    await expect(failure).rejects.toThrow(
      /index "key_1" on collection "idempotency_keys" cannot be built: E11000.*remove the duplicates/,
    );
    await expect(failure).rejects.toMatchObject({ cause: duplicate });
  });

  it('names an index by its own name, and says how to replace one whose options changed', async () => {
    const conflict = serverError('An equivalent index already exists with different options', 85);
    const outbox = model(
      'outbox',
      [[{ sentAt: 1 }, { name: 'sent_ttl', expireAfterSeconds: 60 }]],
      Promise.reject(conflict),
      { sent_ttl: conflict },
    );

    await expect(awaitModelIndexes([outbox.fake])).rejects.toThrow(
      /index "sent_ttl" on collection "outbox".*db\.outbox\.dropIndex\("sent_ttl"\)/,
    );
  });

  it('fails when any one model fails, though the others are fine', async () => {
    const fine = model('orders', [[{ status: 1 }, {}]], Promise.resolve());
    const broken = model(
      'products',
      [[{ sku: 1 }, { unique: true }]],
      Promise.reject(new Error('x')),
      {
        sku_1: new Error('x'),
      },
    );

    await expect(awaitModelIndexes([fine.fake, broken.fake])).rejects.toThrow(/"products"/);
  });

  it('accepts a failed automatic build that succeeds when built again, without Mongoose markers', async () => {
    const inbox = model(
      'inbox',
      [[{ consumer: 1, messageId: 1 }, { unique: true, _autoIndex: true } as Spec[1]]],
      Promise.reject(new Error('not primary')),
    );

    await awaitModelIndexes([inbox.fake]);

    expect(inbox.built).toEqual([[{ consumer: 1, messageId: 1 }, { unique: true }]]);
  });
});
