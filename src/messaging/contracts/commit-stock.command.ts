import { IsUUID } from 'class-validator';

/**
 * Orders tells inventory that the held units leave the warehouse (the order is paid). It cannot
 * be refused once stock is held, so it has no outcome event: a failure is retried, then parked.
 */
export class CommitStock {
  static readonly type = 'inventory.commit-stock';
  static readonly version = 1;

  @IsUUID()
  orderId: string;
}
