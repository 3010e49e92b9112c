/** The configured MongoDB cannot run transactions, which every write here relies on. */
export class NotAReplicaSetError extends Error {
  constructor(readonly owner: string) {
    super(
      `MongoDB for "${owner}" is a standalone server, not a replica set member (its hello reply ` +
        'has no setName), so it cannot run the transactions every write relies on. Start mongod ' +
        'with --replSet <name> and run rs.initiate() once (a single-node replica set will do), ' +
        'or point MONGODB_URI at a replica set (e.g. mongodb://host:27017/?replicaSet=rs0).',
    );
    this.name = NotAReplicaSetError.name;
  }
}
