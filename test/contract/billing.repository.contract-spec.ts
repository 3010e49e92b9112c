// Contract classes use class-validator decorators, which need the metadata polyfill loaded first.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import {
  BillingRepository,
  PaymentDecision,
} from '../../src/billing/application/billing.repository';
import { Invoice, Payment, PaymentIntent, readyToCharge } from '../../src/billing/domain/payment';
import { InMemoryBillingRepository } from '../../src/billing/infrastructure/in-memory-billing.repository';
import { MongoBillingRepository } from '../../src/billing/infrastructure/mongo-billing.repository';
import { PaymentFailed, PaymentSucceeded } from '../../src/messaging/contracts';
import { MessageEnvelope } from '../../src/messaging/envelope/message-envelope';
import { newEnvelope } from '../../src/messaging/envelope/new-envelope';
import { InMemoryOutboxStore } from '../../src/messaging/outbox/in-memory-outbox.store';
import { MongoOutboxStore } from '../../src/messaging/outbox/mongo-outbox.store';
import { OutboxStore } from '../../src/messaging/outbox/outbox.store';
import { describeAdapters } from './support/adapter-harness';
import { asOutbox, drainOutbox } from './support/outbox-assertions';

interface Subject {
  repo: BillingRepository;
  outbox: OutboxStore;
}

const LINES = [{ sku: 'SKU-MUG', name: 'Enamel mug', quantity: 2, unitPrice: 1250 }];

interface Fixture {
  orderId: string;
  intent: PaymentIntent;
}

function intent(orderId: string = randomUUID(), changes: Partial<PaymentIntent> = {}): Fixture {
  return {
    orderId,
    intent: {
      customerEmail: 'ada@example.com',
      amount: 2500,
      currency: 'EUR',
      lines: LINES,
      paymentToken: 'tok_visa',
      ...changes,
    },
  };
}

/** The payment as a fully known, chargeable order: intent and reserved stock both recorded. */
async function ready(repo: BillingRepository, f: Fixture): Promise<Payment> {
  await repo.recordIntent(f.orderId, f.intent);
  return repo.recordStockReserved(f.orderId);
}

function invoiceFor(orderId: string, issuedAt: Date): Invoice {
  return {
    number: `INV-${orderId}`,
    orderId,
    customerEmail: 'ada@example.com',
    amount: 2500,
    currency: 'EUR',
    lines: LINES,
    issuedAt,
  };
}

function success(
  orderId: string,
  issuedAt = new Date('2026-03-01T10:05:00.000Z'),
): [PaymentDecision, MessageEnvelope<object>[]] {
  const invoice = invoiceFor(orderId, issuedAt);
  const decision: PaymentDecision = { status: 'SUCCEEDED', paymentId: `ch_${orderId}`, invoice };
  const event = newEnvelope(PaymentSucceeded, {
    orderId,
    paymentId: `ch_${orderId}`,
    invoice: {
      number: invoice.number,
      amount: invoice.amount,
      currency: invoice.currency,
      lines: invoice.lines,
    },
  });
  return [decision, [event]];
}

function failure(orderId: string): [PaymentDecision, MessageEnvelope<object>[]] {
  const failed = { code: 'card_declined', reason: 'Your card was declined.' };
  return [
    { status: 'FAILED', failure: failed },
    [newEnvelope(PaymentFailed, { orderId, ...failed })],
  ];
}

const CREATED = new Date('2026-03-01T10:00:00.000Z');

