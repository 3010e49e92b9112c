import { IsString, IsUUID } from 'class-validator';

/** Orders gives an order's held stock back (cancelled, declined, timed out). Outcome: inventory.released. */
export class ReleaseStock {
  static readonly type = 'inventory.release-stock';
  static readonly version = 1;

  @IsUUID()
  orderId: string;

  @IsString()
  reason: string;
}
