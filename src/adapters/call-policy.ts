/**
 * How outgoing platform calls are limited, the same idea on every platform: an attempt ends after a time
 * without an answer, a failure that may pass (a 429, a 5xx, a dropped connection) is retried a few times
 * with short, growing pauses, and then the call fails with a typed error, so the turn ends with a log line
 * instead of waiting for minutes. Each platform picks its numbers (Slack: `WEB_API`, Teams: `CONNECTOR`).
 */
export interface CallPolicy {
  /** Retries after the first attempt and their pauses (ms), in the shape of p-retry's options, which Slack's Web API client takes as is. */
  readonly retries: RetryPauses;
  /** An attempt ends after this long without a byte from the other side (ms). */
  readonly timeoutMs: number;
}

export interface RetryPauses {
  readonly retries: number;
  readonly factor: number;
  readonly minTimeout: number;
  readonly maxTimeout: number;
  /** Each pause times a random factor between 1 and 2, so clients that failed together do not retry together. */
  readonly randomize?: boolean;
}

/** The pause before retry number `attempt` (0 for the first retry), as p-retry computes it. */
export function retryPause(pauses: RetryPauses, attempt: number, random: () => number = Math.random): number {
  const spread = pauses.randomize ? random() + 1 : 1;
  return Math.min(Math.round(spread * Math.max(pauses.minTimeout, 1) * pauses.factor ** attempt), pauses.maxTimeout);
}

/** A platform call that did not succeed within its policy. Its message names the host, never a token or a body. */
export class PlatformCallError extends Error {
  override readonly name = 'PlatformCallError';
  constructor(
    /** CALL_TIMEOUT: no answer within the time limit; CALL_UNREACHABLE: no connection, or it closed; CALL_FAILED: the server kept answering 429 or 5xx. */
    readonly code: 'CALL_TIMEOUT' | 'CALL_UNREACHABLE' | 'CALL_FAILED',
    message: string,
    readonly host: string,
    readonly attempts: number,
    readonly status?: number,
  ) {
    super(message);
  }
}
