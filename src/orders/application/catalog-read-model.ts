export interface CatalogEntry {
  sku: string;
  name: string;
  price: number;
  currency: string;
  available: number;
  /** When inventory last changed it; an older update never overwrites a newer one. */
  asOf: Date;
}

/** Orders' own copy of the catalog, fed by inventory's events, used to price orders locally. */
export abstract class CatalogReadModel {
  abstract upsert(entry: CatalogEntry): Promise<void>;
  abstract getMany(skus: string[]): Promise<Map<string, CatalogEntry>>;
  abstract count(): Promise<number>;
}
