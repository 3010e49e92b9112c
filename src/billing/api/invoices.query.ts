import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class InvoicesQuery {
  @ApiPropertyOptional({
    description: "One order's records, public; without it the list spans every order (admin key)",
    example: '6f1c2a9e-0b7d-4c5e-8a6f-1b2c3d4e5f60',
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID()
  orderId?: string;
}
