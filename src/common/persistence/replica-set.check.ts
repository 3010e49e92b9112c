import { NotAReplicaSetError } from './not-a-replica-set.error';

/** The fields of the `hello` reply this check reads. */
export interface HelloReply {
  setName?: string;
  msg?: string;
}

/** What the check needs of a connection's database: its admin commands. */
export interface AdminDb {
  admin(): { command(command: { hello: 1 }): Promise<HelloReply> };
}

/**
 * Refuses a server that cannot run transactions. A replica set member names its set; a mongos
 * (`msg: 'isdbgrid'`) has no set name of its own but runs transactions across its shards.
 */
export function assertReplicaSet(owner: string, hello: HelloReply): void {
  if (hello.setName || hello.msg === 'isdbgrid') return;
  throw new NotAReplicaSetError(owner);
}

/**
 * Asks the server itself rather than trusting the URI: a URI without `replicaSet=` may still
 * reach a member, and a standalone accepts every connection option.
 */
export async function checkReplicaSet(owner: string, db: AdminDb | undefined): Promise<void> {
  if (!db) throw new Error(`MongoDB for "${owner}" is not connected: cannot check it`);
  assertReplicaSet(owner, await db.admin().command({ hello: 1 }));
}
