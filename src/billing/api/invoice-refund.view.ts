import { ApiProperty } from '@nestjs/swagger';

export class InvoiceRefundView {
  @ApiProperty({ description: 'Integer cents: the whole charge', example: 2500 }) amount: number;
  @ApiProperty({ example: '2026-11-23T15:10:00.000Z' }) refundedAt: string;
  @ApiProperty({ example: 'Cancelled by the customer' }) reason: string;
}
