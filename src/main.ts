import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './log.js';
import { KnowledgeLoadError } from './knowledge/live.js';
import { formatProblem } from './knowledge/problems.js';
import { startApp, StartupError, storeDeps } from './app.js';
import { StoreError } from './storage/port.js';

/** The composition root: the only file that knows every module. `npm start` runs it. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger({ level: config.logLevel });
  const app = await startApp(config, { log, ...(await storeDeps(config, log)) });

  // SIGHUP: reload the knowledge (the reloader logs the outcome; a broken file keeps the old version)
  process.on('SIGHUP', () => void app.reloader.reload({ by: 'signal', via: 'signal' }));

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, turnsInFlight: app.inflight.count }, 'shutting down: no new requests, finishing the turns in flight');
    app.close().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof StartupError) {
    console.error(err.message);
  } else if (err instanceof KnowledgeLoadError) {
    console.error(`Cannot start: ${err.message}:\n${err.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
  } else if (err instanceof StoreError) {
    // the store cannot be opened (folder in use, damaged journal, Redis down): its message says what to do
    console.error(`Cannot start: ${err.message} (${err.code})`);
  } else {
    console.error('Cannot start:', err);
  }
  process.exit(1);
});