describeAdapters<Subject>(
  'BillingRepository',
  {
    memory: () => {
      const outbox = new InMemoryOutboxStore();
      return { adapter: { repo: new InMemoryBillingRepository(outbox), outbox } };
    },
    mongo: (connection) => {
      const outbox = new MongoOutboxStore(connection);
      return { adapter: { repo: new MongoBillingRepository(connection, outbox), outbox } };
    },
  },
  (subject) => {
    describe('recording the two facts', () => {
      it('starts a PENDING payment from the intent alone, not yet chargeable', async () => {
        const f = intent();

        const payment = await subject().repo.recordIntent(f.orderId, f.intent);

        expect(payment).toMatchObject({
          orderId: f.orderId,
          status: 'PENDING',
          stockReserved: false,
          intent: f.intent,
        });
        expect(readyToCharge(payment)).toBe(false);
        expect(await subject().repo.findByOrderId(f.orderId)).toEqual(payment);
      });

      it('returns undefined for an order it has never heard of', async () => {
        expect(await subject().repo.findByOrderId(randomUUID())).toBeUndefined();
      });

      it.each([
        ['intent first', true],
        ['reserved stock first', false],
      ])('is chargeable once both facts are in, %s', async (_name, intentFirst) => {
        const f = intent();
        const record = [
          () => subject().repo.recordIntent(f.orderId, f.intent),
          () => subject().repo.recordStockReserved(f.orderId),
        ];
        const [first, second] = intentFirst ? record : [...record].reverse();

        expect(readyToCharge(await first())).toBe(false);
        const both = await second();

        expect(readyToCharge(both)).toBe(true);
        expect(both).toMatchObject({ status: 'PENDING', stockReserved: true, intent: f.intent });
      });

      it('lets exactly one of two concurrent recorders see both facts', async () => {
        for (let i = 0; i < 10; i++) {
          const f = intent();
          const results = await Promise.all([
            subject().repo.recordIntent(f.orderId, f.intent),
            subject().repo.recordStockReserved(f.orderId),
          ]);
          expect(results.filter(readyToCharge)).toHaveLength(1);
        }
      });

      it('keeps the first intent when order.placed comes again', async () => {
        const f = intent();
        await subject().repo.recordIntent(f.orderId, f.intent);

        const again = await subject().repo.recordIntent(
          f.orderId,
          intent(f.orderId, { amount: 1, paymentToken: 'tok_other' }).intent,
        );

        expect(again.intent).toEqual(f.intent);
      });

      it('stores an intent literally, even values that look like expressions', async () => {
        const f = intent(undefined, {
          customerEmail: '$status@example.com',
          paymentToken: '$literal',
        });
        await subject().repo.recordIntent(f.orderId, f.intent);

        expect((await subject().repo.findByOrderId(f.orderId))?.intent).toEqual(f.intent);
      });

      it('does not reset a decided payment', async () => {
        const f = intent();
        await ready(subject().repo, f);
        await subject().repo.decide(f.orderId, ...success(f.orderId));

        await subject().repo.recordIntent(f.orderId, f.intent);
        await subject().repo.recordStockReserved(f.orderId);

        expect((await subject().repo.findByOrderId(f.orderId))?.status).toBe('SUCCEEDED');
      });
    });

    describe('decide', () => {
      /** The stored payment, with updatedAt checked to be the decision's time and then set aside. */
      async function decidedSince(before: number, orderId: string): Promise<Payment | undefined> {
        const stored = await subject().repo.findByOrderId(orderId);
        expect(stored?.updatedAt.getTime()).toBeGreaterThanOrEqual(before);
        expect(stored?.updatedAt.getTime()).toBeLessThanOrEqual(Date.now());
        return stored && { ...stored, updatedAt: CREATED };
      }

      it('stores a success with its invoice and writes exactly its events', async () => {
        const payment = intent();
        const recorded = await ready(subject().repo, payment);
        const [decision, events] = success(payment.orderId);

        const before = Date.now();

        expect(await subject().repo.decide(payment.orderId, decision, events)).toBe(true);

        expect(await decidedSince(before, payment.orderId)).toEqual({
          ...recorded,
          ...decision,
          updatedAt: CREATED,
        });
        expect(await drainOutbox(subject().outbox)).toEqual(asOutbox(events));
      });

      it('stores a failure with its reason', async () => {
        const payment = intent();
        const recorded = await ready(subject().repo, payment);
        const [decision, events] = failure(payment.orderId);

        const before = Date.now();

        expect(await subject().repo.decide(payment.orderId, decision, events)).toBe(true);

        expect(await decidedSince(before, payment.orderId)).toEqual({
          ...recorded,
          ...decision,
          updatedAt: CREATED,
        });
        expect(await drainOutbox(subject().outbox)).toEqual(asOutbox(events));
      });

      it('decides only once: a second decision returns false and writes nothing', async () => {
        const payment = intent();
        await ready(subject().repo, payment);
        const [firstDecision, firstEvents] = success(payment.orderId);
        await subject().repo.decide(payment.orderId, firstDecision, firstEvents);
        await drainOutbox(subject().outbox);

        expect(await subject().repo.decide(payment.orderId, ...failure(payment.orderId))).toBe(
          false,
        );

        expect(await subject().repo.findByOrderId(payment.orderId)).toMatchObject(firstDecision);
        expect(await subject().outbox.pendingCount()).toBe(0);
      });

      it('returns false for an order without an intent, writing nothing', async () => {
        const orderId = randomUUID();

        expect(await subject().repo.decide(orderId, ...success(orderId))).toBe(false);

        expect(await subject().repo.findByOrderId(orderId)).toBeUndefined();
        expect(await subject().outbox.pendingCount()).toBe(0);
      });

      it('lets exactly one of two concurrent decisions win', async () => {
        const payment = intent();
        await ready(subject().repo, payment);
        const [won, lost] = [success(payment.orderId), failure(payment.orderId)];

        const results = await Promise.all(
          [won, lost].map(([d, e]) => subject().repo.decide(payment.orderId, d, e)),
        );

        expect(results.filter(Boolean)).toHaveLength(1);
        const [decision, events] = results[0] ? won : lost;
        expect(await subject().repo.findByOrderId(payment.orderId)).toMatchObject(decision);
        expect(await drainOutbox(subject().outbox)).toEqual(asOutbox(events));
      });
    });

    describe('listInvoices', () => {
      it('lists the invoices of paid orders, newest first, optionally for one order', async () => {
        const [older, newer, failed, waiting] = [intent(), intent(), intent(), intent()];
        for (const p of [older, newer, failed, waiting]) await ready(subject().repo, p);
        const [olderPaid] = success(older.orderId, new Date('2026-03-01T11:00:00.000Z'));
        const [newerPaid] = success(newer.orderId, new Date('2026-03-01T12:00:00.000Z'));
        await subject().repo.decide(older.orderId, olderPaid, []);
        await subject().repo.decide(newer.orderId, newerPaid, []);
        await subject().repo.decide(failed.orderId, ...failure(failed.orderId));

        expect(await subject().repo.listInvoices()).toEqual([newerPaid.invoice, olderPaid.invoice]);
        expect(await subject().repo.listInvoices(older.orderId)).toEqual([olderPaid.invoice]);
        expect(await subject().repo.listInvoices(failed.orderId)).toEqual([]);
        expect(await subject().repo.listInvoices(waiting.orderId)).toEqual([]);
      });
    });
  },
);
