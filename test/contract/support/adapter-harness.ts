import { randomBytes } from 'node:crypto';
import mongoose, { Connection } from 'mongoose';
import { mongoAvailability } from './mongo-probe';
import { MongoTarget, startMongo } from './mongo-target';

export interface Harnessed<T> {
  adapter: T;
  cleanup?: () => Promise<void> | void;
}

type Factory<A extends unknown[], T> = (...args: A) => Promise<Harnessed<T>> | Harnessed<T>;

export interface AdapterFactories<T> {
  memory: Factory<[], T>;
  mongo: Factory<[Connection], T>;
}

/**
 * Runs the same suite against the in-memory and the Mongo adapter of a port. Every test gets a
 * fresh adapter; on Mongo the suite shares one random database, emptied after each test and
 * dropped at the end. The Mongo half is skipped, saying why, when no replica set can be had.
 */
export function describeAdapters<T>(
  portName: string,
  factories: AdapterFactories<T>,
  suite: (get: () => T) => void,
): void {
  describe(`${portName} contract`, () => {
    describe('in-memory adapter', () => bindSuite(() => factories.memory(), suite));
    describeMongoHalf(portName, factories.mongo, suite);
  });
}

function describeMongoHalf<T>(
  portName: string,
  factory: Factory<[Connection], T>,
  suite: (get: () => T) => void,
): void {
  const availability = mongoAvailability();
  if (!availability.available && process.env.MONGO_REQUIRED === '1') {
    // `npm run test:mongo` is for machines that have MongoDB: there a missing one is a failure.
    describe('mongo adapter', () =>
      it('needs a reachable MongoDB replica set (MONGO_REQUIRED=1)', () => {
        throw new Error(`No MongoDB for the ${portName} contract: ${availability.reason}`);
      }));
    return;
  }
  if (!availability.available) {
    console.log(`Mongo half of the ${portName} contract SKIPPED: ${availability.reason}`);
    // Still declared, so the report lists every Mongo test as skipped rather than hiding them.
    describe.skip(`mongo adapter (SKIPPED: ${availability.reason})`, () =>
      bindSuite(unreachable, suite));
    return;
  }
  describe(`mongo adapter (via ${availability.source})`, () => {
    let target: MongoTarget | undefined;
    let connection: Connection | undefined;

    beforeAll(async () => {
      target = await startMongo();
      const dbName = `contract_${randomBytes(6).toString('hex')}`;
      // Kept before connecting, so afterAll closes it even when connecting fails.
      connection = mongoose.createConnection(target.uri, {
        dbName,
        serverSelectionTimeoutMS: 5_000,
      });
      await connection.asPromise();
    });

    afterAll(async () => {
      if (connection?.readyState === mongoose.ConnectionStates.connected)
        await connection.dropDatabase();
      await connection?.close();
      await target?.stop();
    });

    bindSuite(async () => {
      if (!connection) throw new Error('Mongo connection was not opened');
      const conn = connection;
      const harnessed = await factory(conn);
      // Unique indexes carry several contracts (idempotency keys, one row per order): wait for them.
      await Promise.all(conn.modelNames().map((name) => conn.model(name).init()));
      return {
        adapter: harnessed.adapter,
        cleanup: async () => {
          await harnessed.cleanup?.();
          await Promise.all(Object.values(conn.collections).map((c) => c.deleteMany({})));
        },
      };
    }, suite);
  });
}

function unreachable(): never {
  throw new Error('A skipped suite never creates its adapter');
}

function bindSuite<T>(create: Factory<[], T>, suite: (get: () => T) => void): void {
  let current: Harnessed<T> | undefined;
  beforeEach(async () => {
    current = await create();
  });
  afterEach(async () => {
    await current?.cleanup?.();
    current = undefined;
  });
  suite(() => {
    if (!current) throw new Error('The adapter is only available inside a test');
    return current.adapter;
  });
}
