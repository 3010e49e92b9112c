import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommitStock, OnCommand, ReleaseStock, ReserveStock } from '../../messaging';
import { StockUseCases } from '../application/stock.use-cases';

const ME = 'inventory';

/**
 * What the order process asks of inventory. Inventory follows no other module's events (only its
 * own, to evict its cache): orders decides when stock is held, given back or shipped, and sends
 * one command for each.
 */
@Controller()
export class InventoryCommandsController {
  constructor(private readonly stock: StockUseCases) {}

  @OnCommand(ReserveStock, ME)
  reserve(@Payload() c: ReserveStock): Promise<void> {
    return this.stock.reserve(c.orderId, c.items);
  }

  @OnCommand(ReleaseStock, ME)
  release(@Payload() c: ReleaseStock): Promise<void> {
    return this.stock.release(c.orderId, c.reason);
  }

  @OnCommand(CommitStock, ME)
  commit(@Payload() c: CommitStock): Promise<void> {
    return this.stock.commit(c.orderId);
  }
}
