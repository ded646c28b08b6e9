import { hostname } from 'node:os';
import type { Request, Response, Server } from 'restify';
import { createBot, type Bot } from './bot/bot.js';
import type { AdminPort, BotObserver } from './bot/turn.js';
import type { BotEvent } from './bot/events.js';
import { isLoopback, type Config } from './config.js';
import { createBackgroundLoader } from './knowledge/background-load.js';
import { createLiveKnowledge, type LiveKnowledge } from './knowledge/live.js';
import type { Logger } from './log.js';
import { createHttpServer, listen } from './server.js';
import type { Store } from './storage/port.js';
import type { CallPolicy } from './adapters/call-policy.js';
import type { AdapterContext, ChatAdapter, Platform } from './adapters/contract.js';
import type { Deduper } from './adapters/dedupe.js';
import { PLATFORMS } from './adapters/platforms.js';
import { createInflight, type Inflight } from './ops/inflight.js';
import { instrumentBot } from './ops/instrument.js';
import { createMetrics, type Metrics } from './ops/metrics.js';
import { createRedisBroadcast, type ReloadBroadcast } from './ops/cluster.js';
import { createRedisDeduper } from './adapters/redis-dedupe.js';
import { isRedisStore, openStore } from './storage/open.js';
import { ACTIVE_KEY, createReloader, type Reloader } from './ops/reloader.js';
import type { ActiveKnowledge } from './knowledge/reload-report.js';
import { registerOpsRoutes } from './ops/routes.js';
import { registerLegalPages } from './legal/routes.js';
import { createUnansweredLog, type UnansweredLog } from './ops/unanswered.js';
import { watchKnowledge } from './ops/watch.js';
import { createOutbox, type Deliverer } from './ops/expert-outbox.js';
import { registerFeedbackMetric } from './ops/feedback-metrics.js';
import { FEEDBACK_COUNTS_KEY, type FeedbackCounts } from './bot/experts/feedback.js';

export interface App {
  readonly server: Server;
  readonly bot: Bot;
  readonly knowledge: LiveKnowledge;
  readonly store: Store;
  readonly reloader: Reloader;
  readonly metrics: Metrics;
  readonly unanswered: UnansweredLog;
  readonly inflight: Inflight;
  readonly instanceId: string;
  /** The address actually listened on (port 0 picks a free port). */
  readonly address: { host: string; port: number };
  /**
   * Graceful stop: no new requests (503 on connections still open), the turns in flight finish (up to
   * `drainMs`, default 10 s), pending counts are saved, the store is flushed and closed.
   */
  close(opts?: { drainMs?: number }): Promise<void>;
}

export interface AppDeps {
  readonly store: Store;
  readonly log: Logger;
  readonly onEvent?: (e: BotEvent) => void;
  /** Event-id markers shared by all instances (Redis); default: in memory. */
  readonly deduper?: Deduper;
  /** Default: host name and process id. */
  readonly instanceId?: string;
  /** Several instances: tells the others about a reload (Redis pub/sub); they reload the same files. */
  readonly broadcast?: ReloadBroadcast;
  /** Time limit and retries of outgoing platform calls (tests shorten them); default: each platform's own policy. */
  readonly calls?: Partial<CallPolicy>;
}

/**
 * The configured store and what goes with it: lowdb on this machine (the default), or Redis shared by several
 * instances with its event markers and reload pub/sub.
 */
export async function storeDeps(config: Config, log: Logger, opts: { sweepAtOpen?: boolean } = {}): Promise<Pick<AppDeps, 'store' | 'deduper' | 'broadcast'>> {
  const store = await openStore(config, { ...opts, log });
  if (!isRedisStore(store)) return { store };
  if (!(await store.ping())) log.warn('redis is not reachable yet: turns get a friendly error and /readyz answers 503 until it is');
  return {
    store,
    deduper: createRedisDeduper(store.client, { prefix: config.redis.prefix }),
    broadcast: createRedisBroadcast({ url: config.redis.url, prefix: config.redis.prefix, log }),
  };
}

