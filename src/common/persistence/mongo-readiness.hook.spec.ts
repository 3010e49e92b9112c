import { Inject, Logger, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Connection } from 'mongoose';
import { IndexBuildError } from './index-build.error';
import { connectionTokenFor, mongoConnectionFor } from './mongo-connection';
import { NotAReplicaSetError } from './not-a-replica-set.error';

/** A connection that answers `hello` as told and keeps the models adapters register on it. */
class FakeConnection {
  readonly models = new Map<string, object>();

  constructor(
    private readonly hello: object,
    private readonly initOf: (name: string) => Promise<unknown> = async () => undefined,
  ) {}

  get db() {
    return { admin: () => ({ command: async () => this.hello }) };
  }

  modelNames(): string[] {
    return [...this.models.keys()];
  }

  /** Like Mongoose: registering starts the index build at once; init() returns that build. */
  model(name: string, schemaIndexes?: Array<[object, object]>): object {
    if (schemaIndexes) {
      const init = this.initOf(name);
      init.catch(() => undefined);
      this.models.set(name, {
        init: () => init,
        schema: { indexes: () => schemaIndexes },
        collection: {
          collectionName: name.toLowerCase(),
          createIndex: async () => Promise.reject(new Error(`cannot build on ${name}`)),
        },
      });
    }
    return this.models.get(name) as object;
  }

  /** MongooseModule closes it at shutdown. */
  async close(): Promise<void> {}
}

/** A feature module whose adapter registers its model when constructed, as the stores do. */
function featureModule() {
  class OrdersAdapter {
    constructor(@Inject(connectionTokenFor('orders')) connection: FakeConnection) {
      connection.model('Order', [[{ createdAt: -1, _id: -1 }, {}]]);
    }
  }
  @Module({
    imports: [mongoConnectionFor('orders', 'mongodb://unused.invalid:27017')],
    providers: [OrdersAdapter],
  })
  class OrdersModule {}
  return OrdersModule;
}

async function start(connection: FakeConnection): Promise<void> {
  const moduleRef = await Test.createTestingModule({ imports: [featureModule()] })
    .overrideProvider(connectionTokenFor('orders'))
    .useValue(connection as unknown as Connection)
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  try {
    await app.init();
  } finally {
    await app.close();
  }
}

describe('MongoReadiness, as every module using mongoConnectionFor gets it', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('starts when the database is a replica set and every index is built', async () => {
    await expect(start(new FakeConnection({ setName: 'rs0' }))).resolves.toBeUndefined();
  });

  it('refuses to start on a standalone server', async () => {
    await expect(start(new FakeConnection({ isWritablePrimary: true }))).rejects.toThrow(
      NotAReplicaSetError,
    );
  });

  it('refuses to start when an index an adapter declared cannot be built, naming it', async () => {
    const connection = new FakeConnection({ setName: 'rs0' }, async (name) => {
      throw new Error(`E11000 on ${name}`);
    });

    const failure = start(connection);

    await expect(failure).rejects.toThrow(IndexBuildError);
    await expect(failure).rejects.toThrow(/index "createdAt_-1__id_-1" on collection "order"/);
  });
});
