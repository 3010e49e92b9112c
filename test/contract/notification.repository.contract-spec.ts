import { randomUUID } from 'node:crypto';
import { NotificationRepository } from '../../src/notifications/application/notification.repository';
import {
  DeliveryAttempt,
  Notification,
  NotificationKind,
} from '../../src/notifications/domain/notification';
import { InMemoryNotificationRepository } from '../../src/notifications/infrastructure/in-memory-notification.repository';
import { MongoNotificationRepository } from '../../src/notifications/infrastructure/mongo-notification.repository';
import { describeAdapters } from './support/adapter-harness';

function candidate(
  orderId: string,
  kind: NotificationKind = 'order-confirmed',
  createdAt = new Date('2026-03-01T10:00:00.000Z'),
): Notification {
  return {
    id: randomUUID(),
    orderId,
    kind,
    recipient: 'ada@example.com',
    subject: `Order ${orderId}: ${kind}`,
    status: 'PENDING',
    attempts: [],
    createdAt,
  };
}

const inAMinute = (): Date => new Date(Date.now() + 60_000);
const aMinuteAgo = (): Date => new Date(Date.now() - 60_000);

const sent: DeliveryAttempt = {
  at: new Date('2026-03-01T10:00:05.000Z'),
  outcome: 'sent',
  response: '250 OK: queued',
  messageId: '<abc@orderflow.local>',
};
const bounced: DeliveryAttempt = {
  at: new Date('2026-03-01T10:00:05.000Z'),
  outcome: 'transient-failure',
  response: '421 try later',
};

describeAdapters<NotificationRepository>(
  'NotificationRepository',
  {
    memory: () => ({ adapter: new InMemoryNotificationRepository() }),
    mongo: (connection) => ({ adapter: new MongoNotificationRepository(connection) }),
  },
  (repo) => {
    describe('claim', () => {
      it('creates the notification on first claim and leases it to the caller', async () => {
        const first = candidate(randomUUID());
        const lease = inAMinute();

        const claim = await repo().claim(first, lease);

        expect(claim).toEqual({ acquired: true, notification: { ...first, leaseUntil: lease } });
        expect(await repo().list(first.orderId)).toEqual([{ ...first, leaseUntil: lease }]);
      });

      it('creates only one notification per (order, kind); a claim while leased is not acquired', async () => {
        const orderId = randomUUID();
        const first = candidate(orderId);
        await repo().claim(first, inAMinute());

        const second = await repo().claim(
          { ...candidate(orderId), recipient: 'other@example.com' },
          inAMinute(),
        );

        expect(second.acquired).toBe(false);
        expect(second.notification).toMatchObject({
          id: first.id,
          recipient: 'ada@example.com',
          status: 'PENDING',
        });
        expect(await repo().list(orderId)).toHaveLength(1);
      });

      it('keeps kinds of the same order apart', async () => {
        const orderId = randomUUID();
        await repo().claim(candidate(orderId, 'order-confirmed'), inAMinute());

        const cancelled = await repo().claim(candidate(orderId, 'order-cancelled'), inAMinute());

        expect(cancelled).toMatchObject({
          acquired: true,
          notification: { kind: 'order-cancelled' },
        });
        expect(await repo().list(orderId)).toHaveLength(2);
      });

      it('lets another worker take over an expired lease', async () => {
        const first = candidate(randomUUID());
        await repo().claim(first, aMinuteAgo());
        const lease = inAMinute();

        const takeover = await repo().claim(candidate(first.orderId), lease);

        expect(takeover).toMatchObject({
          acquired: true,
          notification: { id: first.id, leaseUntil: lease },
        });
      });

      it('gives the lease to exactly one of many concurrent first claims', async () => {
        const orderId = randomUUID();

        const claims = await Promise.all(
          Array.from({ length: 8 }, () => repo().claim(candidate(orderId), inAMinute())),
        );

        expect(claims.filter((c) => c.acquired)).toHaveLength(1);
        expect(new Set(claims.map((c) => c.notification.id)).size).toBe(1);
        expect(await repo().list(orderId)).toHaveLength(1);
      });
    });

    describe('recordAttempt', () => {
      it('after a sent attempt, a claim finds it SENT and not to be sent again', async () => {
        const first = candidate(randomUUID());
        await repo().claim(first, inAMinute());

        await repo().recordAttempt(first.id, sent, 'SENT');
        const again = await repo().claim(candidate(first.orderId), inAMinute());

        expect(again.acquired).toBe(false);
        expect(again.notification).toMatchObject({
          id: first.id,
          status: 'SENT',
          attempts: [sent],
          messageId: sent.messageId,
          sentAt: sent.at,
        });
        // The port's type says undefined; Mongo stores null. Either way the lease is over.
        expect(again.notification.leaseUntil ?? undefined).toBeUndefined();
      });

      it('ends the lease on a transient failure, so the next claim retries', async () => {
        const first = candidate(randomUUID());
        await repo().claim(first, inAMinute());

        await repo().recordAttempt(first.id, bounced, 'PENDING');
        const retry = await repo().claim(candidate(first.orderId), inAMinute());

        expect(retry.acquired).toBe(true);
        expect(retry.notification).toMatchObject({
          id: first.id,
          status: 'PENDING',
          attempts: [bounced],
        });
        expect(retry.notification.sentAt).toBeUndefined();
      });

      it('after a final failure, a claim is not acquired', async () => {
        const first = candidate(randomUUID());
        await repo().claim(first, inAMinute());

        await repo().recordAttempt(
          first.id,
          { ...bounced, outcome: 'permanent-failure' },
          'FAILED',
        );

        const again = await repo().claim(candidate(first.orderId), inAMinute());
        expect(again).toMatchObject({ acquired: false, notification: { status: 'FAILED' } });
      });

      it('keeps every attempt in order', async () => {
        const first = candidate(randomUUID());
        await repo().claim(first, inAMinute());

        await repo().recordAttempt(first.id, bounced, 'PENDING');
        await repo().recordAttempt(first.id, sent, 'SENT');

        expect((await repo().list(first.orderId))[0]?.attempts).toEqual([bounced, sent]);
      });

      it('ignores an unknown id', async () => {
        await expect(repo().recordAttempt(randomUUID(), sent, 'SENT')).resolves.toBeUndefined();
        expect(await repo().list()).toEqual([]);
      });
    });

    describe('list', () => {
      it('lists newest first, optionally for one order', async () => {
        const orderA = randomUUID();
        const older = candidate(orderA, 'order-confirmed', new Date('2026-03-01T10:00:00.000Z'));
        const newer = candidate(orderA, 'order-cancelled', new Date('2026-03-01T11:00:00.000Z'));
        const other = candidate(
          randomUUID(),
          'order-rejected',
          new Date('2026-03-01T12:00:00.000Z'),
        );
        for (const n of [older, newer, other]) await repo().claim(n, aMinuteAgo());

        expect((await repo().list()).map((n) => n.id)).toEqual([other.id, newer.id, older.id]);
        expect((await repo().list(orderA)).map((n) => n.id)).toEqual([newer.id, older.id]);
      });
    });
  },
);
