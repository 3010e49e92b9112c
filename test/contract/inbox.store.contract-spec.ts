import { randomUUID } from 'node:crypto';
import { InMemoryInboxStore } from '../../src/messaging/inbox/in-memory-inbox.store';
import { InboxStore } from '../../src/messaging/inbox/inbox.store';
import { MongoInboxStore } from '../../src/messaging/inbox/mongo-inbox.store';
import { describeAdapters } from './support/adapter-harness';

describeAdapters<InboxStore>(
  'InboxStore',
  {
    memory: () => ({ adapter: new InMemoryInboxStore() }),
    mongo: (connection) => ({ adapter: new MongoInboxStore(connection) }),
  },
  (inbox) => {
    it('has not seen a message until it is recorded', async () => {
      const messageId = randomUUID();
      expect(await inbox().has('billing', messageId)).toBe(false);

      await inbox().record('billing', messageId);

      expect(await inbox().has('billing', messageId)).toBe(true);
    });

    it('remembers per consumer: one consumer handling a message says nothing of another', async () => {
      const messageId = randomUUID();

      await inbox().record('billing', messageId);

      expect(await inbox().has('notifications', messageId)).toBe(false);
      expect(await inbox().has('billing', randomUUID())).toBe(false);
    });

    it('takes the same record twice, also concurrently, without failing', async () => {
      const messageId = randomUUID();
      await inbox().record('billing', messageId);

      await expect(
        Promise.all([1, 2, 3].map(() => inbox().record('billing', messageId))),
      ).resolves.toBeDefined();

      expect(await inbox().has('billing', messageId)).toBe(true);
    });
  },
);
