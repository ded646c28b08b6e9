import { Redis } from 'ioredis';
import { createKeyedMutex } from './keyed-mutex.js';
import { compareAndSet, isReplyError } from './redis-cas.js';
import { StoreError, type Store, type WriteOptions } from './port.js';

/**
 * The shared store for several instances: one Redis string per key, holding the JSON envelope
 * `{"v": value, "e": expiresAt}`. Reads go by the store's clock (`e <= now()` is absent, so tests can move
 * time forward); Redis itself deletes expired keys (PX), so nothing needs sweeping.
 *
 * `update` is a compare-and-set: read the raw string, let `fn` compute the new value, then a Lua script
 * writes only if the key still holds exactly that string, else we read again and retry (so `fn` may run
 * more than once and must not have side effects). That works on one connection (WATCH is per connection,
 * so concurrent WATCH transactions on a shared connection would interfere) and across processes. Within one
 * process updates of a key are also queued, so they don't conflict with each other for nothing.
 *
 * Redis down: every operation fails fast with STORE_UNAVAILABLE (no offline queue, command timeout), and the
 * client reconnects by itself, so the store works again as soon as Redis is back.
 */

export interface RedisStoreOptions {
  /** E.g. redis://127.0.0.1:6379/0 (ignored when `client` is given). */
  readonly url: string;
  /** Key namespace: every Redis key is prefix + key. Default 'routeplanner:'. */
  readonly prefix?: string;
  /** Clock for expiry (tests move it forward). Default Date.now. */
  readonly now?: () => number;
  /** Default 2,000 ms; also the connect timeout. */
  readonly commandTimeoutMs?: number;
  /**
   * An existing client, which close() leaves open. Give it the same fail-fast options as below
   * (enableOfflineQueue: false, commandTimeout), or operations may wait while Redis is down; and an
   * 'error' listener, which is the owner's job.
   */
  readonly client?: Redis;
}

export interface RedisStore extends Store {
  /** The connection, e.g. to share with the event deduper. */
  readonly client: Redis;
}

interface Envelope {
  readonly v: unknown;
  readonly e?: number;
}

const MAX_ATTEMPTS = 50;
const SCAN_COUNT = 500;

/** Statuses in which the client is on its way to 'ready' (as opposed to known to be down or closed). */
const CONNECTING = new Set(['wait', 'connecting', 'connect']);

/** Redis glob (SCAN MATCH) treats * ? [ ] and \ as special. */
const escapeGlob = (s: string): string => s.replace(/[*?[\]\\]/g, '\\$&');

/**
 * Synchronous: the connection is made in the background. Operations issued before it is ready wait for it
 * (at most the command timeout); after that they fail fast while Redis is unreachable.
 */
