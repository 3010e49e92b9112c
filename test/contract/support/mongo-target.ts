export interface MongoTarget {
  uri: string;
  stop(): Promise<void>;
}

/** MONGODB_URI when given (it must be a replica set), otherwise a one-node replica set of our own. */
export async function startMongo(): Promise<MongoTarget> {
  const uri = process.env.MONGODB_URI;
  if (uri) return { uri, stop: async () => undefined };
  const { MongoMemoryReplSet } = await import('mongodb-memory-server-core');
  const replSet = await MongoMemoryReplSet.create({
    replSet: { count: 1, storageEngine: 'wiredTiger' },
  });
  return {
    uri: replSet.getUri(),
    stop: async () => {
      await replSet.stop();
    },
  };
}
