import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * The Redis store's one atomic write (see redis-store.ts, `update`): a key is set (or deleted) only if it still
 * holds exactly the raw string read before, in a Lua script run by its SHA1, sent whole when Redis lacks it.
 */

/**
 * KEYS[1] the key; ARGV[1] '1' when the key was present, ARGV[2] the raw value read then, ARGV[3] the new
 * raw value ('' deletes), ARGV[4] time to live in ms ('' for none). Returns 1 when written, 0 when the key
 * changed since it was read. A plain SET drops an earlier expiry, so "no ttl" needs no PERSIST.
 */
const CAS_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if ARGV[1] == '1' then
  if current ~= ARGV[2] then return 0 end
elseif current then
  return 0
end
if ARGV[3] == '' then
  redis.call('DEL', KEYS[1])
elseif ARGV[4] == '' then
  redis.call('SET', KEYS[1], ARGV[3])
else
  redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[4])
end
return 1
`;
const CAS_SHA = createHash('sha1').update(CAS_SCRIPT).digest('hex');

export const isReplyError = (err: unknown): err is Error => err instanceof Error && err.name === 'ReplyError';

/** True when written; false when the key changed since `expected` was read (null: it was absent). `next` null deletes. */
export async function compareAndSet(client: Redis, redisKey: string, expected: string | null, next: string | null, ttlMs: number | undefined): Promise<boolean> {
  const args = [expected === null ? '0' : '1', expected ?? '', next ?? '', ttlMs === undefined ? '' : String(ttlMs)];
  try {
    return (await client.evalsha(CAS_SHA, 1, redisKey, ...args)) === 1;
  } catch (err) {
    // the script cache is empty after a Redis restart or on a fresh server: send the script itself once
    if (!isReplyError(err) || !err.message.startsWith('NOSCRIPT')) throw err;
    return (await client.eval(CAS_SCRIPT, 1, redisKey, ...args)) === 1;
  }
}
