import type { Redis } from 'ioredis';
import { withTimeLimit } from '../time-limit.js';

/**
 * The event deduper shared by several instances: a Slack or Teams redelivery may reach another instance
 * than the first delivery, so the marker lives in Redis (`SET prefix dedupe:<id> 1 PX ttl NX`).
 */
export interface RedisDeduper {
  /**
   * True the first time an id is seen within the time window, by any instance. When Redis fails or does not
   * answer within `timeoutMs`, also true: answering an event twice is better than never answering it.
   */
  firstDelivery(id: string): Promise<boolean>;
}

export interface RedisDeduperOptions {
  /** Key namespace, default 'routeplanner:' (the store's, so one prefix covers all the bot's keys). */
  readonly prefix?: string;
  /** How long an id is remembered; default 1 hour. */
  readonly ttlMs?: number;
  /**
   * How long to wait for Redis, default 1,000 ms: the platform wants its 200 within seconds, whatever the
   * client's own timeouts are.
   */
  readonly timeoutMs?: number;
}

/** `client` stays the caller's: e.g. the Redis store's client, which fails fast while Redis is down. */
export function createRedisDeduper(client: Redis, opts: RedisDeduperOptions = {}): RedisDeduper {
  const prefix = `${opts.prefix ?? 'routeplanner:'}dedupe:`;
  const ttlMs = Math.max(1, Math.ceil(opts.ttlMs ?? 60 * 60 * 1000));
  const timeoutMs = opts.timeoutMs ?? 1000;
  return {
    async firstDelivery(id) {
      const marked = client.set(prefix + id, '1', 'PX', ttlMs, 'NX').then(
        (reply) => reply === 'OK', // null: the marker was already there
        () => true,
      );
      return withTimeLimit(marked, timeoutMs, () => true);
    },
  };
}
