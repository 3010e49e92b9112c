import { OrderPlaced } from '../../messaging';
import { inMemoryUnitOfWork } from '../../../test/contract/support/unit-of-work-harness';
import { Invoice } from '../domain/invoice';
import { InMemoryPaymentRepository } from '../infrastructure/in-memory-payment.repository';
import { billingEvents } from './billing-events';
import { ChargeRequest, ChargeResult, PaymentGateway } from './payment-gateway';
import { PaymentUseCases } from './payment.use-cases';

export const NOW = new Date('2026-05-04T10:00:00.000Z');
export const ORDER_ID = '3f2a9b1c-4d5e-6f70-8192-a3b4c5d6e7f8';
export const LINES = [
  { sku: 'SKU-MUG', name: 'Enamel mug', quantity: 2, unitPrice: 1250 },
  { sku: 'SKU-CAP', name: 'Baseball cap', quantity: 1, unitPrice: 1800 },
];
export const succeeded = { outcome: 'succeeded' as const, paymentId: 'ch_1' };

export const placed = (orderId = ORDER_ID): OrderPlaced => ({
  orderId,
  customerEmail: 'ada@example.com',
  items: LINES.map((l) => ({ ...l, extra: 'not kept' })),
  total: 4300,
  currency: 'EUR',
  paymentToken: 'tok_visa',
});

export const invoice: Invoice = {
  number: 'INV-20260504-3F2A9B1C4D5E',
  orderId: ORDER_ID,
  customerEmail: 'ada@example.com',
  amount: 4300,
  currency: 'EUR',
  lines: LINES,
  issuedAt: NOW,
};

/** Answers with the next scripted result (or throws it) and remembers every request. */
export class FakeGateway extends PaymentGateway {
  readonly requests: ChargeRequest[] = [];
  constructor(private readonly results: (ChargeResult | Error)[]) {
    super();
  }
  async charge(request: ChargeRequest): Promise<ChargeResult> {
    this.requests.push(request);
    const next = this.results.shift()!;
    if (next instanceof Error) throw next;
    return next;
  }
}

/** The use cases over the in-memory unit of work and repository, as the module wires them. */
export function billingHarness(...results: (ChargeResult | Error)[]) {
  const { uow, outbox, inbox } = inMemoryUnitOfWork(billingEvents);
  const repo = new InMemoryPaymentRepository();
  const gateway = new FakeGateway(results);
  return {
    uow,
    inbox,
    gateway,
    payments: new PaymentUseCases(uow, repo, gateway),
    stored: async (orderId = ORDER_ID) => (await repo.findByOrderId(orderId))?.snapshot(),
    /** What reached the outbox, as type and payload. */
    published: async () =>
      (await outbox.claim(100)).map((m) => {
        const { type, payload } = JSON.parse(m.body) as { type: string; payload: unknown };
        return { type, payload };
      }),
  };
}
