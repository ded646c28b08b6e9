import { z } from 'zod';
import { PLATFORMS } from './adapters/platforms.js';
import { bool, list, optionalText } from './env-fields.js';

/**
 * The environment, parsed and validated once into a typed, frozen config with safe defaults. Every
 * variable is documented in `.env.example`. An invalid value stops the start with a clear message.
 */

const envSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  KNOWLEDGE_DIR: z.string().default('./knowledge'),
  KNOWLEDGE_WATCH: bool,
  DATA_DIR: z.string().default('./data'),
  RETENTION_DAYS: z.coerce.number().positive().max(3650).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(256 * 1024),
  ALLOW_UNAUTHENTICATED: bool,

  ADMIN_TOKEN: optionalText,
  INSTANCE_ID: optionalText,
  EXPERT_IDS: list,
  ORGANISATION_NAME: optionalText,
  PRIVACY_CONTACT: optionalText,

  STORE: z.enum(['lowdb', 'redis']).default('lowdb'),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z.string().min(1).default('routeplanner:'),
  KNOWLEDGE_SYNC_SECONDS: z.coerce.number().min(1).max(3600).default(10),
});

export type Env = z.infer<typeof envSchema>;

/** Each platform's own settings, read by its `platform.ts` (src/adapters/platforms.ts): `config.teams`, `config.slack`. */
export type PlatformSettings = { readonly [P in (typeof PLATFORMS)[number] as P['name']]: Readonly<z.output<P['settings']>> };

export interface Config extends PlatformSettings {
  readonly host: string;
  readonly port: number;
  readonly knowledgeDir: string;
  readonly knowledgeWatch: boolean;
  readonly dataDir: string;
  readonly retentionDays: number;
  readonly logLevel: Env['LOG_LEVEL'];
  readonly maxBodyBytes: number;
  readonly allowUnauthenticated: boolean;
  /** Platform user ids of the content team's experts (EXPERT_IDS); adapters set `Actor.isExpert` from it. */
  readonly expertIds: readonly string[];
  /** Who runs this bot, for the privacy and terms pages (ORGANISATION_NAME, PRIVACY_CONTACT). */
  readonly organisation: { readonly name?: string; readonly privacyContact?: string };
  readonly adminToken?: string;
  /** Names this instance in /readyz, logs and the reload history (default: host name and process id). */
  readonly instanceId?: string;
  readonly store: 'lowdb' | 'redis';
  readonly redis: { readonly url: string; readonly prefix: string };
  /** With Redis: how often an instance checks that it runs the cluster's latest knowledge version. */
  readonly knowledgeSyncSeconds: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'CONFIG_INVALID';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const platforms = PLATFORMS.map((p) => [p.name, p.settings.safeParse(env)] as const);
  const issues = [parsed, ...platforms.map(([, r]) => r)].flatMap((r) => (r.success ? [] : r.error.issues));
  if (!parsed.success || issues.length > 0) {
    const lines = issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    host: e.HOST,
    port: e.PORT,
    knowledgeDir: e.KNOWLEDGE_DIR,
    knowledgeWatch: e.KNOWLEDGE_WATCH,
    dataDir: e.DATA_DIR,
    retentionDays: e.RETENTION_DAYS,
    logLevel: e.LOG_LEVEL,
    maxBodyBytes: e.MAX_BODY_BYTES,
    ...(Object.fromEntries(platforms.map(([name, r]) => [name, Object.freeze(r.data)])) as unknown as PlatformSettings),
    allowUnauthenticated: e.ALLOW_UNAUTHENTICATED,
    expertIds: e.EXPERT_IDS,
    organisation: Object.freeze({ name: e.ORGANISATION_NAME, privacyContact: e.PRIVACY_CONTACT }),
    adminToken: e.ADMIN_TOKEN,
    instanceId: e.INSTANCE_ID,
    store: e.STORE,
    redis: Object.freeze({ url: e.REDIS_URL, prefix: e.REDIS_PREFIX }),
    knowledgeSyncSeconds: e.KNOWLEDGE_SYNC_SECONDS,
  });
}

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
