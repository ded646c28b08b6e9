import { z } from 'zod';

/**
 * The environment, parsed and validated once into a typed, frozen config with safe defaults. Every
 * variable is documented in `.env.example`. An invalid value stops the start with a clear message.
 */

/** A yes/no switch; unset or empty means `byDefault`. */
const flag = (byDefault: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
    .optional()
    .transform((v) => (v === undefined || v === '' ? byDefault : v === 'true' || v === '1' || v === 'yes'));

const bool = flag(false);

const list = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean));

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

const envSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  KNOWLEDGE_DIR: z.string().default('./knowledge'),
  KNOWLEDGE_WATCH: bool,
  DATA_DIR: z.string().default('./data'),
  RETENTION_DAYS: z.coerce.number().positive().max(3650).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(256 * 1024),

  TEAMS_ENABLED: flag(true),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: optionalText,
  ALLOW_UNAUTHENTICATED: bool,
  TEAMS_ADMIN_IDS: list,

  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: optionalText,
  SLACK_ADMIN_IDS: list,

  /** Who may answer questions for the content team: platform user ids (AAD object ids, Slack user ids); admins may too. */
  EXPERT_IDS: list,

  ADMIN_TOKEN: optionalText,
  INSTANCE_ID: optionalText,
  ORGANISATION_NAME: optionalText,
  PRIVACY_CONTACT: optionalText,

  STORE: z.enum(['lowdb', 'redis']).default('lowdb'),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z.string().min(1).default('routeplanner:'),
  KNOWLEDGE_SYNC_SECONDS: z.coerce.number().min(1).max(3600).default(10),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly knowledgeDir: string;
  readonly knowledgeWatch: boolean;
  readonly dataDir: string;
  readonly retentionDays: number;
  readonly logLevel: Env['LOG_LEVEL'];
  readonly maxBodyBytes: number;
  readonly teams: {
    /** false: no `POST /api/messages` at all (a Slack-only bot), so no unauthenticated entrance either. */
    readonly enabled: boolean;
    readonly appId?: string;
    readonly appPassword?: string;
    readonly appType: Env['MicrosoftAppType'];
    readonly tenantId?: string;
    readonly adminIds: readonly string[];
  };
  readonly allowUnauthenticated: boolean;
  readonly slack: {
    readonly botToken?: string;
    readonly signingSecret?: string;
    readonly appToken?: string;
    readonly apiUrl?: string;
    readonly adminIds: readonly string[];
  };
  /** Platform user ids of the content team's experts (EXPERT_IDS); adapters set `Actor.isExpert` from it. */
  readonly expertIds: readonly string[];
  readonly adminToken?: string;
  /** Names this instance in /readyz, logs and the reload history (default: host name and process id). */
  readonly instanceId?: string;
  /** Who offers the bot and whom to ask about privacy, for `GET /privacy` and `GET /voorwaarden` (unset: the pages say so). */
  readonly organisation: { readonly name?: string; readonly privacyContact?: string };
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
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
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
    teams: Object.freeze({ enabled: e.TEAMS_ENABLED, appId: e.MicrosoftAppId, appPassword: e.MicrosoftAppPassword, appType: e.MicrosoftAppType, tenantId: e.MicrosoftAppTenantId, adminIds: e.TEAMS_ADMIN_IDS }),
    allowUnauthenticated: e.ALLOW_UNAUTHENTICATED,
    slack: Object.freeze({ botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, appToken: e.SLACK_APP_TOKEN, apiUrl: e.SLACK_API_URL, adminIds: e.SLACK_ADMIN_IDS }),
    expertIds: e.EXPERT_IDS,
    adminToken: e.ADMIN_TOKEN,
    instanceId: e.INSTANCE_ID,
    organisation: Object.freeze({ name: e.ORGANISATION_NAME, privacyContact: e.PRIVACY_CONTACT }),
    store: e.STORE,
    redis: Object.freeze({ url: e.REDIS_URL, prefix: e.REDIS_PREFIX }),
    knowledgeSyncSeconds: e.KNOWLEDGE_SYNC_SECONDS,
  });
}

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
