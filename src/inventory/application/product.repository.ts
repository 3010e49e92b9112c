import { Transaction } from '../../messaging';
import { Product } from '../domain/product.entity';

/**
 * Persistence port for products: load and save, no rules. Writes go through the unit of work's
 * transaction, which also publishes the events of every product saved.
 */
export abstract class ProductRepository {
  /** The known products among `skus`, sorted by SKU; an unknown SKU is simply absent. */
  abstract getMany(skus: string[]): Promise<Product[]>;
  /** The whole catalog, sorted by SKU (by code point, the same in every adapter). */
  abstract list(): Promise<Product[]>;
  /**
   * Stores a new product. If its SKU is stored already, the commit fails with
   * ConcurrentModificationError: the unit of work reruns the work, which then finds it.
   */
  abstract add(product: Product, tx: Transaction): Promise<void>;
  /**
   * Stores a product at its `version`, unless the store no longer holds its `persistedVersion`
   * (someone else saved it since it was loaded): then the commit fails with
   * ConcurrentModificationError (and the work is rerun). Saving it again in the same unit of
   * work stores its last state.
   */
  abstract save(product: Product, tx: Transaction): Promise<void>;
}
