/**
 * Lua, so that each check and its write are one step in Redis: no other client's eviction can
 * fall between them. Every key of a call shares the `{…}` hash tag: on a Redis Cluster (which
 * would need a cluster client here) a script may only touch keys of one slot.
 */

/** KEYS: generation, product. ARGV: generation seen, version, entry JSON, TTL ms. */
export const PUT_PRODUCT = `
if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
local current = redis.call('GET', KEYS[2])
if current and cjson.decode(current).version >= tonumber(ARGV[2]) then return 0 end
redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[4])
return 1`;

/** KEYS: generation, list. ARGV: generation seen, list JSON, TTL ms. */
export const PUT_LIST = `
if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
return 1`;

/** KEYS: generation, product, list. Outdates every fill under way, then drops both entries. */
export const EVICT = `
redis.call('INCR', KEYS[1])
redis.call('DEL', KEYS[2], KEYS[3])
return 1`;
