import type { Logger } from '../log.js';
import type { StoreError, StoreErrorCode } from './port.js';

/** What a kind of store fault means, as the log line's message. */
const MEANING: Readonly<Record<StoreErrorCode, string>> = {
  STORE_CORRUPT: 'store fault: stored data is damaged; it was left untouched',
  STORE_WRITE_FAILED: 'store fault: a write failed (a full disk, or a store that refuses writes)',
  STORE_UNAVAILABLE: 'store fault: the store cannot be reached',
};

export interface FaultLog {
  /** A fault seen by `op` (get, update, delete, list, probe, background). */
  report(err: StoreError, op: string): void;
  close(): void;
}

/**
 * Store faults in the log, rate-limited per kind: the first fault of a code gives a warn line at once, with
 * the store's English message (file names, keys and error codes, never a stored value or user text); the
 * faults of that code in the next `everyMs` are counted and logged as one line when that time is over, and so
 * on each period while they go on. A full disk during a busy hour is a few dozen lines, not thousands.
 */
export function createFaultLog(log: Logger, opts: { everyMs?: number } = {}): FaultLog {
  const everyMs = opts.everyMs ?? 60_000;
  /** Codes within their quiet period, with the faults counted there. */
  const quiet = new Map<StoreErrorCode, { suppressed: number; timer: NodeJS.Timeout }>();

  function startQuietPeriod(code: StoreErrorCode): void {
    const timer = setTimeout(() => {
      const suppressed = quiet.get(code)?.suppressed ?? 0;
      quiet.delete(code);
      if (suppressed === 0) return;
      log.warn({ code, suppressed, periodMs: everyMs }, `${MEANING[code]} (${suppressed} more since the last line)`);
      startQuietPeriod(code);
    }, everyMs);
    timer.unref();
    quiet.set(code, { suppressed: 0, timer });
  }

  return {
    report(err, op) {
      const period = quiet.get(err.code);
      if (period) {
        period.suppressed++;
        return;
      }
      log.warn({ code: err.code, op, detail: err.message }, MEANING[err.code]);
      startQuietPeriod(err.code);
    },
    close() {
      for (const { timer } of quiet.values()) clearTimeout(timer);
      quiet.clear();
    },
  };
}
