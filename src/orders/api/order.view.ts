import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORDER_STEPS, OrderStep } from '../domain/order-step';
import { OrderStatus } from '../domain/order-status';
import { Order } from '../domain/order.entity';
import { OrderLineView } from './order-line.view';
import { StatusChangeView } from './status-change.view';

export class OrderView {
  @ApiProperty({ example: '6f1c2a9e-0b7d-4c5e-8a6f-1b2c3d4e5f60' }) id: string;
  @ApiProperty({ enum: OrderStatus, example: OrderStatus.PENDING }) status: OrderStatus;
  @ApiProperty({
    enum: ORDER_STEPS,
    example: 'awaiting-payment',
    description:
      'What the order process waits for. A final order may still be releasing stock or refunding a late charge; done when nothing is left',
  })
  step: OrderStep;
  @ApiPropertyOptional({
    example: '2026-11-23T15:10:00.120Z',
    description:
      'While a charge is open (STOCK_RESERVED): when the order is cancelled if payment has not settled (PAYMENT_TIMEOUT_MS)',
  })
  paymentDueAt?: string;
  @ApiProperty({ example: 'ada@example.com' }) customerEmail: string;
  @ApiProperty({ type: [OrderLineView] }) items: OrderLineView[];
  @ApiProperty({ description: 'Integer cents', example: 2500 }) total: number;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ example: '2026-11-23T15:00:00.000Z' }) createdAt: string;
  @ApiProperty({ example: '2026-11-23T15:00:00.120Z' }) updatedAt: string;
  @ApiPropertyOptional({ example: 'INV-20261123-6F1C2A9E' }) invoiceNumber?: string;
  @ApiProperty({
    type: [StatusChangeView],
    description: 'Every step, including stock released and payments refunded after the end',
  })
  history: StatusChangeView[];

  static of(order: Order): OrderView {
    const s = order.snapshot();
    return {
      id: s.id,
      status: s.status,
      step: order.step,
      paymentDueAt: s.paymentDueAt?.toISOString(),
      customerEmail: s.customerEmail,
      items: s.items,
      total: order.total,
      currency: s.currency,
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
      invoiceNumber: s.invoiceNumber,
      history: s.history.map((h) => ({
        status: h.status,
        at: h.at.toISOString(),
        reason: h.reason,
      })),
    };
  }
}
