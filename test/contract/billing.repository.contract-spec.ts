// Contract classes use class-validator decorators, which need the metadata polyfill loaded first.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { billingEvents } from '../../src/billing/application/billing-events';
import { PaymentRepository } from '../../src/billing/application/payment.repository';
import { Payment } from '../../src/billing/domain/payment.entity';
import {
  DECIDED as PAID,
  OPENED,
  anIntent,
  declinedPayment,
  paidPayment,
  pendingPayment,
} from '../../src/billing/domain/payment.fixtures';
import { InMemoryPaymentRepository } from '../../src/billing/infrastructure/in-memory-payment.repository';
import { MongoPaymentRepository } from '../../src/billing/infrastructure/mongo-payment.repository';
import { ConcurrentModificationError } from '../../src/common/errors/concurrent-modification.error';
import { OutboxStore } from '../../src/messaging/outbox/outbox.store';
import { UnitOfWork } from '../../src/messaging/unit-of-work/unit-of-work';
import { describeAdapters } from './support/adapter-harness';
import { drainOutbox } from './support/outbox-assertions';
import { inMemoryUnitOfWork, mongoUnitOfWork } from './support/unit-of-work-harness';

interface Subject {
  repo: PaymentRepository;
  uow: UnitOfWork;
  outbox: OutboxStore;
}

const newId = (): string => randomUUID();

