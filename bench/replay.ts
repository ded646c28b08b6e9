import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { removeRedis } from './core-bench.js';
import type { RecordedCommand } from './redis-recorder.js';

/**
 * How many round trips per second Redis serves for one turn's commands: they are replayed from `connections`
 * connections for `ms`, each command awaited as the store does, each connection on its own copy of the turn's
 * keys (so writers do not conflict). A compare-and-set is replayed as one that succeeds: the copy of its key
 * holds the value the turn wrote, and the replay writes that value again, so every replayed write writes.
 * Redis's main-thread CPU time (INFO cpu) is read before and after: `redisCpu` is the share of one core it used.
 */
export async function replayRate(url: string, sample: readonly RecordedCommand[], opts: { connections?: number; ms?: number } = {}): Promise<{ perSecond: number; redisCpu: number }> {
  const prefix = `bench:replay:${process.pid}:`;
  const connections = opts.connections ?? 50;
  const admin = new Redis(url);
  const clients = Array.from({ length: connections }, () => new Redis(url));
  try {
    const copies = clients.map((_, c) => copyOf(sample, `${prefix}${c}:`));
    const pipe = admin.pipeline();
    for (const copy of copies) for (const [key, value] of copy.values) pipe.set(key, value);
    await pipe.exec();
    await Promise.all(clients.map((c) => c.ping()));

    let served = 0;
    const cpu0 = await mainThreadCpu(admin);
    const t0 = performance.now();
    const end = t0 + (opts.ms ?? 3000);
    await Promise.all(
      clients.map(async (client, c) => {
        while (performance.now() < end) {
          for (const { name, args } of copies[c]!.commands) {
            await client.call(name, ...args);
            served++;
          }
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const cpu = (await mainThreadCpu(admin)) - cpu0;
    return { perSecond: served / seconds, redisCpu: cpu / seconds };
  } finally {
    await Promise.all(clients.map((c) => c.quit()));
    await admin.quit();
    await removeRedis(prefix);
  }
}

/** The turn's commands on keys under `prefix`, and the values those keys start with. */
function copyOf(sample: readonly RecordedCommand[], prefix: string): { commands: Array<{ name: string; args: string[] }>; values: Map<string, string> } {
  const commands: Array<{ name: string; args: string[] }> = [];
  const values = new Map<string, string>();
  for (const { name, args, reply } of sample) {
    if (name === 'get') {
      const key = prefix + args[0]!;
      if (typeof reply === 'string' && !values.has(key)) values.set(key, reply);
      commands.push({ name, args: [key] });
    } else if ((name === 'evalsha' || name === 'eval') && args[1] === '1') {
      // [script, 1, key, present?, expected, new value ('' deletes), ttl]
      const [script, numKeys, key, , , next, ttl] = args as [string, string, string, string, string, string, string];
      const copy = prefix + key;
      if (next !== '') values.set(copy, next);
      commands.push({ name, args: next === '' ? [script, numKeys, copy, '0', '', '', ttl] : [script, numKeys, copy, '1', next, next, ttl] });
    } else if (name === 'set') {
      commands.push({ name, args: [prefix + args[0]!, ...args.slice(1)] });
    } else {
      commands.push({ name, args: [...args] });
    }
  }
  return { commands, values };
}

/** Seconds of CPU Redis's main thread has used (where commands run); older servers report the whole process. */
async function mainThreadCpu(admin: Redis): Promise<number> {
  const info = await admin.info('cpu');
  const field = (name: string): number | undefined => {
    const m = new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info);
    return m ? Number(m[1]) : undefined;
  };
  const user = field('used_cpu_user_main_thread') ?? field('used_cpu_user') ?? 0;
  const sys = field('used_cpu_sys_main_thread') ?? field('used_cpu_sys') ?? 0;
  return user + sys;
}
