import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Structured JSON logs. We log codes, ids and sizes, never message text or tokens; the redaction below
 * is a safety net for anything that slips through (headers, payloads, config objects).
 */
export const REDACT_PATHS = [
  'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization', 'req.headers.authorization',
  'token', '*.token', 'password', '*.password', 'appPassword', '*.appPassword', 'secret', '*.secret',
  'signingSecret', '*.signingSecret', 'botToken', '*.botToken', 'appToken', '*.appToken', 'adminToken', '*.adminToken',
  'text', '*.text', 'body', '*.body', 'payload', '*.payload', 'value', '*.value',
  'req.headers["x-slack-signature"]', 'headers["x-slack-signature"]',
];

/** What to log of an error: its code (ENOSPC, STORE_UNAVAILABLE) or name, never its message or stack. */
export function errorCode(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { code?: unknown; name?: unknown };
    if (typeof e.code === 'string') return e.code;
    if (typeof e.name === 'string') return e.name;
  }
  return 'UNKNOWN';
}

export function createLogger(opts: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    { level: opts.level ?? 'info', redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { app: 'routeplanner-bot' } },
    opts.destination,
  );
}
