import { PaymentAlreadyDecidedError } from './payment-already-decided.error';
import { Payment, PaymentProps } from './payment.entity';
import { PaymentIntent } from './payment-intent';
import { PaymentNotReadyError } from './payment-not-ready.error';

const ORDER_ID = '3f2a9b1c-4d5e-6f70-8192-a3b4c5d6e7f8';
const OPENED = new Date('2026-01-01T00:00:00.000Z');
const LATER = new Date('2026-01-01T00:00:05.000Z');
const DECIDED = new Date('2026-01-01T00:00:09.000Z');

const intent = (changes: Partial<PaymentIntent> = {}): PaymentIntent => ({
  customerEmail: 'a@b.co',
  amount: 2500,
  currency: 'EUR',
  lines: [{ sku: 'SKU-MUG', name: 'Enamel mug', quantity: 2, unitPrice: 1250 }],
  paymentToken: 'tok_visa',
  ...changes,
});

/** A stored payment, as a repository would restore it. */
const stored = (changes: Partial<PaymentProps> = {}): Payment =>
  Payment.restore({
    orderId: ORDER_ID,
    status: 'PENDING',
    intent: intent(),
    stockReserved: true,
    createdAt: OPENED,
    updatedAt: OPENED,
    version: 3,
    ...changes,
  });

describe('Payment', () => {
  describe('opening and restoring', () => {
    it('opens pending, with neither fact, at version 1 over nothing stored, recording nothing', () => {
      const p = Payment.open(ORDER_ID, OPENED);
      expect(p.snapshot()).toEqual({
        orderId: ORDER_ID,
        status: 'PENDING',
        stockReserved: false,
        createdAt: OPENED,
        updatedAt: OPENED,
        version: 1,
      });
      expect([p.persistedVersion, p.readyToCharge]).toEqual([0, false]);
      expect(p.events).toEqual([]);
    });

    it('restores at the stored version, on a copy the caller cannot change afterwards', () => {
      const props = stored().snapshot();
      const p = Payment.restore(props);
      props.intent!.amount = 1;
      expect([p.version, p.persistedVersion, p.orderId, p.status]).toEqual([
        3,
        3,
        ORDER_ID,
        'PENDING',
      ]);
      expect(p.snapshot().intent).toEqual(intent());
    });
  });

  describe('recording the two facts', () => {
    it('keeps a copy of the first intent and ignores any later one', () => {
      const first = intent();
      const p = Payment.open(ORDER_ID, OPENED);
      p.recordIntent(first, LATER);
      first.amount = 1;
      p.recordIntent(intent({ amount: 9, paymentToken: 'tok_other' }), DECIDED);
      expect(p.snapshot()).toMatchObject({ intent: intent(), updatedAt: LATER });
    });

    it('notes reserved stock once', () => {
      const p = stored({ stockReserved: false });
      p.stockReserved(LATER);
      p.stockReserved(DECIDED);
      expect(p.snapshot()).toMatchObject({ stockReserved: true, updatedAt: LATER, version: 4 });
    });

    it('moves one version past the stored one however many changes a load sees', () => {
      const p = stored({ intent: undefined, stockReserved: false });
      p.recordIntent(intent(), LATER);
      p.stockReserved(LATER);
      p.succeed('ch_1', DECIDED);
      expect([p.persistedVersion, p.version]).toEqual([3, 4]);
    });

    it('changes nothing, not even its version, when a fact is already known', () => {
      const p = stored();
      p.recordIntent(intent({ amount: 1 }), LATER);
      p.stockReserved(LATER);
      expect(p.snapshot()).toEqual(stored().snapshot());
    });
  });

  describe('readiness to charge', () => {
    it('is ready once it is pending, has its intent and its stock is reserved', () => {
      const p = stored();
      expect(p.readyToCharge).toBe(true);
      expect(p.intentToCharge).toEqual(intent());
    });

    it.each<[string, Partial<PaymentProps>]>([
      ['stock is not reserved yet', { stockReserved: false }],
      ['the order (intent) has not arrived yet', { intent: undefined }],
      ['it already succeeded', { status: 'SUCCEEDED' }],
      ['it already failed', { status: 'FAILED' }],
    ])('is not ready when %s', (_, changes) => {
      const p = stored(changes);
      expect(p.readyToCharge).toBe(false);
      expect(p.intentToCharge).toBeUndefined();
    });

    it('hands out a copy of the intent to charge', () => {
      const p = stored();
      p.intentToCharge!.amount = 1;
      expect(p.intentToCharge?.amount).toBe(2500);
    });
  });

  describe('deciding', () => {
    it('on success keeps the payment id, issues the invoice and records it', () => {
      const p = stored();
      p.succeed('ch_1', DECIDED);
      const invoice = {
        number: 'INV-20260101-3F2A9B1C4D5E',
        orderId: ORDER_ID,
        customerEmail: 'a@b.co',
        amount: 2500,
        currency: 'EUR',
        lines: intent().lines,
        issuedAt: DECIDED,
      };
      expect(p.snapshot()).toEqual({
        ...stored().snapshot(),
        status: 'SUCCEEDED',
        paymentId: 'ch_1',
        invoice,
        updatedAt: DECIDED,
        version: 4,
      });
      expect(p.events).toEqual([
        { type: 'PaymentSucceeded', orderId: ORDER_ID, paymentId: 'ch_1', invoice },
      ]);
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
        { type: 'PaymentDeclined', orderId: ORDER_ID, code: 'card_declined', reason: 'No.' },
      ]);
    });

    const decisions: [string, (p: Payment) => void][] = [
      ['succeed', (p) => p.succeed('ch_2', DECIDED)],
      ['decline', (p) => p.decline('card_declined', 'No.', DECIDED)],
    ];

    it.each(decisions)('refuses to %s a payment already decided, changing nothing', (_, decide) => {
      for (const status of ['SUCCEEDED', 'FAILED'] as const) {
        const p = stored({ status });
        expect(() => decide(p)).toThrow(PaymentAlreadyDecidedError);
        expect(p.snapshot()).toEqual(stored({ status }).snapshot());
        expect(p.events).toEqual([]);
      }
    });

    it.each(decisions)('refuses to %s before both facts are known, saying which', (_, decide) => {
      for (const [changes, missing] of [
        [{ intent: undefined }, 'intent'],
        [{ stockReserved: false }, 'reserved stock'],
      ] as const) {
        const p = stored(changes);
        expect(() => decide(p)).toThrow(new PaymentNotReadyError(ORDER_ID, missing));
        expect(p.snapshot()).toEqual(stored(changes).snapshot());
        expect(p.events).toEqual([]);
      }
    });
  });
});
