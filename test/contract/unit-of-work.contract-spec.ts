// Contract classes use class-validator decorators, which need the metadata polyfill loaded first.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { ConcurrentModificationError } from '../../src/common/errors/concurrent-modification.error';
import { AlreadyHandledError } from '../../src/messaging/inbox/already-handled.error';
import { DeliveryScope } from '../../src/messaging/inbox/delivery-scope';
import { InMemoryTallies, MongoTallies, TallyStore, tallyEvents } from '../support/uow/tally';
import { describeAdapters } from './support/adapter-harness';
import { drainOutbox } from './support/outbox-assertions';
import {
  UnitOfWorkParts,
  inMemoryUnitOfWork,
  mongoUnitOfWork,
} from './support/unit-of-work-harness';

type Subject = UnitOfWorkParts & { tallies: TallyStore };

const counts = (messages: { body: string }[]) =>
  messages.map((m) => (JSON.parse(m.body) as { payload: { available: number } }).payload.available);

describeAdapters<Subject>(
  'UnitOfWork',
  {
    memory: () => ({
      adapter: { ...inMemoryUnitOfWork(tallyEvents), tallies: new InMemoryTallies() },
    }),
    mongo: (c) => ({
      adapter: { ...mongoUnitOfWork(c, tallyEvents), tallies: new MongoTallies(c) },
    }),
  },
  (subject) => {
    const add = (name: string) =>
      subject().uow.run(async (tx) => {
        const t = await subject().tallies.get(name);
        t.add();
        await subject().tallies.save(t, tx);
        return t.count;
      });

    it('commits the state and the events the saved aggregate recorded', async () => {
      expect(await add('a')).toBe(1);
      expect(await add('a')).toBe(2);
      expect((await subject().tallies.get('a')).count).toBe(2);
      const sent = await drainOutbox(subject().outbox);
      expect(sent.map((m) => m.routingKey)).toEqual([
        'inventory.product-updated',
        'inventory.product-updated',
      ]);
      expect(counts(sent).sort()).toEqual([1, 2]);
    });

    it('commits what the work publishes besides its aggregates', async () => {
      const [extra] = tallyEvents({ type: 'Counted', name: 'x', count: 42 });
      await subject().uow.run(async (tx) => tx.publish(extra));
      const sent = await drainOutbox(subject().outbox);
      expect(sent.map((m) => m.id)).toEqual([extra.messageId]);
    });

    it('writes nothing, state or outbox, when the work fails', async () => {
      const failure = new Error('boom');
      const run = subject().uow.run(async (tx) => {
        const t = await subject().tallies.get('a');
        t.add();
        await subject().tallies.save(t, tx);
        throw failure;
      });
      await expect(run).rejects.toBe(failure);
      expect((await subject().tallies.get('a')).count).toBe(0);
      expect(await drainOutbox(subject().outbox)).toEqual([]);
    });

    it('re-runs the whole work after a lost race, publishing only the winning attempt', async () => {
      let attempts = 0;
      const count = await subject().uow.run(async (tx) => {
        attempts += 1;
        const t = await subject().tallies.get('a');
        // The first attempt is overtaken by another writer between its load and its commit.
        if (attempts === 1) await add('a');
        t.add();
        await subject().tallies.save(t, tx);
        return t.count;
      });
      expect(attempts).toBe(2);
      expect(count).toBe(2);
      expect(counts(await drainOutbox(subject().outbox)).sort()).toEqual([1, 2]);
    });

    it('gives up after five lost races with the conflict', async () => {
      let attempts = 0;
      const run = subject().uow.run(async () => {
        attempts += 1;
        throw new ConcurrentModificationError('Tally', 'a');
      });
      await expect(run).rejects.toBeInstanceOf(ConcurrentModificationError);
      expect(attempts).toBe(5);
    });

    describe('while handling a delivery', () => {
      const delivery = { consumer: 'probe', messageId: randomUUID() };

      it('commits the inbox entry with the effects, and refuses the same message again', async () => {
        const first = await DeliveryScope.run(delivery, async () => {
          await add('a');
          return DeliveryScope.current()?.recorded;
        });
        expect(first).toBe(true);
        expect(await subject().inbox.has(delivery.consumer, delivery.messageId)).toBe(true);
        await drainOutbox(subject().outbox);

        // A redelivery that skipped the pipeline's check (it raced, or the check ran before the commit).
        const again = DeliveryScope.run(delivery, () => add('a'));
        await expect(again).rejects.toBeInstanceOf(AlreadyHandledError);
        expect((await subject().tallies.get('a')).count).toBe(1);
        expect(await drainOutbox(subject().outbox)).toEqual([]);
      });

      it('keeps other consumers and other messages apart', async () => {
        await DeliveryScope.run(delivery, () => add('a'));
        await DeliveryScope.run({ ...delivery, consumer: 'other' }, () => add('a'));
        await DeliveryScope.run({ ...delivery, messageId: randomUUID() }, () => add('a'));
        expect((await subject().tallies.get('a')).count).toBe(3);
      });

      it('writes the entry once when one handler commits twice', async () => {
        await DeliveryScope.run(delivery, async () => {
          await add('a');
          await add('b');
        });
        expect((await subject().tallies.get('a')).count).toBe(1);
        expect((await subject().tallies.get('b')).count).toBe(1);
      });

      it('writes no inbox entry when the work fails, so a retry can still run', async () => {
        const run = DeliveryScope.run(delivery, () =>
          subject().uow.run(async () => {
            throw new Error('transient');
          }),
        );
        await expect(run).rejects.toThrow('transient');
        expect(await subject().inbox.has(delivery.consumer, delivery.messageId)).toBe(false);
        await DeliveryScope.run(delivery, () => add('a'));
        expect((await subject().tallies.get('a')).count).toBe(1);
      });
    });
  },
);
