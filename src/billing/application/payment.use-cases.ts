import { Injectable, Logger } from '@nestjs/common';
import { formatMoney } from '../../common/money/format-money';
import { ChargePayment, RefundPayment, UnitOfWork } from '../../messaging';
import { Invoice } from '../domain/invoice';
import { Payment, PaymentProps } from '../domain/payment.entity';
import { PaymentIntent } from '../domain/payment-intent';
import { PaymentGateway } from './payment-gateway';
import { PaymentRepository } from './payment.repository';

/** What billing keeps of a charge command: everything but the token. */
const intentOf = (c: ChargePayment): PaymentIntent => ({
  customerEmail: c.customerEmail,
  amount: c.amount,
  currency: c.currency,
  lines: c.items.map(({ sku, name, quantity, unitPrice }) => ({ sku, name, quantity, unitPrice })),
});

/**
 * Billing's command handlers. Each command is one unit of work: the gateway call, the payment's
 * new state, its event and the inbox entry commit together or not at all. A gateway outage
 * (GatewayUnavailableError) leaves the work and stores nothing, so the message is retried and,
 * after its retries, parked. The gateway is idempotent by reference (the order id), so a re-run
 * after a lost race, or a redelivery, never moves money twice.
 */
@Injectable()
export class PaymentUseCases {
  private readonly logger = new Logger(PaymentUseCases.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly payments: PaymentRepository,
    private readonly gateway: PaymentGateway,
  ) {}

  /** Charges an order once; a repeated command for a decided payment changes and announces nothing. */
  async charge(command: ChargePayment): Promise<void> {
    const decided = await this.uow.run(async (tx) => {
      const payment =
        (await this.payments.findByOrderId(command.orderId)) ??
        Payment.open(command.orderId, intentOf(command));
      if (!payment.awaitingCharge) return undefined;
      const { amount, currency } = payment.intent;
      const result = await this.gateway.charge({
        token: command.paymentToken,
        amount,
        currency,
        reference: payment.orderId,
      });
      if (result.outcome === 'declined') payment.decline(result.code, result.reason);
      else payment.succeed(result.paymentId);
      await this.payments.save(payment, tx);
      return payment.snapshot();
    });
    this.logDecision(decided);
  }

  /**
   * Gives a succeeded charge back once. Nothing to refund (an unknown order, a declined payment,
   * one refunded already) changes and announces nothing, and never reaches the gateway.
   */
  async refund(command: RefundPayment): Promise<void> {
    const refundId = await this.uow.run(async (tx) => {
      const payment = await this.payments.findByOrderId(command.orderId);
      if (!payment?.refundable) return undefined;
      const { amount, currency } = payment.intent;
      const refund = await this.gateway.refund({
        reference: payment.orderId,
        // A refundable payment has its charge's id: it succeeded.
        paymentId: payment.paymentId!,
        amount,
        currency,
      });
      payment.refund(command.reason);
      await this.payments.save(payment, tx);
      return refund.refundId;
    });
    this.logRefund(command.orderId, refundId);
  }

  listInvoices(orderId?: string): Promise<Invoice[]> {
    return this.payments.listInvoices(orderId);
  }

  // Stryker disable all: log statements only, written once the work is committed
  private logDecision(decided: PaymentProps | undefined): void {
    if (!decided) return;
    const { orderId, failure, invoice } = decided;
    if (failure) this.logger.log(`Order ${orderId}: payment declined (${failure.code})`);
    if (invoice)
      this.logger.log(
        `Order ${orderId}: charged ${formatMoney(invoice.amount, invoice.currency)}, invoice ${invoice.number}`,
      );
  }

  private logRefund(orderId: string, refundId: string | undefined): void {
    if (refundId) this.logger.log(`Order ${orderId}: payment refunded (${refundId})`);
    else this.logger.log(`Order ${orderId}: nothing to refund`);
  }
  // Stryker restore all
}
