import { Redis } from 'ioredis';
import type { Logger } from '../log.js';

/**
 * Tells the other instances that the knowledge changed: Redis pub/sub on `<prefix>knowledge`, with the new
 * version and the instance that reloaded. Pub/sub is fire-and-forget (an instance that is reconnecting at
 * that moment misses it), so the app also compares its version with the store's record now and then.
 */
export interface ReloadMessage {
  readonly version: string;
  readonly instance: string;
}

export interface ReloadBroadcast {
  publish(message: ReloadMessage): Promise<void>;
  subscribe(handler: (message: ReloadMessage) => void): Promise<void>;
  close(): Promise<void>;
}

export function createRedisBroadcast(opts: { url: string; prefix: string; log: Logger }): ReloadBroadcast {
  const channel = `${opts.prefix}knowledge`;
  const options = { maxRetriesPerRequest: 1, retryStrategy: (times: number) => Math.min(times * 200, 2000), disconnectTimeout: 200 };
  // a subscribed connection can do nothing else, so publishing needs its own
  const pub = new Redis(opts.url, { ...options, enableOfflineQueue: false, lazyConnect: true });
  const sub = new Redis(opts.url, { ...options, lazyConnect: true });
  let warned = false;
  const onError = (): void => {
    if (!warned) opts.log.warn('redis pub/sub connection lost; reloads reach other instances at their next check');
    warned = true;
  };
  pub.on('error', onError);
  sub.on('error', onError);
  sub.on('ready', () => (warned = false));

  return {
    async publish(message) {
      try {
        if (pub.status === 'wait') await pub.connect();
        await pub.publish(channel, JSON.stringify(message));
      } catch {
        onError();
      }
    },
    async subscribe(handler) {
      sub.on('message', (ch: string, raw: string) => {
        if (ch !== channel) return;
        try {
          const m = JSON.parse(raw) as Partial<ReloadMessage>;
          if (typeof m.version === 'string' && typeof m.instance === 'string') handler({ version: m.version, instance: m.instance });
        } catch {
          // not ours: ignore
        }
      });
      // (re)subscribe on every connection, also when Redis was down at start
      sub.on('ready', () => void sub.subscribe(channel).catch(onError));
      await sub.connect().catch(onError);
    },
    async close() {
      // quit() on a connection that never came up would first try to connect: just drop those
      await Promise.allSettled([pub, sub].map((c) => (c.status === 'ready' ? c.quit() : Promise.resolve(c.disconnect()))));
    },
  };
}
