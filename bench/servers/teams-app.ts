import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createLowdbStore } from '../../src/storage/lowdb-store.js';
import { serveBenchChild } from './child.js';

/** Our whole bot (Teams and, with SLACK_* set, Slack) with the lowdb store in a temp folder. */
serveBenchChild(async () => {
  const config = loadConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent' });
  const store = await createLowdbStore({ dir: mkdtempSync(path.join(tmpdir(), 'rp-bench-app-')), sweepAtOpen: false });
  const app = await startApp(config, { store, log: createLogger({ level: 'silent' }) });
  return { port: app.address.port, close: () => app.close() };
});
