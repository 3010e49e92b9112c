import { VersionedAggregateRoot } from '../../common/domain/versioned-aggregate-root';
import { Product } from './product.entity';
import { ReservationEvent } from './reservation.events';
import { Shortage, StockLine, describeShortages, mergeLines } from './stock-line';

/**
 * One per order, decided once: RESERVED or REJECTED, then a RESERVED one is RELEASED or
 * COMMITTED. No tombstone: the order process asks for a release only after the decision.
 */
export type ReservationStatus = 'RESERVED' | 'REJECTED' | 'RELEASED' | 'COMMITTED';

export interface ReservationProps {
  orderId: string;
  items: StockLine[];
  status: ReservationStatus;
  updatedAt: Date;
  /** As ProductProps.version: persistedVersion + 1 once anything changed since the load. */
  version: number;
}

/** The stock an order holds, and the one place that decides whether it may hold any. */
export class Reservation extends VersionedAggregateRoot<ReservationEvent> {
  private constructor(
    private props: ReservationProps,
    persisted: boolean,
  ) {
    super(persisted ? props.version : 0);
  }

  /**
   * All lines or none. Repeated SKUs are added up first, so a split line cannot dodge the
   * check; a SKU missing from `products` is unknown and has nothing available.
   */
  static decide(
    orderId: string,
    lines: StockLine[],
    products: Product[],
    now = new Date(),
  ): Reservation {
    const items = mergeLines(lines);
    const bySku = new Map(products.map((p) => [p.sku, p]));
    const shortages: Shortage[] = items
      .map((l) => ({
        sku: l.sku,
        requested: l.quantity,
        available: bySku.get(l.sku)?.available ?? 0,
      }))
      .filter((s) => s.available < s.requested);
    const status = shortages.length > 0 ? 'REJECTED' : 'RESERVED';
    const reservation = new Reservation(
      { orderId, items, status, updatedAt: now, version: 1 },
      false,
    );
    if (shortages.length > 0) {
      const reason = describeShortages(shortages);
      reservation.record({ type: 'StockRejected', orderId, shortages, reason });
      return reservation;
    }
    for (const l of items) bySku.get(l.sku)?.reserve(l.quantity);
    reservation.record({ type: 'StockReserved', orderId, items: copy(items) });
    return reservation;
  }

  static restore(props: ReservationProps): Reservation {
    return new Reservation({ ...props, items: copy(props.items) }, true);
  }

  get orderId(): string {
    return this.props.orderId;
  }
  get status(): ReservationStatus {
    return this.props.status;
  }
  get items(): StockLine[] {
    return copy(this.props.items);
  }
  get version(): number {
    return this.props.version;
  }
  /** Only a RESERVED reservation has anything to release or commit. */
  get holdsStock(): boolean {
    return this.props.status === 'RESERVED';
  }

  /** Gives the held units back. Does nothing once released, committed or rejected. */
  release(reason: string, products: Product[], now = new Date()): void {
    if (!this.holdsStock) return;
    this.eachHeld(products, (p, quantity) => p.release(quantity));
    this.settle('RELEASED', now);
    this.record({ type: 'StockReleased', orderId: this.orderId, items: this.items, reason });
  }

  /** The held units leave the warehouse (the order is paid). Does nothing unless held. */
  commit(products: Product[], now = new Date()): void {
    if (!this.holdsStock) return;
    this.eachHeld(products, (p, quantity) => p.commit(quantity));
    this.settle('COMMITTED', now);
  }

  snapshot(): ReservationProps {
    return { ...this.props, items: copy(this.props.items) };
  }

  private settle(status: 'RELEASED' | 'COMMITTED', now: Date): void {
    this.props.status = status;
    this.props.updatedAt = now;
    this.props.version = this.persistedVersion + 1;
  }

  // Products are never deleted; one that is missing anyway has no count left to correct.
  private eachHeld(products: Product[], move: (p: Product, quantity: number) => void): void {
    const bySku = new Map(products.map((p) => [p.sku, p]));
    for (const l of this.props.items) {
      const product = bySku.get(l.sku);
      if (product) move(product, l.quantity);
    }
  }
}

const copy = (items: StockLine[]): StockLine[] => items.map((i) => ({ ...i }));
