// Contract classes use class-validator decorators, which need the metadata polyfill loaded first.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Payment } from '../../src/billing/domain/payment.entity';
import {
  DECIDED as PAID,
  REFUNDED,
  anIntent,
  declinedPayment,
  paidPayment,
  pendingPayment,
  refundedPayment,
} from '../../src/billing/domain/payment.fixtures';
import { ConcurrentModificationError } from '../../src/common/errors/concurrent-modification.error';
import { describeAdapters } from './support/adapter-harness';
import { billingSteps, billingStores } from './support/billing-fixtures';

const newId = (): string => randomUUID();

/** The payment store: what it keeps, what it refuses, and how it lists invoices. */
describeAdapters('PaymentRepository', billingStores, (subject) => {
  const { save, load, stored, published } = billingSteps(subject);

  describe('save and load', () => {
    it.each([
      ['opened, not decided yet', () => pendingPayment(newId())],
      ['paid, with its invoice', () => paidPayment(newId())],
      ['declined, with its reason', () => declinedPayment(newId())],
      ['refunded, with the refund on its invoice', () => refundedPayment(newId())],
    ])('round-trips every field of a payment %s', async (_, make) => {
      const payment = make();
      await save(payment);
      expect(await stored(payment.orderId)).toEqual(payment.snapshot());
    });

    it('returns undefined for an order it has never heard of', async () => {
      expect(await subject().repo.findByOrderId(randomUUID())).toBeUndefined();
    });

    it('stores values literally, even ones that look like operators', async () => {
      const odd = anIntent({ customerEmail: '$set@example.com', currency: '$in' });
      const payment = Payment.open(newId(), odd, PAID);
      payment.decline('$literal', '{ "$gt": "" }', PAID);
      await save(payment);
      expect(await stored(payment.orderId)).toEqual(payment.snapshot());
    });

    it('updates a loaded payment and moves it to the next version', async () => {
      const orderId = newId();
      await save(paidPayment(orderId));
      const payment = await load(orderId);
      payment.refund('Cancelled by the customer', REFUNDED);

      await save(payment);

      const again = await load(orderId);
      expect(again.snapshot()).toEqual(payment.snapshot());
      expect([again.version, again.persistedVersion]).toEqual([2, 2]);
    });

    it("refuses a stale update: only the winner's state and decision stand", async () => {
      const orderId = newId();
      await save(paidPayment(orderId));
      await published();
      const [winner, loser] = [await load(orderId), await load(orderId)];
      winner.refund('the winner', REFUNDED);
      loser.refund('the loser', REFUNDED);

      await save(winner);

      await expect(save(loser)).rejects.toBeInstanceOf(ConcurrentModificationError);
      expect(await stored(orderId)).toEqual(winner.snapshot());
      const announced = await published();
      expect(announced.map((e) => [e.type, e.payload.reason])).toEqual([
        ['payment.refunded', 'the winner'],
      ]);
    });

    it('refuses a second new payment for the same order', async () => {
      const first = paidPayment(newId());
      const twin = Payment.open(first.orderId, anIntent({ amount: 1 }), PAID);
      twin.decline('card_declined', 'No.', PAID);
      await save(first);

      await expect(save(twin)).rejects.toBeInstanceOf(ConcurrentModificationError);
      expect(await stored(first.orderId)).toEqual(first.snapshot());
    });

    it('writes nothing for a payment loaded and left unchanged, even a stale one', async () => {
      const orderId = newId();
      await save(paidPayment(orderId));
      const stale = await load(orderId);
      const fresh = await load(orderId);
      fresh.refund('Cancelled', REFUNDED);
      await save(fresh);

      // Unchanged, so not version-checked: saving it neither fails nor undoes the refund.
      await save(stale);

      expect(await stored(orderId)).toEqual(fresh.snapshot());
    });
  });

  describe('listInvoices', () => {
    it('lists invoices of charged orders, paid or refunded, newest first, optionally of one order', async () => {
      const older = paidPayment(newId(), new Date('2026-03-01T11:00:00.000Z'));
      const newer = paidPayment(newId(), new Date('2026-03-01T12:00:00.000Z'));
      const [failed, waiting] = [declinedPayment(newId()), pendingPayment(newId())];
      // A refunded invoice is still listed, by the time it was issued.
      const given = refundedPayment(newId());
      for (const p of [older, failed, newer, given, waiting]) await save(p);

      const invoiceOf = (p: Payment) => p.snapshot().invoice;
      expect(await subject().repo.listInvoices()).toEqual([newer, older, given].map(invoiceOf));
      expect(await subject().repo.listInvoices(older.orderId)).toEqual([invoiceOf(older)]);
      expect(await subject().repo.listInvoices(given.orderId)).toEqual([
        expect.objectContaining({ status: 'REFUNDED', refund: expect.any(Object) }),
      ]);
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
});
