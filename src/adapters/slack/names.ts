import type { Logger } from '../../log.js';
import { describeError } from '../turn.js';
import { withTimeLimit } from '../../time-limit.js';
import { slackError } from './web-api-errors.js';

/**
 * People's display names, from `users.info`: Slack payloads carry only a user id (a mention, a thread reply) or
 * a login handle (slash commands, clicks), and a group session shows the lead's and, when named, every member's
 * name. Names are cached per user (an hour; a failed look-up five minutes, so an outage is not asked again on
 * every turn), at most `maxUsers` at a time. A turn waits at most `waitMs` for a name: after that, and when the
 * look-up fails, the turn goes on with what the payload had (the handle, else the id), and a late answer still
 * fills the cache for the next turn.
 */
export interface DisplayNames {
  /** The user's display name, or `fallback` when Slack does not say in time. */
  nameOf(user: string, fallback: string): Promise<string>;
}

export interface DisplayNamesOptions {
  /** `users.info` for one user: the name to show, or undefined when the profile has none. */
  readonly lookUp: (user: string) => Promise<string | undefined>;
  readonly log: Logger;
  readonly ttlMs?: number;
  readonly failedTtlMs?: number;
  readonly waitMs?: number;
  readonly maxUsers?: number;
  readonly now?: () => number;
}

interface Cached {
  readonly name: string | undefined;
  readonly until: number;
}

export function createDisplayNames(opts: DisplayNamesOptions): DisplayNames {
  const ttl = opts.ttlMs ?? 60 * 60 * 1000;
  const failedTtl = opts.failedTtlMs ?? 5 * 60 * 1000;
  const waitMs = opts.waitMs ?? 1500;
  const max = opts.maxUsers ?? 20_000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, Cached>();
  const pending = new Map<string, Promise<string | undefined>>();

  function remember(user: string, name: string | undefined, forMs: number): void {
    cache.delete(user);
    cache.set(user, { name, until: now() + forMs });
    // the oldest entries go first (a Map keeps insertion order)
    while (cache.size > max) cache.delete(cache.keys().next().value as string);
  }

  function lookUp(user: string): Promise<string | undefined> {
    const running = pending.get(user);
    if (running) return running;
    const call = opts.lookUp(user).then(
      (name) => {
        remember(user, name, ttl);
        return name;
      },
      (err: unknown) => {
        // the name is a courtesy: the turn goes on with the id, and the log says why
        opts.log.warn({ platform: 'slack', slackError: slackError(err), ...describeError(err) }, 'slack display name not found');
        remember(user, undefined, failedTtl);
        return undefined;
      },
    );
    pending.set(user, call);
    void call.finally(() => pending.delete(user));
    return call;
  }

  return {
    async nameOf(user, fallback) {
      const cached = cache.get(user);
      if (cached && cached.until > now()) return cached.name ?? fallback;
      return (await withTimeLimit(lookUp(user), waitMs, () => undefined)) ?? fallback;
    },
  };
}

/** The name Slack shows for a user: the display name they chose, else their full name, else their handle. */
export function profileName(user: { name?: string; real_name?: string; profile?: { display_name?: string; real_name?: string } } | undefined): string | undefined {
  const name = [user?.profile?.display_name, user?.profile?.real_name, user?.real_name, user?.name].find((n) => typeof n === 'string' && n.trim());
  return name?.trim();
}