export function createRedisStore(opts: RedisStoreOptions): RedisStore {
  const prefix = opts.prefix ?? 'routeplanner:';
  const now = opts.now ?? Date.now;
  const timeoutMs = opts.commandTimeoutMs ?? 2000;
  const owned = opts.client === undefined;
  const client =
    opts.client ??
    new Redis(opts.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: timeoutMs,
      commandTimeout: timeoutMs,
      // a command the caller already saw fail must not be sent again, and maybe applied, after a reconnect
      autoResendUnfulfilledCommands: false,
      retryStrategy: (times) => Math.min(times * 200, 2000),
      // ioredis arms this timer on disconnect even when the socket is already gone (Redis down), and it keeps
      // the process alive that long; a live connection closes well within it
      disconnectTimeout: 200,
    });
  // without a listener ioredis prints every connection error; failures reach callers as StoreErrors instead
  if (owned) client.on('error', () => undefined);

  const mutex = createKeyedMutex();
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    void work.catch(() => undefined).finally(() => inFlight.delete(work));
    return work;
  };

  let connecting: Promise<void> | undefined;
  /** Without an offline queue, commands sent before 'ready' fail at once, so wait for the first connection. */
  function ready(): Promise<void> {
    if (client.status === 'ready') return Promise.resolve();
    if (!CONNECTING.has(client.status)) return Promise.reject(new StoreError('STORE_UNAVAILABLE', `Redis is not reachable (${client.status})`));
    if (client.status === 'wait') void client.connect().catch(() => undefined); // a lazyConnect client
    connecting ??= new Promise<void>((resolve, reject) => {
      const done = (err?: StoreError): void => {
        clearTimeout(timer);
        client.off('ready', onReady).off('close', onClose).off('end', onClose);
        connecting = undefined;
        if (err) reject(err);
        else resolve();
      };
      const onReady = (): void => done();
      const onClose = (): void => done(new StoreError('STORE_UNAVAILABLE', 'Redis is not reachable (connection refused or closed)'));
      const timer = setTimeout(() => done(new StoreError('STORE_UNAVAILABLE', `Redis is not reachable (no connection within ${timeoutMs} ms)`)), timeoutMs);
      client.on('ready', onReady).on('close', onClose).on('end', onClose);
    });
    return connecting;
  }

  /** Runs Redis commands once connected; every failure becomes a StoreError. */
  async function redis<T>(what: string, work: () => Promise<T>, failure: 'read' | 'write' = 'read'): Promise<T> {
    await ready();
    try {
      return await work();
    } catch (err) {
      if (err instanceof StoreError) throw err;
      if (isReplyError(err) && err.message.startsWith('WRONGTYPE')) {
        throw new StoreError('STORE_CORRUPT', `Redis ${what}: the key holds no string; it was left untouched`, { cause: err });
      }
      // a reply error on a write is Redis refusing it (OOM, READONLY, MISCONF); anything else is the connection
      const code = isReplyError(err) && failure === 'write' ? 'STORE_WRITE_FAILED' : 'STORE_UNAVAILABLE';
      throw new StoreError(code, `Redis ${what} failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  }

  function decode(key: string, raw: string): Envelope {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (err) {
      throw new StoreError('STORE_CORRUPT', `the Redis value of ${key} is not JSON; it was left untouched`, { cause: err });
    }
    if (typeof parsed !== 'object' || parsed === null || !('v' in parsed) || ('e' in parsed && typeof parsed.e !== 'number')) {
      throw new StoreError('STORE_CORRUPT', `the Redis value of ${key} is not a store entry; it was left untouched`);
    }
    return parsed as Envelope;
  }

  const live = (envelope: Envelope): boolean => envelope.e === undefined || envelope.e > now();

  /** The value (a fresh copy, straight from JSON), or undefined when absent or expired. */
  function valueOf<T>(key: string, raw: string | null): T | undefined {
    if (raw === null) return undefined;
    const envelope = decode(key, raw);
    return live(envelope) ? (envelope.v as T) : undefined;
  }

  const backoff = (attempt: number): Promise<void> => new Promise((r) => setTimeout(r, Math.random() * Math.min(2 + attempt * 2, 50)));

  return {
    client,
    get<T>(key: string) {
      return track(redis('GET', async () => valueOf<T>(key, await client.get(prefix + key))));
    },
    update<T>(key: string, fn: (current: T | undefined) => T | undefined, options: WriteOptions = {}) {
      const redisKey = prefix + key;
      return track(
        mutex.run(key, async () => {
          for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            const raw = await redis('GET', () => client.get(redisKey));
            // a damaged value throws here, before anything is written
            const next = fn(valueOf<T>(key, raw));
            if (next === undefined && raw === null) return undefined;
            const { ttlMs } = options;
            const envelope: Envelope | undefined = next === undefined ? undefined : ttlMs === undefined ? { v: next } : { v: next, e: now() + ttlMs };
            const encoded = envelope === undefined ? null : JSON.stringify(envelope);
            // Redis expiry only collects garbage (the clock decides); PX needs a positive integer
            const ttl = envelope === undefined || ttlMs === undefined ? undefined : Math.max(1, Math.ceil(ttlMs));
            if (await redis('write', () => compareAndSet(client, redisKey, raw, encoded, ttl), 'write')) {
              return encoded === null ? undefined : (JSON.parse(encoded) as Envelope).v as T;
            }
            // another process wrote the key in between: read again, a little later so the writers spread out
            await backoff(attempt);
          }
          throw new StoreError('STORE_WRITE_FAILED', `Redis update of ${key} kept conflicting with other writers (${MAX_ATTEMPTS} attempts)`);
        }),
      );
    },
    delete(key: string) {
      return track(mutex.run(key, () => redis('DEL', async () => void (await client.del(prefix + key)), 'write')));
    },
    list(keyPrefix: string) {
      return track(
        redis('SCAN', async () => {
          const pattern = `${escapeGlob(prefix + keyPrefix)}*`;
          const found = new Set<string>(); // SCAN may return a key more than once
          let cursor = '0';
          do {
            const [nextCursor, keys] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', SCAN_COUNT);
            for (const k of keys) found.add(k);
            cursor = nextCursor;
          } while (cursor !== '0');
          const keys = [...found];
          const result: string[] = [];
          for (let i = 0; i < keys.length; i += SCAN_COUNT) {
            const batch = keys.slice(i, i + SCAN_COUNT);
            const raws = await client.mget(...batch);
            batch.forEach((redisKey, j) => {
              const raw = raws[j];
              if (raw === null || raw === undefined) return; // deleted since the scan
              let keep = true;
              try {
                keep = live(decode(redisKey, raw));
              } catch {
                // a damaged entry counts as live: get and update report it, list does not hide it
              }
              if (keep) result.push(redisKey.slice(prefix.length));
            });
          }
          return result;
        }),
      );
    },
    async ping() {
      try {
        return (await redis('PING', () => client.ping())) === 'PONG';
      } catch {
        return false;
      }
    },
    async close() {
      await Promise.allSettled([...inFlight]);
      if (!owned) return;
      // QUIT lets Redis answer what is still pending; a client that is not connected is just stopped
      if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    },
  };
}
