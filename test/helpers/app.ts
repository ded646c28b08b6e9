import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { startApp, type App, type AppDeps } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import type { BotEvent } from '../../src/bot/events.js';
import type { Store } from '../../src/storage/port.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import { SMALL_KNOWLEDGE } from './snapshot.js';

export interface TestApp extends App {
  readonly url: string;
  readonly logs: string[];
  readonly events: BotEvent[];
  post(path: string, body: string | object, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
}

/** The real app on 127.0.0.1 and a free port, with a memory store and captured JSON logs. */
export async function startTestApp(env: Record<string, string> = {}, store: Store = createMemoryStore(), extra: Partial<Pick<AppDeps, 'deduper' | 'broadcast' | 'instanceId' | 'calls'>> = {}): Promise<TestApp> {
  const logs: string[] = [];
  const events: BotEvent[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(chunk.toString());
      cb();
    },
  });
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', KNOWLEDGE_DIR: SMALL_KNOWLEDGE, ...env });
  const app = await startApp(config, { store, log: createLogger({ level: 'debug', destination }), onEvent: (e) => events.push(e), ...extra });
  const url = `http://127.0.0.1:${app.address.port}`;
  return {
    ...app,
    url,
    logs,
    events,
    async post(path, body, headers = {}) {
      const res = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: res.status, body: await res.text() };
    },
  };
}

/** A port on 127.0.0.1 that was free a moment ago, for a process that cannot take port 0. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Polls until `check` holds (replies are sent after the HTTP response), failing after `ms`. */
export async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** nock blocks every connection except to our own server on 127.0.0.1, for the whole test file. */
export function onlyLoopback(nockLib: { disableNetConnect(): void; enableNetConnect(m?: RegExp): void; cleanAll(): void; restore(): void }): void {
  beforeAll(() => {
    nockLib.disableNetConnect();
    nockLib.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
  });
  afterAll(() => {
    nockLib.cleanAll();
    nockLib.enableNetConnect();
    // every test file loads its own nock, which wraps Node's http client again; without this the wrappers of
    // earlier files in the same jest worker stay underneath (seven deep in a full run), and requests made
    // through them leave mock sockets open after the tests
    nockLib.restore();
  });
}
