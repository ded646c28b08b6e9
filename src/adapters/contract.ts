import type { Server } from 'restify';
import type { z } from 'zod';
import type { Bot } from '../bot/bot.js';
import type { BotEvent } from '../bot/events.js';
import type { Logger } from '../log.js';
import type { Deliverer } from '../ops/expert-outbox.js';
import type { Store } from '../storage/port.js';
import type { CallPolicy } from './call-policy.js';
import type { Deduper } from './dedupe.js';

/**
 * The adapter contract: what every chat platform gives the app, and what the app gives every platform.
 * `src/adapters/platforms.ts` lists the platforms; `src/app.ts` starts each one that its settings turn on.
 */

/** A running chat platform: routes on the shared HTTP server (or a connection of its own), started and stopped by the app. */
export interface ChatAdapter {
  /** Adds its routes to the shared HTTP server (none when it has a connection of its own, like Slack's Socket Mode). */
  register(server: Server): void;
  /** Opens its own connections, if any; called once, after `register` and before the server listens. */
  start(): Promise<void>;
  /** Closes them; called once at shutdown, after the turns in flight have finished. */
  stop(): Promise<void>;
  /** Facts for the start log (such as the mode), never secrets. */
  readonly facts: Readonly<Record<string, string | boolean>>;
  /** Posts the content team's messages on this platform (src/ops/expert-outbox.ts); none: `unsupported`. */
  readonly deliverer?: Deliverer;
}

/** What the app gives every adapter. */
export interface AdapterContext {
  /** The core, with this platform's turn metrics. */
  readonly bot: Bot;
  readonly store: Store;
  readonly log: Logger;
  /** Tracks the work of each request (which may go on after the response), so a shutdown can wait for it. */
  readonly track: <T>(work: Promise<T>) => Promise<T>;
  /** Which deliveries were already handled (shared through Redis by several instances); default: in memory. */
  readonly deduper?: Deduper;
  /** Called with every neutral event (tests compare platforms with it). */
  readonly onEvent?: (event: BotEvent) => void;
  /** Time limit and retries of outgoing platform calls; default: the platform's own policy. Tests shorten them. */
  readonly calls?: Partial<CallPolicy>;
}

/** Whether a platform's settings turn it on, and if so whether every request it accepts is authenticated. */
export type Access = 'off' | 'authenticated' | 'unauthenticated';

/**
 * A platform the app can run. It reads its own settings from the environment (they become `config.<name>`)
 * and builds its adapter. The adapter's code is imported only when the app starts it, so the command line
 * never loads a platform SDK.
 */
export interface Platform<N extends string = string, S = unknown> {
  /** Its name: the key of its settings in the config, its metrics label and the prefix of its stored keys. */
  readonly name: N;
  /** Its settings, read from the environment; a bad value stops the start with the variable's name. */
  readonly settings: z.ZodType<S>;
  access(settings: S): Access;
  /** How to turn it on (said in the log when it is off), and how to authenticate it (said when the app refuses to listen). */
  readonly hints: { readonly off?: string; readonly unauthenticated?: string };
  /** Called only when `access` is not 'off'. */
  create(settings: S, context: AdapterContext): Promise<ChatAdapter>;
}

/** Keeps a platform's name a literal type, so the config has a typed section per platform. */
export function definePlatform<const N extends string, S>(platform: Platform<N, S>): Platform<N, S> {
  return platform;
}
