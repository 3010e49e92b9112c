import type { Connection, Schema } from 'mongoose';
import { MongoDeadLetterStore } from './mongo-dead-letter.store';

/** Records the listing query; no mongod runs here, the contract suite covers the effect. */
class FakeModel {
  schema?: Schema;
  sort?: Record<string, number>;

  find() {
    const chain = {
      sort: (sort: Record<string, number>) => ((this.sort = sort), chain),
      skip: () => chain,
      limit: () => chain,
      lean: async () => [],
    };
    return chain;
  }

  async countDocuments() {
    return 0;
  }
}

describe('MongoDeadLetterStore paging (against a fake model)', () => {
  let model: FakeModel;
  let store: MongoDeadLetterStore;

  beforeEach(() => {
    model = new FakeModel();
    const connection = { model: (_: string, schema: Schema) => ((model.schema = schema), model) };
    store = new MongoDeadLetterStore(connection as unknown as Connection);
  });

  it('sorts newest first with an _id tie-break in the same direction', async () => {
    await store.list({}, 0, 10);

    expect(model.sort).toEqual({ deadLetteredAt: -1, _id: -1 });
  });

  it('has an index ending in that sort for the listing and each filter field', async () => {
    await store.list({}, 0, 10);
    const keys = (model.schema?.indexes() ?? []).map(([fields]) => fields);

    expect(keys).toEqual(
      expect.arrayContaining(
        [{}, { queue: 1 }, { type: 1 }, { status: 1 }].map((prefix) => ({
          ...prefix,
          ...model.sort,
        })),
      ),
    );
    for (const fields of keys)
      expect(Object.entries(fields).slice(-2)).toEqual([
        ['deadLetteredAt', -1],
        ['_id', -1],
      ]);
  });
});
