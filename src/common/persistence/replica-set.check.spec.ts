import { NotAReplicaSetError } from './not-a-replica-set.error';
import { AdminDb, assertReplicaSet, checkReplicaSet, HelloReply } from './replica-set.check';

function adminReplying(reply: HelloReply): AdminDb & { asked: object[] } {
  const asked: object[] = [];
  return {
    asked,
    admin: () => ({
      command: async (command: object) => {
        asked.push(command);
        return reply;
      },
    }),
  };
}

describe('replica set check', () => {
  it('accepts a replica set member, primary or not', () => {
    expect(() => assertReplicaSet('orders', { setName: 'rs0' })).not.toThrow();
  });

  it('accepts a mongos, which runs transactions across its shards', () => {
    expect(() => assertReplicaSet('orders', { msg: 'isdbgrid' })).not.toThrow();
  });

  it('refuses a standalone, saying how to make it a replica set', () => {
    const refuse = () => assertReplicaSet('orders', {});

    expect(refuse).toThrow(NotAReplicaSetError);
    expect(refuse).toThrow(/"orders"/);
    expect(refuse).toThrow(/--replSet/);
    expect(refuse).toThrow(/rs\.initiate\(\)/);
    expect(refuse).toThrow(/MONGODB_URI .*replicaSet=/);
  });

  it('asks the server with a hello command, and refuses on its reply', async () => {
    const standalone = adminReplying({ msg: undefined });

    await expect(checkReplicaSet('billing', standalone)).rejects.toThrow(NotAReplicaSetError);
    expect(standalone.asked).toEqual([{ hello: 1 }]);
    await expect(checkReplicaSet('billing', adminReplying({ setName: 'rs0' }))).resolves.toBe(
      undefined,
    );
  });

  it('fails rather than passes when the connection has no database to ask', async () => {
    await expect(checkReplicaSet('billing', undefined)).rejects.toThrow(/not connected/);
  });
});
