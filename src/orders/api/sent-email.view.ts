import { ApiProperty } from '@nestjs/swagger';

export class SentEmailView {
  @ApiProperty({ example: 'ada@example.com' }) to: string;
  @ApiProperty({ example: 'Your order 6f1c2a9e is confirmed' }) subject: string;
}
