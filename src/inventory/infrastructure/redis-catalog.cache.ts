import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { CachedProduct, CatalogCache } from '../application/catalog.cache';
import { EVICT, PUT_LIST, PUT_PRODUCT } from './redis-catalog.scripts';

type Scripted = Redis & {
  catalogPutProduct(...args: Array<string | number>): Promise<number>;
  catalogPutList(...args: Array<string | number>): Promise<number>;
  catalogEvict(...args: string[]): Promise<number>;
};

/** Reads and puts give up quickly: a slow cache is worse than none, the store answers anyway. */
const COMMAND_TIMEOUT_MS = 100;
/** After a failure, reads and puts skip Redis this long rather than each wait for a timeout. */
const BACK_OFF_MS = 5_000;
const WARN_EVERY_MS = 60_000;
/** How long startup waits for Redis; past it the app starts anyway, reading the store. */
const READY_WAIT_MS = 2_000;

/** The catalog cache in Redis, shared by every instance; keys carry the deployment's prefix. */
export class RedisCatalogCache extends CatalogCache {
  private readonly logger = new Logger(RedisCatalogCache.name);
  private readonly redis: Scripted;
  private readonly keys: { generation: string; list: string; product: (sku: string) => string };
  private lastWarning = 0;
  private skipUntil = 0;

  constructor(
    url: string,
    prefix: string,
    private readonly ttlMs: number,
  ) {
    super();
    const redis = new Redis(url, {
      commandTimeout: COMMAND_TIMEOUT_MS,
      maxRetriesPerRequest: 1,
      // While disconnected, fail at once (a miss) rather than queue reads behind a reconnect.
      enableOfflineQueue: false,
    });
    redis.defineCommand('catalogPutProduct', { numberOfKeys: 2, lua: PUT_PRODUCT });
    redis.defineCommand('catalogPutList', { numberOfKeys: 2, lua: PUT_LIST });
    redis.defineCommand('catalogEvict', { numberOfKeys: 3, lua: EVICT });
    redis.on('error', (e: Error) => this.warn(e));
    this.redis = redis as Scripted;
    const tag = `${prefix}orderflow:{catalog}`;
    this.keys = {
      generation: `${tag}:generation`,
      list: `${tag}:list`,
      product: (sku) => `${tag}:product:${sku}`,
    };
  }

  /** Resolves once connected, or after READY_WAIT_MS: a missing cache never stops a start. */
  override async open(): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.redis.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, READY_WAIT_MS);
      this.redis.once('ready', done);
    });
  }

  generation(): Promise<string> {
    return this.quietly(async () => (await this.redis.get(this.keys.generation)) ?? '0', '');
  }

  getProduct(sku: string): Promise<CachedProduct | undefined> {
    return this.quietly(() => this.read<CachedProduct>(this.keys.product(sku)), undefined);
  }

  getList(): Promise<CachedProduct[] | undefined> {
    return this.quietly(() => this.read<CachedProduct[]>(this.keys.list), undefined);
  }

  async putProduct(product: CachedProduct, generation: string): Promise<void> {
    const { keys } = this;
    await this.quietly(
      () =>
        this.redis.catalogPutProduct(
          keys.generation,
          keys.product(product.sku),
          generation,
          product.version,
          JSON.stringify(product),
          this.ttlMs,
        ),
      0,
    );
  }

  async putList(products: CachedProduct[], generation: string): Promise<void> {
    const { keys } = this;
    await this.quietly(
      () =>
        this.redis.catalogPutList(
          keys.generation,
          keys.list,
          generation,
          JSON.stringify(products),
          this.ttlMs,
        ),
      0,
    );
  }

  /** Throws when Redis cannot be reached: the event is retried rather than its eviction lost. */
  async evict(sku: string): Promise<void> {
    const { keys } = this;
    await this.redis.catalogEvict(keys.generation, keys.product(sku), keys.list);
  }

  flushLocal(): void {
    // Nothing here is local: other instances, still connected, evicted what this one missed.
  }

  override async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private async read<T>(key: string): Promise<T | undefined> {
    const json = await this.redis.get(key);
    return json === null ? undefined : (JSON.parse(json) as T);
  }

  private async quietly<T>(work: () => Promise<T>, fallback: T): Promise<T> {
    if (Date.now() < this.skipUntil) return fallback;
    try {
      return await work();
    } catch (e) {
      this.skipUntil = Date.now() + BACK_OFF_MS;
      this.warn(e as Error);
      return fallback;
    }
  }

  /** Once a minute at most: an outage would otherwise log a line per request. */
  private warn(e: Error): void {
    if (Date.now() - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = Date.now();
    this.logger.warn(`Catalog cache unavailable, reading the store instead: ${e.message}`);
  }
}
