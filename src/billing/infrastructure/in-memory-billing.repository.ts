import { InMemoryOutboxStore } from '../../messaging/outbox/in-memory-outbox.store';
import { toOutboxMessage } from '../../messaging/outbox/outbox-message';
import { Invoice, Payment } from '../domain/payment';
import {
  BillingRepository,
  OutgoingEvents,
  PaymentDecision,
} from '../application/billing.repository';

export class InMemoryBillingRepository extends BillingRepository {
  private readonly payments = new Map<string, Payment>();

  constructor(private readonly outbox: InMemoryOutboxStore) {
    super();
  }

  async recordIntent(payment: Payment): Promise<void> {
    if (!this.payments.has(payment.orderId))
      this.payments.set(payment.orderId, structuredClone(payment));
  }

  async findByOrderId(orderId: string): Promise<Payment | undefined> {
    const p = this.payments.get(orderId);
    return p && structuredClone(p);
  }

  async decide(
    orderId: string,
    decision: PaymentDecision,
    events: OutgoingEvents,
  ): Promise<boolean> {
    const p = this.payments.get(orderId);
    if (!p || p.status !== 'AWAITING_STOCK') return false;
    this.payments.set(orderId, { ...p, ...structuredClone(decision), updatedAt: new Date() });
    this.outbox.append(events.map(toOutboxMessage));
    return true;
  }

  async listInvoices(orderId?: string): Promise<Invoice[]> {
    return [...this.payments.values()]
      .filter((p) => p.invoice && (!orderId || p.orderId === orderId))
      .map((p) => structuredClone(p.invoice!))
      .sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime());
  }
}
