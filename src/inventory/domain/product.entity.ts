import { VersionedAggregateRoot } from '../../common/domain/versioned-aggregate-root';
import { ProductEvent } from './product.events';
import { StockBelowReservedError } from './stock-below-reserved.error';
import { StockMove, StockMoveRefusedError } from './stock-move-refused.error';

export interface ProductProps {
  sku: string;
  name: string;
  /** Integer cents. */
  price: number;
  currency: string;
  /** Units that can still be reserved; on hand is available + reserved. */
  available: number;
  /** Units held for orders that are not paid yet. */
  reserved: number;
  /**
   * persistedVersion + 1 once anything changed since the load, however many changes: a save
   * expects persistedVersion in the store and leaves this one there (optimistic concurrency).
   */
  version: number;
}

export interface NewProduct {
  sku: string;
  name: string;
  price: number;
  currency: string;
  /** Units on hand; none is reserved yet. */
  stock: number;
}

/** What a catalog edit may change; `stock` is units on hand, reservations included. */
export interface ProductChanges {
  name?: string;
  price?: number;
  stock?: number;
}

/** A catalog entry and its stock. Only a reservation moves stock between available and reserved. */
export class Product extends VersionedAggregateRoot<ProductEvent> {
  private constructor(
    private props: ProductProps,
    persisted: boolean,
  ) {
    super(persisted ? props.version : 0);
  }

  static create({ stock, ...fields }: NewProduct): Product {
    const product = new Product({ ...fields, available: stock, reserved: 0, version: 1 }, false);
    product.announce();
    return product;
  }

  static restore(props: ProductProps): Product {
    return new Product({ ...props }, true);
  }

  get sku(): string {
    return this.props.sku;
  }
  get name(): string {
    return this.props.name;
  }
  get price(): number {
    return this.props.price;
  }
  get currency(): string {
    return this.props.currency;
  }
  get available(): number {
    return this.props.available;
  }
  get reserved(): number {
    return this.props.reserved;
  }
  get version(): number {
    return this.props.version;
  }

  /**
   * One catalog edit, one announcement, and only if something visible changed. Refused as a
   * whole (nothing applied) when the new stock on hand is below what is already reserved.
   */
  revise({ name, price, stock }: ProductChanges): void {
    if (stock !== undefined && stock < this.props.reserved)
      throw new StockBelowReservedError(this.sku, stock);
    const { props } = this;
    const next = {
      name: name ?? props.name,
      price: price ?? props.price,
      available: stock === undefined ? props.available : stock - props.reserved,
    };
    const changed =
      next.name !== props.name || next.price !== props.price || next.available !== props.available;
    if (!changed) return;
    Object.assign(props, next);
    this.changed();
    this.announce();
  }

  reserve(quantity: number): void {
    this.guard('reserve', quantity, this.props.available);
    this.props.available -= quantity;
    this.props.reserved += quantity;
    this.changed();
  }

  /** Puts held units back on the shelf. */
  release(quantity: number): void {
    this.guard('release', quantity, this.props.reserved);
    this.props.reserved -= quantity;
    this.props.available += quantity;
    this.changed();
  }

  /** Held units leave the warehouse: they stop being on hand at all. */
  commit(quantity: number): void {
    this.guard('commit', quantity, this.props.reserved);
    this.props.reserved -= quantity;
    this.changed();
  }

  snapshot(): ProductProps {
    return { ...this.props };
  }

  private guard(move: StockMove, quantity: number, held: number): void {
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > held)
      throw new StockMoveRefusedError(this.sku, move, quantity, held);
  }

  private changed(): void {
    this.props.version = this.persistedVersion + 1;
  }

  private announce(): void {
    const { sku, name, price, currency, available } = this.props;
    this.record({ type: 'ProductUpdated', sku, name, price, currency, available });
  }
}
