import { CatalogEntry, CatalogReadModel } from '../application/catalog-read-model';

export class InMemoryCatalogReadModel extends CatalogReadModel {
  private readonly entries = new Map<string, CatalogEntry>();

  async upsert(entry: CatalogEntry): Promise<void> {
    const current = this.entries.get(entry.sku);
    if (!current || current.asOf <= entry.asOf) this.entries.set(entry.sku, { ...entry });
  }

  async getMany(skus: string[]): Promise<Map<string, CatalogEntry>> {
    const found = new Map<string, CatalogEntry>();
    for (const sku of skus) {
      const e = this.entries.get(sku);
      if (e) found.set(sku, { ...e });
    }
    return found;
  }

  async count(): Promise<number> {
    return this.entries.size;
  }
}
