import type { Config } from '../config.js';
import { createLowdbStore } from './lowdb-store.js';
import type { Store } from './port.js';
import { createRedisStore, type RedisStore } from './redis-store.js';

/** The configured store: lowdb under DATA_DIR (default) or Redis (STORE=redis, REDIS_URL, REDIS_PREFIX). */
export async function openStore(config: Pick<Config, 'store' | 'dataDir' | 'redis'>, opts: { sweepAtOpen?: boolean; readOnly?: boolean } = {}): Promise<Store | RedisStore> {
  if (config.store === 'redis') return createRedisStore({ url: config.redis.url, prefix: config.redis.prefix });
  return createLowdbStore({ dir: config.dataDir, sweepAtOpen: opts.sweepAtOpen, readOnly: opts.readOnly });
}

export function isRedisStore(store: Store): store is RedisStore {
  return 'client' in store;
}
