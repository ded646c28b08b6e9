import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startApp, storeDeps } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { serveBenchChild } from './child.js';

/**
 * Our whole bot (Teams and, with SLACK_* set, Slack): with the lowdb store in a temp folder, or with
 * STORE=redis as one of several instances sharing Redis (REDIS_URL, REDIS_PREFIX).
 */
serveBenchChild(async () => {
  const env = loadConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent' });
  const log = createLogger({ level: 'silent' });
  // lowdb data in the project folder, like the default DATA_DIR=./data (not /tmp, which may be another file system)
  const base = path.resolve('.cache');
  mkdirSync(base, { recursive: true });
  const dataDir = mkdtempSync(path.join(base, 'bench-data-'));
  const config = { ...env, dataDir };
  const app = await startApp(config, { log, ...(await storeDeps(config, log, { sweepAtOpen: false })) });
  return {
    port: app.address.port,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
});
