/**
 * The storage port the core declares. Implementations: memory (tests), lowdb (embedded default, one small
 * file per key), Redis (several instances). Values are plain JSON data.
 */
export interface Store {
  /** The value, or undefined when absent or expired. */
  get<T>(key: string): Promise<T | undefined>;
  /**
   * Atomic read-modify-write of one key: concurrent updates of the same key never lose each other's
   * changes. `fn` gets the current value (undefined when absent or expired) and returns the new value,
   * or undefined to delete the key. Resolves once the new value is durably written (lowdb: fsynced; Redis:
   * as durable as its `appendfsync` setting makes it).
   */
  update<T>(key: string, fn: (current: T | undefined) => T | undefined, opts?: WriteOptions): Promise<T | undefined>;
  delete(key: string): Promise<void>;
  /** Keys (not expired) that start with `prefix`, in no particular order. */
  list(prefix: string): Promise<string[]>;
  /** Reachable (for /readyz; watched-store.ts adds whether writes work). */
  ping(): Promise<boolean>;
  /** Waits for pending writes, then releases resources. */
  close(): Promise<void>;
}

export interface WriteOptions {
  /** Time to live from now, in milliseconds. Absent: keep until deleted. */
  readonly ttlMs?: number;
}

export type StoreErrorCode = 'STORE_UNAVAILABLE' | 'STORE_CORRUPT' | 'STORE_WRITE_FAILED';

/** The store failed in a way the turn cannot work around; the message is English, for logs. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
