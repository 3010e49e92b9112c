import { ConcurrentModificationError } from '../../common/errors/concurrent-modification.error';
import { InMemoryTransaction, Transaction } from '../../messaging';
import { ProductRepository } from '../application/product.repository';
import { Product, ProductProps } from '../domain/product.entity';
import { byCodePoint } from './by-code-point';

/** Rows are snapshots; writes are staged and land in the unit of work's synchronous commit. */
export class InMemoryProductRepository extends ProductRepository {
  private readonly rows = new Map<string, ProductProps>();

  async getMany(skus: string[]): Promise<Product[]> {
    return this.restore([...new Set(skus)].flatMap((s) => this.rows.get(s) ?? []));
  }

  async list(): Promise<Product[]> {
    return this.restore([...this.rows.values()]);
  }

  async add(product: Product, tx: Transaction): Promise<void> {
    const row = product.snapshot();
    InMemoryTransaction.from(tx).stage({
      check: () => {
        if (this.rows.has(row.sku)) throw new ConcurrentModificationError('Product', row.sku);
      },
      apply: () => this.rows.set(row.sku, row),
    });
    tx.track(product);
  }

  async save(product: Product, tx: Transaction): Promise<void> {
    const row = product.snapshot();
    const expected = product.persistedVersion;
    InMemoryTransaction.from(tx).stage({
      // Checks run before any write of the commit, so a second save in one run expects the same.
      check: () => {
        if ((this.rows.get(row.sku)?.version ?? 0) !== expected)
          throw new ConcurrentModificationError('Product', row.sku);
      },
      apply: () => this.rows.set(row.sku, row),
    });
    tx.track(product);
  }

  private restore(rows: ProductProps[]): Product[] {
    return [...rows].sort((a, b) => byCodePoint(a.sku, b.sku)).map((r) => Product.restore(r));
  }
}