describeAdapters<Subject>(
  'PaymentRepository',
  {
    memory: () => {
      const { uow, outbox } = inMemoryUnitOfWork(billingEvents);
      return { adapter: { repo: new InMemoryPaymentRepository(), uow, outbox } };
    },
    mongo: (connection) => {
      const { uow, outbox } = mongoUnitOfWork(connection, billingEvents);
      return { adapter: { repo: new MongoPaymentRepository(connection), uow, outbox } };
    },
  },
  (subject) => {
    const save = (p: Payment) => subject().uow.run((tx) => subject().repo.save(p, tx));
    const load = async (orderId: string) => (await subject().repo.findByOrderId(orderId))!;
    const stored = async (orderId: string) =>
      (await subject().repo.findByOrderId(orderId))?.snapshot();
    const published = async () =>
      (await drainOutbox(subject().outbox)).map((m) => {
        const { type, payload } = JSON.parse(m.body) as {
          type: string;
          payload: Record<string, unknown>;
        };
        return { type, payload };
      });

    describe('save and load', () => {
      it.each([
        ['opened by its first fact', () => Payment.open(newId(), OPENED)],
        ['pending with its intent', () => pendingPayment(newId())],
        ['paid, with its invoice', () => paidPayment(newId())],
        ['declined, with its reason', () => declinedPayment(newId())],
      ])('round-trips every field of a payment %s', async (_, make) => {
        const payment = make();
        await save(payment);
        expect(await stored(payment.orderId)).toEqual(payment.snapshot());
      });

      it('returns undefined for an order it has never heard of', async () => {
        expect(await subject().repo.findByOrderId(randomUUID())).toBeUndefined();
      });

      it('stores values literally, even ones that look like operators', async () => {
        const payment = Payment.open(newId(), OPENED);
        const odd = anIntent({ customerEmail: '$set@example.com', paymentToken: '$literal' });
        payment.recordIntent(odd, OPENED);
        await save(payment);
        expect((await stored(payment.orderId))?.intent).toEqual(odd);
      });

      it('updates a loaded payment and moves it to the next version', async () => {
        const orderId = newId();
        await save(pendingPayment(orderId));
        const payment = await load(orderId);
        payment.stockReserved(PAID);
        payment.succeed('ch_1', PAID);

        await save(payment);

        const again = await load(orderId);
        expect(again.snapshot()).toEqual(payment.snapshot());
        expect([again.version, again.persistedVersion]).toEqual([2, 2]);
      });

      it("refuses a stale update: only the winner's state and decision stand", async () => {
        const orderId = newId();
        await save(pendingPayment(orderId));
        const [winner, loser] = [await load(orderId), await load(orderId)];
        winner.stockReserved(PAID);
        winner.succeed('ch_winner', PAID);
        loser.stockReserved(PAID);
        loser.decline('card_declined', 'No.', PAID);

        await save(winner);

        await expect(save(loser)).rejects.toBeInstanceOf(ConcurrentModificationError);
        expect(await stored(orderId)).toEqual(winner.snapshot());
        const announced = await published();
        expect(announced.map((e) => [e.type, e.payload.paymentId])).toEqual([
          ['payment.succeeded', 'ch_winner'],
        ]);
      });

      it('refuses a second new payment for the same order', async () => {
        const first = pendingPayment(newId());
        const twin = Payment.open(first.orderId, PAID);
        twin.stockReserved(PAID);
        await save(first);

        await expect(save(twin)).rejects.toBeInstanceOf(ConcurrentModificationError);
        expect(await stored(first.orderId)).toEqual(first.snapshot());
      });

      it('writes nothing for a payment loaded and left unchanged, even a stale one', async () => {
        const orderId = newId();
        await save(pendingPayment(orderId));
        const stale = await load(orderId);
        const fresh = await load(orderId);
        fresh.stockReserved(PAID);
        await save(fresh);

        stale.recordIntent(anIntent({ amount: 1 }), PAID);
        await save(stale);

        expect(await stored(orderId)).toEqual(fresh.snapshot());
      });
    });

    describe('listInvoices', () => {
      it('lists invoices of paid orders only, newest first, optionally of one order', async () => {
        const older = paidPayment(newId(), new Date('2026-03-01T11:00:00.000Z'));
        const newer = paidPayment(newId(), new Date('2026-03-01T12:00:00.000Z'));
        const [failed, waiting] = [declinedPayment(newId()), pendingPayment(newId())];
        for (const p of [older, failed, newer, waiting]) await save(p);

        const invoiceOf = (p: Payment) => p.snapshot().invoice;
        expect(await subject().repo.listInvoices()).toEqual([invoiceOf(newer), invoiceOf(older)]);
        expect(await subject().repo.listInvoices(older.orderId)).toEqual([invoiceOf(older)]);
        expect(await subject().repo.listInvoices(failed.orderId)).toEqual([]);
        expect(await subject().repo.listInvoices(waiting.orderId)).toEqual([]);
        expect(await subject().repo.listInvoices(randomUUID())).toEqual([]);
      });

      it('orders invoices of the same instant by order id, descending', async () => {
        const ids = ['2a000000', 'c3000000', '7b000000'].map(
          (p) => `${p}-0000-4000-8000-000000000000`,
        );
        for (const id of ids) await save(paidPayment(id));

        expect((await subject().repo.listInvoices()).map((i) => i.orderId)).toEqual(
          [...ids].sort().reverse(),
        );
      });
    });

    describe('through the unit of work', () => {
      it('publishes exactly the mapped events of a saved payment, once committed', async () => {
        const payment = paidPayment(newId());
        const expected = payment.events.flatMap(billingEvents);

        await save(payment);

        expect(await published()).toEqual(expected.map(({ type, payload }) => ({ type, payload })));
        expect(expected.map((e) => e.type)).toEqual(['payment.succeeded']);
        expect(payment.events).toEqual([]);
      });

      it('publishes and stores nothing when the work fails after saving', async () => {
        const payment = declinedPayment(newId());
        const failure = new Error('the work failed after the save');

        await expect(
          subject().uow.run(async (tx) => {
            await subject().repo.save(payment, tx);
            throw failure;
          }),
        ).rejects.toBe(failure);

        expect(await subject().repo.findByOrderId(payment.orderId)).toBeUndefined();
        expect(await published()).toEqual([]);
      });
    });
  },
);
