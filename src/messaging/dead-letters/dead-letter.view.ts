import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DeadLetterRecord } from './dead-letter.record';

export class DeadLetterView {
  @ApiProperty({ example: '3f1c2a9e0b7d4c5e8a6f1b2c' }) id: string;
  @ApiPropertyOptional({ example: '0b9f2c1e-7d4a-4c7b-9f3e-2a1d5c6b7e8f' }) messageId?: string;
  @ApiPropertyOptional({ example: 'inventory.reserved' }) type?: string;
  @ApiProperty({ example: 'billing.inventory-reserved' }) queue: string;
  @ApiPropertyOptional({ example: 'billing' }) consumer?: string;
  @ApiPropertyOptional({ example: 'web-1:4242' }) host?: string;
  @ApiPropertyOptional({ example: 'orderflow.events' }) originalExchange?: string;
  @ApiPropertyOptional({ example: 'inventory.reserved' }) originalRoutingKey?: string;
  @ApiProperty({ example: 'PaymentGatewayUnavailableError' }) errorType: string;
  @ApiProperty({ example: 'Processing error at the gateway' }) errorMessage: string;
  @ApiPropertyOptional() errorStack?: string;
  @ApiProperty({ description: 'True when retrying could not help' }) permanent: boolean;
  @ApiProperty({ example: 4 }) attempts: number;
  @ApiProperty() firstFailedAt: Date;
  @ApiProperty() lastFailedAt: Date;
  @ApiProperty() deadLetteredAt: Date;
  @ApiProperty({ enum: ['PARKED', 'REPLAYED'] }) status: string;
  @ApiProperty({ example: 0 }) replayCount: number;
  @ApiPropertyOptional() replayedAt?: Date;
  @ApiProperty({ description: 'The body as received (UTF-8)', example: '{"messageId":"…"}' })
  body: string;
  @ApiPropertyOptional() correlationId?: string;

  static of(r: DeadLetterRecord): DeadLetterView {
    const { bodyBase64, headers: _headers, contentType: _ct, ...rest } = r;
    return Object.assign(new DeadLetterView(), rest, {
      body: Buffer.from(bodyBase64, 'base64').toString('utf8'),
    });
  }
}
