import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Invoice, InvoiceStatus } from '../domain/invoice';
import { InvoiceLineView } from './invoice-line.view';
import { InvoiceRefundView } from './invoice-refund.view';

export class InvoiceView {
  @ApiProperty({ example: 'INV-20261123-6F1C2A9E0B7D' }) number: string;
  @ApiProperty({ example: '6f1c2a9e-0b7d-4c5e-8a6f-1b2c3d4e5f60' }) orderId: string;
  @ApiProperty({ example: 'ada@example.com' }) customerEmail: string;
  @ApiProperty({ description: 'Integer cents', example: 2500 }) amount: number;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ type: [InvoiceLineView] }) lines: InvoiceLineView[];
  @ApiProperty({ example: '2026-11-23T15:00:00.000Z' }) issuedAt: string;

  @ApiProperty({
    enum: ['PAID', 'REFUNDED'],
    description: 'REFUNDED once the whole charge was given back',
    example: 'PAID',
  })
  status: InvoiceStatus;

  @ApiPropertyOptional({ type: InvoiceRefundView, description: 'Only on a REFUNDED invoice' })
  refund?: InvoiceRefundView;

  static of(i: Invoice): InvoiceView {
    const { refund, ...rest } = i;
    return {
      ...rest,
      lines: i.lines.map((l) => ({ ...l })),
      issuedAt: new Date(i.issuedAt).toISOString(),
      ...(refund && {
        refund: { ...refund, refundedAt: new Date(refund.refundedAt).toISOString() },
      }),
    };
  }
}
