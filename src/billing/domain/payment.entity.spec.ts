import { PaymentAlreadyDecidedError } from './payment-already-decided.error';
import { Payment, PaymentProps, PaymentStatus } from './payment.entity';
import { PaymentIntent } from './payment-intent';

const ORDER_ID = '3f2a9b1c-4d5e-6f70-8192-a3b4c5d6e7f8';
const OPENED = new Date('2026-01-01T00:00:00.000Z');
const DECIDED = new Date('2026-01-01T00:00:09.000Z');

const intent = (): PaymentIntent => ({
  customerEmail: 'a@b.co',
  amount: 2500,
  currency: 'EUR',
  lines: [{ sku: 'SKU-MUG', name: 'Enamel mug', quantity: 2, unitPrice: 1250 }],
});

/** A stored payment, as a repository would restore it (undecided: only reachable in tests). */
const stored = (changes: Partial<PaymentProps> = {}): Payment =>
  Payment.restore({
    orderId: ORDER_ID,
    status: 'PENDING',
    intent: intent(),
    createdAt: OPENED,
    updatedAt: OPENED,
    version: 3,
    ...changes,
  });

const invoice = {
  number: 'INV-20260101-3F2A9B1C4D5E',
  orderId: ORDER_ID,
  customerEmail: 'a@b.co',
  amount: 2500,
  currency: 'EUR',
  lines: intent().lines,
  issuedAt: DECIDED,
  status: 'PAID',
};

describe('Payment', () => {
  describe('opening and restoring', () => {
    it('opens pending with a copy of its intent, at version 1 over nothing stored, recording nothing', () => {
      const given = intent();
      const p = Payment.open(ORDER_ID, given, OPENED);
      given.lines[0].quantity = 9;
      expect(p.snapshot()).toEqual({
        orderId: ORDER_ID,
        status: 'PENDING',
        intent: intent(),
        createdAt: OPENED,
        updatedAt: OPENED,
        version: 1,
      });
      expect([p.orderId, p.status, p.persistedVersion, p.paymentId]).toEqual([
        ORDER_ID,
        'PENDING',
        0,
        undefined,
      ]);
      expect(p.events).toEqual([]);
    });

    it('restores at the stored version, on a copy the caller cannot change afterwards', () => {
      const props = stored({ status: 'SUCCEEDED', paymentId: 'ch_1' }).snapshot();
      const p = Payment.restore(props);
      props.intent.amount = 1;
      expect([p.version, p.persistedVersion, p.status, p.paymentId]).toEqual([
        3,
        3,
        'SUCCEEDED',
        'ch_1',
      ]);
      expect(p.intent).toEqual(intent());
    });

    it('hands out copies of its intent', () => {
      const p = stored();
      p.intent.amount = 1;
      p.intent.lines[0].unitPrice = 1;
      expect(p.intent).toEqual(intent());
    });

    it.each<[PaymentStatus, boolean, boolean]>([
      ['PENDING', true, false],
      ['SUCCEEDED', false, true],
      ['FAILED', false, false],
      ['REFUNDED', false, false],
    ])('when %s: awaiting a charge %s, refundable %s', (status, awaiting, refundable) => {
      const p = stored({ status });
      expect([p.awaitingCharge, p.refundable]).toEqual([awaiting, refundable]);
    });
  });

  describe('deciding', () => {
    it('on success keeps the payment id, issues a PAID invoice and records it', () => {
      const p = stored();
      p.succeed('ch_1', DECIDED);
      expect(p.snapshot()).toEqual({
        ...stored().snapshot(),
        status: 'SUCCEEDED',
        paymentId: 'ch_1',
        invoice,
        updatedAt: DECIDED,
        version: 4,
      });
      expect(p.paymentId).toBe('ch_1');
      expect(p.events).toEqual([
        { type: 'PaymentSucceeded', orderId: ORDER_ID, paymentId: 'ch_1', invoice },
      ]);
    });

    it('keeps its invoice apart from the recorded event and from its intent', () => {
      const p = stored();
      p.succeed('ch_1', DECIDED);
      const event = p.events[0] as { invoice: { lines: { quantity: number }[] } };
      event.invoice.lines[0].quantity = 9;
      p.intent.lines[0].quantity = 8;
      expect(p.snapshot().invoice).toEqual(invoice);
    });

    it('on a decline keeps the code and reason, issues no invoice and records it', () => {
      const p = stored();
      p.decline('card_declined', 'No.', DECIDED);
      expect(p.snapshot()).toEqual({
        ...stored().snapshot(),
        status: 'FAILED',
        failure: { code: 'card_declined', reason: 'No.' },
        updatedAt: DECIDED,
        version: 4,
      });
      expect(p.events).toEqual([
        { type: 'PaymentFailed', orderId: ORDER_ID, code: 'card_declined', reason: 'No.' },
      ]);
    });

    it('moves one version past the stored one however many changes a load sees', () => {
      const p = stored();
      p.succeed('ch_1', DECIDED);
      p.refund('Cancelled', DECIDED);
      expect([p.persistedVersion, p.version]).toEqual([3, 4]);
    });

    const decisions: [string, (p: Payment) => void][] = [
      ['succeed', (p) => p.succeed('ch_2', DECIDED)],
      ['decline', (p) => p.decline('card_declined', 'No.', DECIDED)],
    ];

    it.each(decisions)('refuses to %s a payment already decided, changing nothing', (_, decide) => {
      for (const status of ['SUCCEEDED', 'FAILED', 'REFUNDED'] as const) {
        const p = stored({ status });
        expect(() => decide(p)).toThrow(new PaymentAlreadyDecidedError(ORDER_ID, status));
        expect(p.snapshot()).toEqual(stored({ status }).snapshot());
        expect(p.events).toEqual([]);
      }
    });
  });
});
