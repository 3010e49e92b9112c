import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { toInt } from './config-transforms';
import { ShopSettings } from './shop-settings';

/**
 * The catalog cache: Redis shared by every instance when REDIS_URL is set, else process memory.
 * Events evict entries within milliseconds; the TTLs only bound how long a missed event
 * (a broker outage, a lost instance queue) can leave an entry stale.
 */
export class CacheSettings extends ShopSettings {
  /** REDIS_URL: e.g. redis://127.0.0.1:6379 or rediss:// for TLS. */
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  redisUrl?: string;

  /** CATALOG_CACHE_TTL_MS: how long Redis (or, without it, memory) keeps an entry. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  catalogCacheTtlMs = 10_000;

  /**
   * CATALOG_MEMORY_TTL_MS: the in-process layer in front of Redis, which saves a round trip on
   * hot products; 0 turns it off. Unused without Redis (memory is then the cache).
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  catalogMemoryTtlMs = 1_000;
}
