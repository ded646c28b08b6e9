import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { KnowledgeSource } from '../bot/turn.js';
import type { Logger } from '../log.js';
import type { Store } from '../storage/port.js';
import { isWatchedStore, type StoreHealth } from '../storage/watched-store.js';
import { withTimeLimit } from '../time-limit.js';
import type { Inflight } from './inflight.js';
import type { Metrics } from './metrics.js';
import type { Reloader } from './reloader.js';

/**
 * Operations over HTTP: `GET /readyz`, `GET /metrics`, and `POST /admin/reload` (only when ADMIN_TOKEN is
 * set). `/healthz` (alive) lives in server.ts.
 */
export interface OpsRouteDeps {
  readonly knowledge: KnowledgeSource;
  readonly store: Store;
  readonly metrics: Metrics;
  readonly reloader: Reloader;
  readonly inflight: Inflight;
  readonly log: Logger;
  readonly adminToken?: string;
  /** Shown in /readyz so a load balancer's view of several instances can be told apart. */
  readonly instanceId: string;
  /** Longest wait for the store's health check (ms). */
  readonly pingTimeoutMs?: number;
}

export function registerOpsRoutes(server: Server, deps: OpsRouteDeps): void {
  server.get('/readyz', async (_req: Request, res: Response) => {
    const store = await storeHealth(deps.store, deps.pingTimeoutMs ?? 1000);
    const snapshot = deps.knowledge.current(); // one snapshot, so version and counts belong together
    const ready = store === 'ok' && !deps.inflight.draining;
    res.send(ready ? 200 : 503, {
      status: ready ? 'ready' : 'not ready',
      instance: deps.instanceId,
      knowledge: { version: snapshot.version, concepts: snapshot.concepts.length },
      store,
      ...(deps.inflight.draining ? { shuttingDown: true } : {}),
    });
  });

  server.get('/metrics', async (_req: Request, res: Response) => {
    const { contentType, body } = await deps.metrics.render();
    res.setHeader('content-type', contentType);
    res.sendRaw(200, body);
  });

  const token = deps.adminToken;
  if (!token) return; // the route does not exist without a token: 404, nothing to guess
  const want = digest(token);
  server.post('/admin/reload', async (req: Request, res: Response) => {
    const header = String(req.header('authorization') ?? '');
    const given = /^Bearer (.+)$/i.exec(header)?.[1] ?? '';
    // compare digests in constant time: neither the length nor a prefix of the token leaks through timing
    if (!timingSafeEqual(digest(given), want)) {
      deps.log.warn({ route: '/admin/reload', hasAuthorization: header !== '' }, 'admin reload refused: missing or wrong token');
      res.header('WWW-Authenticate', 'Bearer');
      res.send(401, { error: 'unauthorized' });
      return;
    }
    const report = await deps.reloader.reload({ by: 'http', via: 'http' });
    res.send(report.ok ? 200 : 422, report);
  });
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * The store's health: a watched store also says when its writes fail; any store that does not answer its
 * ping (false, an error, or no answer within `ms`) is unavailable.
 */
async function storeHealth(store: Store, ms: number): Promise<StoreHealth> {
  const check = isWatchedStore(store) ? store.health() : store.ping().then((ok): StoreHealth => (ok ? 'ok' : 'unavailable'));
  return withTimeLimit(check.catch((): StoreHealth => 'unavailable'), ms, (): StoreHealth => 'unavailable');
}
