import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConsoleOrderLookup } from '../../messaging';
import { OrderRepository } from '../application/order.repository';

/** Lets the operations console (in messaging) show status and saga step when orders runs here. */
@Injectable()
export class ConsoleOrderRegistration implements OnModuleInit {
  constructor(
    private readonly lookup: ConsoleOrderLookup,
    private readonly orders: OrderRepository,
  ) {}

  onModuleInit(): void {
    this.lookup.register(async (id) => {
      const order = await this.orders.findById(id);
      if (!order) return undefined;
      const s = order.snapshot();
      return {
        status: s.status,
        step: order.step,
        customerEmail: s.customerEmail,
        total: order.total,
        currency: s.currency,
        paymentDueAt: s.paymentDueAt,
        history: s.history.map((h) => ({ status: h.status, at: h.at, reason: h.reason })),
      };
    });
  }
}
