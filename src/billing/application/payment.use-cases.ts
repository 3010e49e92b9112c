import { Injectable, Logger } from '@nestjs/common';
import { OrderPlaced, PaymentFailed, PaymentSucceeded } from '../../messaging/contracts';
import { newEnvelope } from '../../messaging/envelope/new-envelope';
import { invoiceNumberFor } from '../domain/payment';
import { PaymentIntentMissingError } from '../domain/payment-intent-missing.error';
import { BillingRepository } from './billing.repository';
import { PaymentGateway } from './payment-gateway';

@Injectable()
export class PaymentUseCases {
  private readonly logger = new Logger(PaymentUseCases.name);

  constructor(
    private readonly billing: BillingRepository,
    private readonly gateway: PaymentGateway,
  ) {}

  /** Billing keeps what it needs to charge later: the token never travels through inventory. */
  async recordIntent(e: OrderPlaced): Promise<void> {
    const now = new Date();
    await this.billing.recordIntent({
      orderId: e.orderId,
      customerEmail: e.customerEmail,
      amount: e.total,
      currency: e.currency,
      lines: e.items.map((i) => ({
        sku: i.sku,
        name: i.name,
        quantity: i.quantity,
        unitPrice: i.unitPrice,
      })),
      paymentToken: e.paymentToken,
      status: 'AWAITING_STOCK',
      createdAt: now,
      updatedAt: now,
    });
  }

  async charge(orderId: string): Promise<void> {
    const payment = await this.billing.findByOrderId(orderId);
    if (!payment) throw new PaymentIntentMissingError(orderId);
    if (payment.status !== 'AWAITING_STOCK') {
      this.logger.log(`Order ${orderId} already ${payment.status}; not charging again`);
      return;
    }
    const result = await this.gateway.charge({
      token: payment.paymentToken,
      amount: payment.amount,
      currency: payment.currency,
      reference: orderId,
    });
    if (result.outcome === 'declined') {
      await this.billing.decide(
        orderId,
        { status: 'FAILED', failure: { code: result.code, reason: result.reason } },
        [newEnvelope(PaymentFailed, { orderId, code: result.code, reason: result.reason })],
      );
      this.logger.log(`Order ${orderId}: payment declined (${result.code})`);
      return;
    }
    const invoice = {
      number: invoiceNumberFor(orderId, new Date()),
      orderId,
      customerEmail: payment.customerEmail,
      amount: payment.amount,
      currency: payment.currency,
      lines: payment.lines,
      issuedAt: new Date(),
    };
    await this.billing.decide(
      orderId,
      { status: 'SUCCEEDED', paymentId: result.paymentId, invoice },
      [
        newEnvelope(PaymentSucceeded, {
          orderId,
          paymentId: result.paymentId,
          invoice: {
            number: invoice.number,
            amount: invoice.amount,
            currency: invoice.currency,
            lines: invoice.lines,
          },
        }),
      ],
    );
    this.logger.log(
      `Order ${orderId}: charged ${payment.amount} ${payment.currency}, invoice ${invoice.number}`,
    );
  }

  listInvoices(orderId?: string) {
    return this.billing.listInvoices(orderId);
  }
}
