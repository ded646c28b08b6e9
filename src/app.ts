import type { Server } from 'restify';
import { createBot, type Bot } from './bot/bot.js';
import type { BotEvent } from './bot/events.js';
import { isLoopback, type Config } from './config.js';
import { createLiveKnowledge, type LiveKnowledge } from './knowledge/live.js';
import type { Logger } from './log.js';
import { createHttpServer, listen } from './server.js';
import type { Store } from './storage/port.js';
import { createTeamsAdapter } from './adapters/teams/adapter.js';
import { createSlackAdapter } from './adapters/slack/adapter.js';

export interface App {
  readonly server: Server;
  readonly bot: Bot;
  readonly knowledge: LiveKnowledge;
  readonly store: Store;
  /** The address actually listened on (port 0 picks a free port). */
  readonly address: { host: string; port: number };
  close(): Promise<void>;
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
 * Builds and starts the whole bot from a config: knowledge -> store -> core -> adapters -> server. Used by
 * main.ts and by the integration tests (with port 0 and a temp data folder).
 */
export async function startApp(config: Config, deps: { store: Store; log: Logger; onEvent?: (e: BotEvent) => void }): Promise<App> {
  const { log, store } = deps;
  const authenticated = Boolean(config.teams.appId);
  if (!authenticated && !isLoopback(config.host) && !config.allowUnauthenticated) {
    throw new StartupError(
      'UNAUTHENTICATED_PUBLIC_LISTEN',
      `refusing to listen on ${config.host} without authentication: set MicrosoftAppId (and its password) or, for a trusted test network only, ALLOW_UNAUTHENTICATED=true`,
    );
  }
  const knowledge = await createLiveKnowledge(config.knowledgeDir);
  const snapshot = knowledge.current();
  log.info({ version: snapshot.version, concepts: snapshot.concepts.length, dialogues: snapshot.dialogues.length }, 'knowledge loaded');

  const bot = createBot({ knowledge, store, retentionDays: config.retentionDays });
  const server = createHttpServer({ maxBodyBytes: config.maxBodyBytes, log });
  const teams = createTeamsAdapter({ bot, config: config.teams, store, log, onEvent: deps.onEvent });
  teams.register(server);
  const slack = createSlackAdapter({ bot, config: config.slack, store, log, onEvent: deps.onEvent });
  if (slack) {
    slack.register(server);
    await slack.start();
    log.info({ mode: slack.mode }, 'slack adapter on');
  } else {
    log.info('slack adapter off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to enable it');
  }
  if (!authenticated) {
    log.warn('LOCAL MODE: no MicrosoftAppId configured, so Teams requests are NOT authenticated. Use this only on your own machine or a trusted test network.');
  }

  const address = await listen(server, config.host, config.port);
  log.info({ host: address.host, port: address.port }, 'listening');
  return {
    server,
    bot,
    knowledge,
    store,
    address,
    async close() {
      await slack?.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
