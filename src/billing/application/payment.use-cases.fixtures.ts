import { ChargePayment, RefundPayment } from '../../messaging';
import { inMemoryUnitOfWork } from '../../../test/contract/support/unit-of-work-harness';
import { Invoice } from '../domain/invoice';
import { InMemoryPaymentRepository } from '../infrastructure/in-memory-payment.repository';
import { billingEvents } from './billing-events';
import {
  ChargeRequest,
  ChargeResult,
  PaymentGateway,
  RefundRequest,
  RefundResult,
} from './payment-gateway';
import { PaymentUseCases } from './payment.use-cases';

export const NOW = new Date('2026-05-04T10:00:00.000Z');
export const ORDER_ID = '3f2a9b1c-4d5e-6f70-8192-a3b4c5d6e7f8';
export const LINES = [
  { sku: 'SKU-MUG', name: 'Enamel mug', quantity: 2, unitPrice: 1250 },
  { sku: 'SKU-CAP', name: 'Baseball cap', quantity: 1, unitPrice: 1800 },
];
export const succeeded = { outcome: 'succeeded' as const, paymentId: 'ch_1' };
export const declined = { outcome: 'declined' as const, code: 'card_declined', reason: 'No.' };
export const refunded = { refundId: 're_1' };

export const chargeCommand = (orderId = ORDER_ID): ChargePayment => ({
  orderId,
  customerEmail: 'ada@example.com',
  items: LINES.map((l) => ({ ...l, extra: 'not kept' })),
  amount: 4300,
  currency: 'EUR',
  paymentToken: 'tok_visa',
});

export const refundCommand = (orderId = ORDER_ID, reason = 'Payment timed out'): RefundPayment => ({
  orderId,
  reason,
});

export const invoice: Invoice = {
  number: 'INV-20260504-3F2A9B1C4D5E',
  orderId: ORDER_ID,
  customerEmail: 'ada@example.com',
  amount: 4300,
  currency: 'EUR',
  lines: LINES,
  issuedAt: NOW,
  status: 'PAID',
};

type Script<T> = (T | Error)[];

/** Answers with the next scripted result (or throws it) and remembers every request. */
export class FakeGateway extends PaymentGateway {
  readonly charges: ChargeRequest[] = [];
  readonly refunds: RefundRequest[] = [];

  constructor(
    private readonly chargeResults: Script<ChargeResult>,
    private readonly refundResults: Script<RefundResult>,
  ) {
    super();
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    this.charges.push(request);
    return FakeGateway.next(this.chargeResults);
  }

  async refund(request: RefundRequest): Promise<RefundResult> {
    this.refunds.push(request);
    return FakeGateway.next(this.refundResults);
  }

  private static next<T>(script: Script<T>): T {
    const next = script.shift();
    if (next === undefined) throw new Error('FakeGateway: no scripted result left');
    if (next instanceof Error) throw next;
    return next;
  }
}

/** The use cases over the in-memory unit of work and repository, as the module wires them. */
export function billingHarness(
  script: { charges?: Script<ChargeResult>; refunds?: Script<RefundResult> } = {},
) {
  const { uow, outbox, inbox } = inMemoryUnitOfWork(billingEvents);
  const repo = new InMemoryPaymentRepository();
  const gateway = new FakeGateway(script.charges ?? [succeeded], script.refunds ?? [refunded]);
  return {
    uow,
    inbox,
    gateway,
    payments: new PaymentUseCases(uow, repo, gateway),
    stored: async (orderId = ORDER_ID) => (await repo.findByOrderId(orderId))?.snapshot(),
    /** What reached the outbox since the last look (marked sent), as type and payload. */
    published: async () => {
      const claimed = await outbox.claim(100);
      await outbox.markSent(claimed);
      return claimed.map((m) => {
        const { type, payload } = JSON.parse(m.body) as { type: string; payload: unknown };
        return { type, payload };
      });
    },
  };
}
