import { InMemoryOutboxStore } from '../../messaging/outbox/in-memory-outbox.store';
import { toOutboxMessage } from '../../messaging/outbox/outbox-message';
import { Invoice, Payment, PaymentIntent } from '../domain/payment';
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

  async recordIntent(orderId: string, intent: PaymentIntent): Promise<Payment> {
    return this.upsert(orderId, (p) => (p.intent ??= structuredClone(intent)));
  }

  async recordStockReserved(orderId: string): Promise<Payment> {
    return this.upsert(orderId, (p) => (p.stockReserved = true));
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
    if (!p || p.status !== 'PENDING') return false;
    Object.assign(p, structuredClone(decision), { updatedAt: new Date() });
    this.outbox.append(events.map(toOutboxMessage));
    return true;
  }

  async listInvoices(orderId?: string): Promise<Invoice[]> {
    return [...this.payments.values()]
      .filter((p) => p.invoice && (!orderId || p.orderId === orderId))
      .map((p) => structuredClone(p.invoice!))
      .sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime());
  }

  private upsert(orderId: string, change: (p: Payment) => void): Payment {
    const now = new Date();
    let p = this.payments.get(orderId);
    if (!p) {
      p = { orderId, status: 'PENDING', stockReserved: false, createdAt: now, updatedAt: now };
      this.payments.set(orderId, p);
    }
    change(p);
    p.updatedAt = now;
    return structuredClone(p);
  }
}
