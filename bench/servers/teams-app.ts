import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startApp, type AppDeps } from '../../src/app.js';
import { createRedisDeduper } from '../../src/adapters/redis-dedupe.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createRedisBroadcast } from '../../src/ops/cluster.js';
import { createLowdbStore } from '../../src/storage/lowdb-store.js';
import { createRedisStore } from '../../src/storage/redis-store.js';
import { serveBenchChild } from './child.js';

/**
 * Our whole bot (Teams and, with SLACK_* set, Slack): with the lowdb store in a temp folder, or with
 * STORE=redis as one of several instances sharing Redis (REDIS_URL, REDIS_PREFIX).
 */
serveBenchChild(async () => {
  const config = loadConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent' });
  const log = createLogger({ level: 'silent' });
  let deps: AppDeps;
  let dataDir: string | undefined;
  if (config.store === 'redis') {
    const store = createRedisStore({ url: config.redis.url, prefix: config.redis.prefix });
    deps = { store, log, deduper: createRedisDeduper(store.client, { prefix: config.redis.prefix }), broadcast: createRedisBroadcast({ ...config.redis, log }) };
  } else {
    // in the project folder, like the default DATA_DIR=./data (not /tmp, which may be another file system)
    const base = path.resolve('.cache');
    mkdirSync(base, { recursive: true });
    dataDir = mkdtempSync(path.join(base, 'bench-data-'));
    deps = { store: await createLowdbStore({ dir: dataDir, sweepAtOpen: false }), log };
  }
  const app = await startApp(config, deps);
  return {
    port: app.address.port,
    close: async () => {
      await app.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
});