export class StartupError extends Error {
  override readonly name = 'StartupError';
  constructor(
    readonly code: 'UNAUTHENTICATED_PUBLIC_LISTEN',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Refuses a start that would take unauthenticated requests from other machines: a platform that is on without
 * authentication (Teams without an app id) accepts any request, so only a loopback address will do (or
 * ALLOW_UNAUTHENTICATED=true on a trusted test network). A platform that is off (TEAMS_ENABLED=false) has no
 * entrance at all, and every Slack request is signed.
 */
export function checkListenAddress(config: Config): void {
  const open = PLATFORMS.filter((platform) => accessOf(platform, config) === 'unauthenticated');
  if (open.length > 0 && !isLoopback(config.host) && !config.allowUnauthenticated) {
    throw new StartupError(
      'UNAUTHENTICATED_PUBLIC_LISTEN',
      `refusing to listen on ${config.host} without authentication: ${open.map((p) => `${p.hints.unauthenticated ?? `authenticate ${p.name}`}`).join(', ')}, or, for a trusted test network only, ALLOW_UNAUTHENTICATED=true`,
    );
  }
}

/**
 * Builds and starts the whole bot from a config: knowledge -> store -> core -> adapters -> server. Used by
 * main.ts and by the integration tests (with port 0 and a temp data folder).
 */
export async function startApp(config: Config, deps: AppDeps): Promise<App> {
  const { log, store } = deps;
  checkListenAddress(config);
  const loader = createBackgroundLoader();
  const knowledge = await createLiveKnowledge(config.knowledgeDir, { loader });
  const snapshot = knowledge.current();
  const instanceId = deps.instanceId ?? config.instanceId ?? `${hostname()}:${process.pid}`;
  log.info({ version: snapshot.version, concepts: snapshot.concepts.length, dialogues: snapshot.dialogues.length, instance: instanceId }, 'knowledge loaded');

  const metrics = createMetrics();
  const inflight = createInflight();
  const unanswered = createUnansweredLog({ store, log });
  const { broadcast } = deps;
  const reloader = createReloader({
    knowledge, store, log, metrics,
    // only the instance where the reload was asked for tells the others
    onChanged: (report) => {
      if (report.via !== 'peer' && report.via !== 'sync') void broadcast?.publish({ version: report.version, instance: instanceId });
    },
  });
  await reloader.recordStart(instanceId);
  const stopSync = broadcast ? await followPeers(broadcast, reloader, store, instanceId, config.knowledgeSyncSeconds * 1000, log) : undefined;
  const admin: AdminPort = {
    reload: (actor) => reloader.reload({ by: `${actor.name}, ${actor.id}`, via: 'chat' }),
    status: () => reloader.status(),
    unanswered: (limit) => unanswered.top(limit),
    refused: (actor, command) => log.warn({ actor: actor.id, command }, 'admin command refused: not an admin'),
  };
  const observer: BotObserver = {
    lookup(result) {
      metrics.lookup(result.outcome);
      if (result.outcome !== 'match') unanswered.note(result.query, result.outcome);
    },
  };
  // filled below by the adapters that deliver the content team's messages; others answer `unsupported`
  const deliverers: Record<string, Deliverer> = {};
  const experts = createOutbox(deliverers, log);
  const bot = createBot({ knowledge, store, retentionDays: config.retentionDays, admin, observer, experts });
  registerFeedbackMetric(metrics.registry, { read: () => store.get<FeedbackCounts>(FEEDBACK_COUNTS_KEY), conceptIds: () => knowledge.current().conceptsById });

  const server = createHttpServer({ maxBodyBytes: config.maxBodyBytes, log });
  server.pre((req: Request, res: Response, next: (err?: false) => void) => {
    // shutting down: connections still open get a clear 503 instead of a turn that may be cut off
    if (inflight.draining && req.getPath() !== '/healthz' && req.getPath() !== '/readyz') {
      res.header('Retry-After', '5');
      res.send(503, { error: 'shutting down' });
      next(false);
      return;
    }
    next();
  });
  registerOpsRoutes(server, { knowledge, store, metrics, reloader, inflight, log, adminToken: config.adminToken, instanceId });
  registerLegalPages(server, { organisation: config.organisation.name, contact: config.organisation.privacyContact, retentionDays: config.retentionDays });
  const track = <T>(work: Promise<T>): Promise<T> => inflight.track(work);
  const adapters: ChatAdapter[] = [];
  for (const platform of PLATFORMS) {
    const context: AdapterContext = { bot: instrumentBot(bot, platform.name, metrics), store, log, track, onEvent: deps.onEvent, deduper: deps.deduper, calls: deps.calls };
    const adapter = await startPlatform(platform, config, server, context);
    if (adapter) adapters.push(adapter);
    if (adapter?.deliverer) deliverers[platform.name] = adapter.deliverer;
  }
  if (adapters.length === 0) log.warn('no platform is on: Teams is off (TEAMS_ENABLED=false) and Slack has no SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET');
  const watcher = config.knowledgeWatch
    ? watchKnowledge(config.knowledgeDir, () => void reloader.reload({ by: 'watch', via: 'watch' }), { log })
    : undefined;
  if (watcher) log.info({ dir: config.knowledgeDir }, 'watching the knowledge folder for changes');

  const address = await listen(server, config.host, config.port);
  log.info({ host: address.host, port: address.port }, 'listening');
  return {
    server,
    bot,
    knowledge,
    store,
    reloader,
    metrics,
    unanswered,
    inflight,
    instanceId,
    address,
    async close(opts = {}) {
      watcher?.close();
      stopSync?.();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const left = await inflight.drain(opts.drainMs ?? 10_000);
      if (left > 0) log.warn({ turns: left }, 'shutdown: turns still running after the drain time');
      // keep-alive connections (a load balancer's) would hold the close open until the client drops them
      server.server.closeIdleConnections();
      for (const adapter of adapters) await adapter.stop();
      await closed;
      await unanswered.close();
      await broadcast?.close();
      await loader.close();
      await store.close();
    },
  };
}

/** A platform's access, from its section of the config. */
function accessOf<N extends string, S>(platform: Platform<N, S>, config: Readonly<Record<N, S>>) {
  return platform.access(config[platform.name]);
}

/** Starts a platform whose settings turn it on: its adapter, its routes on the server, its own connections. */
async function startPlatform<N extends string, S>(platform: Platform<N, S>, config: Readonly<Record<N, S>>, server: Server, context: AdapterContext): Promise<ChatAdapter | undefined> {
  const settings = config[platform.name];
  if (platform.access(settings) === 'off') {
    context.log.info({ platform: platform.name }, `${platform.name} adapter off${platform.hints.off ? `: ${platform.hints.off}` : ''}`);
    return undefined;
  }
  const adapter = await platform.create(settings, context);
  adapter.register(server);
  await adapter.start();
  context.log.info({ platform: platform.name, ...adapter.facts }, `${platform.name} adapter on`);
  return adapter;
}

/**
 * Follows reloads done by other instances: at once through the broadcast, and, for a message missed while
 * the connection was down, by comparing with the cluster's last successful load in the store every
 * `checkMs`. Each target version is tried once, so an instance whose own files differ does not reload in a loop.
 */
async function followPeers(broadcast: ReloadBroadcast, reloader: Reloader, store: Store, instanceId: string, checkMs: number, log: Logger): Promise<() => void> {
  let lastTarget = reloader.active().version;
  const follow = (version: string, by: string, via: 'peer' | 'sync'): void => {
    if (version === reloader.active().version || version === lastTarget) return;
    lastTarget = version;
    void reloader.reload({ by, via });
  };
  await broadcast.subscribe((m) => {
    if (m.instance !== instanceId) follow(m.version, m.instance, 'peer');
  });
  const timer = setInterval(() => {
    store.get<ActiveKnowledge>(ACTIVE_KEY).then(
      (active) => active && follow(active.version, active.loadedBy, 'sync'),
      () => log.debug('knowledge sync check skipped: store unavailable'),
    );
  }, checkMs);
  timer.unref();
  return () => clearInterval(timer);
}
