import type { ClientSession, Connection, Schema } from 'mongoose';
import { MongoOutboxStore } from './mongo-outbox.store';
import { ClaimedOutboxMessage } from './outbox.store';

type Filter = Record<string, unknown> & { _id?: { $in: string[] }; claimedBy?: string };

const doc = (id: string) => ({
  _id: id,
  routingKey: 'order.placed',
  body: '{}',
  correlationId: `c-${id}`,
  createdAt: new Date('2026-03-01T10:00:00.000Z'),
});

/**
 * Stands in for the Mongoose model, recording every round trip. No mongod runs here: this pins
 * the queries' shape, the contract suite (run where one does) their effect.
 */
class FakeModel {
  readonly trips: Array<{ op: string; filter: Filter; update?: unknown; sort?: unknown }> = [];
  candidates = ['m-1', 'm-2', 'm-3'].map(doc);
  /** Rows another relay took between the read and the update. */
  lost = new Set<string>();
  schema?: Schema;

  find(filter: Filter) {
    const trip: (typeof this.trips)[number] = { op: 'find', filter };
    this.trips.push(trip);
    const rows = filter.claimedBy
      ? this.candidates.filter((d) => !this.lost.has(d._id)).map(({ _id }) => ({ _id }))
      : this.candidates;
    const chain = {
      sort: (sort: unknown) => ((trip.sort = sort), chain),
      limit: (n: number) => ((this.candidates = this.candidates.slice(0, n)), chain),
      lean: async () => rows,
    };
    return chain;
  }

  findOne(filter: Filter) {
    const trip: (typeof this.trips)[number] = { op: 'findOne', filter };
    this.trips.push(trip);
    const chain = {
      sort: (sort: unknown) => ((trip.sort = sort), chain),
      lean: async () => this.candidates[0] ?? null,
    };
    return chain;
  }

  async updateMany(filter: Filter, update: unknown) {
    this.trips.push({ op: 'updateMany', filter, update });
    const ids = filter._id?.$in ?? [];
    return { matchedCount: ids.filter((id) => !this.lost.has(id)).length };
  }

  async insertMany(docs: object[]) {
    this.trips.push({ op: 'insertMany', filter: {}, update: docs });
  }
}

describe('MongoOutboxStore (queries, against a fake model)', () => {
  let model: FakeModel;
  let store: MongoOutboxStore;

  beforeEach(() => {
    model = new FakeModel();
    const connection = {
      model: (_name: string, schema: Schema) => ((model.schema = schema), model),
    };
    store = new MongoOutboxStore(connection as unknown as Connection, undefined, 30_000);
  });

  it('claims a batch in two round trips, leased on the database clock under a fresh token', async () => {
    const claimed = await store.claim(200);

    expect(model.trips.map((t) => t.op)).toEqual(['find', 'updateMany']);
    const [read, stamp] = model.trips;
    const claimable = {
      sentAt: null,
      $or: [{ leaseUntil: { $exists: false } }, { $expr: { $lt: ['$leaseUntil', '$$NOW'] } }],
    };
    expect(read.filter).toEqual(claimable);
    expect(read.sort).toEqual({ createdAt: 1, _id: 1 });
    expect(stamp.filter).toEqual({ _id: { $in: ['m-1', 'm-2', 'm-3'] }, ...claimable });
    const token = claimed[0].claimToken;
    expect(stamp.update).toEqual([
      { $set: { claimedBy: { $literal: token }, leaseUntil: { $add: ['$$NOW', 30_000] } } },
    ]);
    expect(claimed.map((m) => [m.id, m.claimToken])).toEqual([
      ['m-1', token],
      ['m-2', token],
      ['m-3', token],
    ]);
  });

  it('reads its token back, in a third round trip, only when another relay took some rows', async () => {
    model.lost.add('m-2');

    const claimed = await store.claim(200);

    expect(model.trips.map((t) => t.op)).toEqual(['find', 'updateMany', 'find']);
    expect(model.trips[2].filter).toEqual({
      _id: { $in: ['m-1', 'm-2', 'm-3'] },
      claimedBy: claimed[0].claimToken,
    });
    expect(claimed.map((m) => m.id)).toEqual(['m-1', 'm-3']);
  });

  it('makes no write when nothing is claimable, and no trip at all for a limit of zero', async () => {
    expect(await store.claim(0)).toEqual([]);
    expect(model.trips).toEqual([]);
    model.candidates = [];

    expect(await store.claim(10)).toEqual([]);
    expect(model.trips.map((t) => t.op)).toEqual(['find']);
  });

  it("settles only rows still held by the claim's token, one write per token", async () => {
    const claimed: ClaimedOutboxMessage[] = [
      { ...doc('m-1'), id: 'm-1', claimToken: 't-1' },
      { ...doc('m-2'), id: 'm-2', claimToken: 't-1' },
      { ...doc('m-3'), id: 'm-3', claimToken: 't-2' },
    ];

    await store.markSent(claimed);
    await store.release(claimed.slice(0, 1));

    expect(model.trips).toEqual([
      {
        op: 'updateMany',
        filter: { _id: { $in: ['m-1', 'm-2'] }, claimedBy: 't-1', sentAt: null },
        update: [{ $set: { sentAt: '$$NOW' } }, { $unset: ['claimedBy', 'leaseUntil'] }],
      },
      expect.objectContaining({ filter: expect.objectContaining({ claimedBy: 't-2' }) }),
      {
        op: 'updateMany',
        filter: { _id: { $in: ['m-1'] }, claimedBy: 't-1', sentAt: null },
        update: { $unset: { claimedBy: '', leaseUntil: '' } },
      },
    ]);
  });

  it('dates the oldest unsent row in one sorted read along the claim index', async () => {
    expect(await store.oldestPendingAt()).toEqual(doc('m-1').createdAt);
    model.candidates = [];
    expect(await store.oldestPendingAt()).toBeUndefined();

    expect(model.trips.map(({ op, filter, sort }) => [op, filter, sort])).toEqual([
      ['findOne', { sentAt: null }, { createdAt: 1, _id: 1 }],
      ['findOne', { sentAt: null }, { createdAt: 1, _id: 1 }],
    ]);
  });

  it('appends rows with no null fields, and indexes the claim order', async () => {
    const session = { once: jest.fn() } as unknown as ClientSession;

    await store.append([{ ...doc('m-1'), id: 'm-1' }], session);

    const [inserted] = model.trips[0].update as object[];
    expect(Object.values(inserted)).not.toContain(null);
    for (const absent of ['sentAt', 'claimedBy', 'leaseUntil', 'lockedUntil'])
      expect(inserted).not.toHaveProperty(absent);
    expect(model.schema?.indexes()).toContainEqual([
      { sentAt: 1, createdAt: 1, _id: 1 },
      expect.anything(),
    ]);
  });
});
