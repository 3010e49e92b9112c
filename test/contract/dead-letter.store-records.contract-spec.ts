import { randomUUID } from 'node:crypto';
import { DeadLetterRecord } from '../../src/messaging/dead-letters/dead-letter.record';
import { DeadLetterStore } from '../../src/messaging/dead-letters/dead-letter.store';
import { deadLetterStores, minute, record } from './dead-letter.fixtures';
import { describeAdapters } from './support/adapter-harness';

describeAdapters<DeadLetterStore>('DeadLetterStore records', deadLetterStores, (store) => {
  describe('save and get', () => {
    it('round-trips every field', async () => {
      const full = record({ replayedAt: minute(5), replayCount: 2, status: 'REPLAYED' });

      await store().save(full);

      expect(await store().get(full.id)).toEqual(full);
    });

    it('round-trips a record without its optional fields', async () => {
      const bare: DeadLetterRecord = {
        id: randomUUID(),
        queue: 'orders.payment-failed',
        errorType: 'SyntaxError',
        errorMessage: 'Unexpected token',
        permanent: true,
        attempts: 1,
        firstFailedAt: minute(0),
        lastFailedAt: minute(0),
        deadLetteredAt: minute(0),
        bodyBase64: Buffer.from([0xff, 0x00]).toString('base64'),
        headers: {},
        status: 'PARKED',
        replayCount: 0,
      };

      await store().save(bare);

      expect(await store().get(bare.id)).toEqual(bare);
    });

    it('returns undefined for an unknown id', async () => {
      expect(await store().get(randomUUID())).toBeUndefined();
    });

    it('is idempotent by id: a second save keeps the first record', async () => {
      const first = record();
      await store().save(first);

      await store().save({ ...first, errorMessage: 'again', attempts: 9 });

      expect(await store().get(first.id)).toEqual(first);
      expect((await store().list({}, 0, 10)).total).toBe(1);
    });

    it('does not reset a replayed record when the dead letter is saved again', async () => {
      const first = record();
      await store().save(first);
      await store().markReplayed(first.id);

      await store().save(first);

      expect(await store().get(first.id)).toMatchObject({ status: 'REPLAYED', replayCount: 1 });
    });
  });

  describe('replay bookkeeping', () => {
    it('marks a parked record replayed once, then refuses', async () => {
      const r = record();
      await store().save(r);

      expect(await store().markReplayed(r.id)).toBe(true);
      expect(await store().markReplayed(r.id)).toBe(false);

      const stored = await store().get(r.id);
      expect(stored).toMatchObject({ status: 'REPLAYED', replayCount: 1 });
      expect(stored?.replayedAt).toBeInstanceOf(Date);
    });

    it('lets only one of concurrent replays through', async () => {
      const r = record();
      await store().save(r);

      const results = await Promise.all([1, 2, 3, 4].map(() => store().markReplayed(r.id)));

      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await store().get(r.id))?.replayCount).toBe(1);
    });

    it('returns false for an unknown id', async () => {
      expect(await store().markReplayed(randomUUID())).toBe(false);
    });

    it('markParked undoes a replay, so the record can be replayed again', async () => {
      const r = record();
      await store().save(r);
      await store().markReplayed(r.id);

      await store().markParked(r.id);

      expect((await store().get(r.id))?.status).toBe('PARKED');
      expect(await store().markReplayed(r.id)).toBe(true);
      expect((await store().get(r.id))?.replayCount).toBe(2);
    });

    it('markParked on an unknown id creates nothing', async () => {
      await store().markParked(randomUUID());

      expect((await store().list({}, 0, 10)).total).toBe(0);
    });
  });

  describe('delete', () => {
    it('deletes once: true, then false, and the record is gone', async () => {
      const r = record();
      await store().save(r);

      expect(await store().delete(r.id)).toBe(true);
      expect(await store().delete(r.id)).toBe(false);
      expect(await store().get(r.id)).toBeUndefined();
    });
  });
});
