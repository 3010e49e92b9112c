import { StockBelowReservedError } from '../domain/stock-below-reserved.error';
import { InMemoryOutboxStore } from '../../messaging/outbox/in-memory-outbox.store';
import { toOutboxMessage } from '../../messaging/outbox/outbox-message';
import { Product, StockLine } from '../domain/product';
import { Reservation } from '../domain/reservation';
import { findShortages, mergeLines } from '../domain/stock-reservation';
import {
  InventoryRepository,
  OutgoingEvents,
  ProductChanges,
  ReserveOutcome,
} from '../application/inventory.repository';

/**
 * Every method checks and writes in one synchronous block (no await inside), which makes it
 * atomic on Node's single thread: the in-memory equivalent of a conditional update.
 */
export class InMemoryInventoryRepository extends InventoryRepository {
  private readonly products = new Map<string, Product>();
  private readonly reservations = new Map<string, Reservation>();

  constructor(private readonly outbox: InMemoryOutboxStore) {
    super();
  }

  async listProducts(): Promise<Product[]> {
    return [...this.products.values()]
      .map((p) => ({ ...p }))
      .sort((a, b) => a.sku.localeCompare(b.sku));
  }

  async getProducts(skus: string[]): Promise<Product[]> {
    return skus.flatMap((s) => (this.products.has(s) ? [{ ...this.products.get(s)! }] : []));
  }

  async seed(
    products: Product[],
    events: (inserted: Product[]) => OutgoingEvents,
  ): Promise<Product[]> {
    const inserted = products.filter((p) => !this.products.has(p.sku));
    for (const p of inserted) this.products.set(p.sku, { ...p });
    this.emit(events(inserted));
    return inserted;
  }

  async saveProduct(
    sku: string,
    changes: ProductChanges,
    create: Product | undefined,
    events: (p: Product) => OutgoingEvents,
  ): Promise<Product | undefined> {
    const current = this.products.get(sku);
    if (!current && !create) return undefined;
    const next = current ? { ...current } : { ...create! };
    if (current) {
      if (changes.name !== undefined) next.name = changes.name;
      if (changes.price !== undefined) next.price = changes.price;
      if (changes.stock !== undefined) {
        if (changes.stock < current.reserved) throw new StockBelowReservedError(sku, changes.stock);
        next.available = changes.stock - current.reserved;
      }
    }
    this.products.set(sku, next);
    this.emit(events({ ...next }));
    return { ...next };
  }

  async reserve(
    orderId: string,
    lines: StockLine[],
    events: (o: ReserveOutcome) => OutgoingEvents,
  ): Promise<ReserveOutcome> {
    const existing = this.reservations.get(orderId);
    if (existing) return { kind: 'already-decided', reservation: { ...existing } };
    const items = mergeLines(lines);
    const shortages = findShortages(items, this.products);
    const outcome: ReserveOutcome =
      shortages.length > 0 ? { kind: 'rejected', shortages } : { kind: 'reserved', items };
    if (outcome.kind === 'reserved') {
      for (const l of items) {
        const p = this.products.get(l.sku)!;
        p.available -= l.quantity;
        p.reserved += l.quantity;
      }
    }
    this.reservations.set(orderId, {
      orderId,
      items,
      status: outcome.kind === 'reserved' ? 'RESERVED' : 'REJECTED',
      updatedAt: new Date(),
    });
    this.emit(events(outcome));
    return outcome;
  }

  async release(
    orderId: string,
    tombstone: boolean,
    events: (r: Reservation) => OutgoingEvents,
  ): Promise<Reservation | undefined> {
    const r = this.reservations.get(orderId);
    if (!r) {
      if (tombstone)
        this.reservations.set(orderId, {
          orderId,
          items: [],
          status: 'CANCELLED',
          updatedAt: new Date(),
        });
      return undefined;
    }
    if (r.status !== 'RESERVED') return undefined;
    for (const l of r.items) {
      const p = this.products.get(l.sku);
      if (p) {
        p.available += l.quantity;
        p.reserved -= l.quantity;
      }
    }
    r.status = 'RELEASED';
    r.updatedAt = new Date();
    this.emit(events({ ...r }));
    return { ...r };
  }

  async commit(orderId: string): Promise<boolean> {
    const r = this.reservations.get(orderId);
    if (!r || r.status !== 'RESERVED') return false;
    for (const l of r.items) {
      const p = this.products.get(l.sku);
      if (p) p.reserved -= l.quantity;
    }
    r.status = 'COMMITTED';
    r.updatedAt = new Date();
    return true;
  }

  async findReservation(orderId: string): Promise<Reservation | undefined> {
    const r = this.reservations.get(orderId);
    return r && { ...r, items: r.items.map((i) => ({ ...i })) };
  }

  private emit(events: OutgoingEvents): void {
    this.outbox.append(events.map(toOutboxMessage));
  }
}
