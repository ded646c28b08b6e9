import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { createFaultLog } from './fault-log.js';
import { createLowdbStore } from './lowdb-store.js';
import type { Store } from './port.js';
import { createRedisStore, type RedisStore } from './redis-store.js';
import { watchStore } from './watched-store.js';

/**
 * The configured store: lowdb under DATA_DIR (default) or Redis (STORE=redis, REDIS_URL, REDIS_PREFIX). With a
 * `log`, store faults are logged and /readyz sees failing writes (watched-store.ts).
 */
export async function openStore(config: Pick<Config, 'store' | 'dataDir' | 'redis'>, opts: { sweepAtOpen?: boolean; readOnly?: boolean; log?: Logger } = {}): Promise<Store | RedisStore> {
  const faults = opts.log ? createFaultLog(opts.log) : undefined;
  const store =
    config.store === 'redis'
      ? createRedisStore({ url: config.redis.url, prefix: config.redis.prefix })
      : await createLowdbStore({ dir: config.dataDir, sweepAtOpen: opts.sweepAtOpen, readOnly: opts.readOnly, onBackgroundFault: (err) => faults?.report(err, 'background') });
  return faults ? watchStore(store, faults) : store;
}

export function isRedisStore(store: Store): store is RedisStore {
  return 'client' in store;
}
