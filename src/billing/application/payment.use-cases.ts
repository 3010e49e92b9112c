import { Injectable, Logger } from '@nestjs/common';
import { OrderPlaced, UnitOfWork } from '../../messaging';
import { Invoice } from '../domain/invoice';
import { Payment, PaymentProps } from '../domain/payment.entity';
import { PaymentIntent } from '../domain/payment-intent';
import { PaymentGateway } from './payment-gateway';
import { PaymentRepository } from './payment.repository';

@Injectable()
export class PaymentUseCases {
  private readonly logger = new Logger(PaymentUseCases.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly payments: PaymentRepository,
    private readonly gateway: PaymentGateway,
  ) {}

  /** Billing keeps what it needs to charge: the token never travels through inventory. */
  orderPlaced(e: OrderPlaced): Promise<void> {
    const intent: PaymentIntent = {
      customerEmail: e.customerEmail,
      amount: e.total,
      currency: e.currency,
      lines: e.items.map(({ sku, name, quantity, unitPrice }) => ({
        sku,
        name,
        quantity,
        unitPrice,
      })),
      paymentToken: e.paymentToken,
    };
    return this.record(e.orderId, (p) => p.recordIntent(intent));
  }

  stockReserved(orderId: string): Promise<void> {
    return this.record(orderId, (p) => p.stockReserved());
  }

  listInvoices(orderId?: string): Promise<Invoice[]> {
    return this.payments.listInvoices(orderId);
  }

  /**
   * One unit of work per fact: record it and, once both are known, charge and decide, so the
   * fact, the decision, its event and the inbox entry commit together or not at all. Of two
   * facts racing in, the loser's save conflicts and its re-run sees the winner's row: the
   * payment it completes, or the decision it made (then nothing is charged or announced again).
   */
  private async record(orderId: string, fact: (p: Payment) => void): Promise<void> {
    const decided = await this.uow.run(async (tx) => {
      const payment = (await this.payments.findByOrderId(orderId)) ?? Payment.open(orderId);
      fact(payment);
      const intent = payment.intentToCharge;
      if (intent) await this.charge(payment, intent);
      await this.payments.save(payment, tx);
      return intent && payment.snapshot();
    });
    if (decided) this.logDecision(decided);
  }

  private async charge(payment: Payment, intent: PaymentIntent): Promise<void> {
    // The gateway is idempotent by reference: a re-run or a concurrent charge is charged once.
    const result = await this.gateway.charge({
      token: intent.paymentToken,
      amount: intent.amount,
      currency: intent.currency,
      reference: payment.orderId,
    });
    if (result.outcome === 'declined') payment.decline(result.code, result.reason);
    else payment.succeed(result.paymentId);
  }

  // Stryker disable all: log statements only, written once the decision is committed
  private logDecision({ orderId, failure, invoice }: PaymentProps): void {
    if (failure) this.logger.log(`Order ${orderId}: payment declined (${failure.code})`);
    if (invoice)
      this.logger.log(
        `Order ${orderId}: charged ${invoice.amount} ${invoice.currency}, invoice ${invoice.number}`,
      );
  }
  // Stryker restore all
}
