import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBot } from '../src/bot/bot.js';
import { encodeAction } from '../src/bot/actions.js';
import type { Reply } from '../src/bot/replies.js';
import { createLiveKnowledge } from '../src/knowledge/live.js';
import { Redis } from 'ioredis';
import { createLowdbStore } from '../src/storage/lowdb-store.js';
import type { Store } from '../src/storage/port.js';
import { createRedisStore } from '../src/storage/redis-store.js';
import { ms, percentile, table } from './stats.js';

/**
 * Core turn latency (no HTTP) with the lowdb store and the Redis store (127.0.0.1:6379) already holding
 * 100, 10,000 and 100,000 conversations: lookup turns (a concept question; reads the user's state) and
 * dialogue turns (an answer; one atomic write). Target: p99 at 100,000 within 2x of p99 at 100.
 */
const QUESTIONS = ['wat is de sociale basis?', 'wmo', 'vijf knopen', 'betaalbre soc. kwaliteit', 'wat werkt tegen eenzaamheid', 'mantelzorg', 'hoe zit t met de wmo', 'subsidie'];

const STORED_VALUE = { active: { id: 'x', dialogueId: 'vijf-knoppen-scan', dialogueTitle: 'Zelfscan', hash: 'h', stepId: 'k2-score', history: ['k1-score', 'k1-extra'], answers: { 'k1-score': { value: { kind: 'scale', score: 3 }, title: 'Visie', prompt: 'p'.repeat(200), display: '3' } }, startedAt: 0, updatedAt: 0 } };

/** Writes `n` conversation files the way the lowdb store lays them out (fast: no store involved). */
function populate(dir: string, n: number): void {
  const value = STORED_VALUE;
  const made = new Set<string>();
  for (let i = 0; i < n; i++) {
    const key = `user:bench-${i}:conv:c${i}`;
    const shard = createHash('sha1').update(key).digest('hex').slice(0, 2);
    if (!made.has(shard)) {
      mkdirSync(path.join(dir, shard), { recursive: true });
      made.add(shard);
    }
    writeFileSync(path.join(dir, shard, `${encodeURIComponent(key)}.json`), JSON.stringify({ key, value }));
  }
}

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** Writes `n` conversations into Redis the way the Redis store keeps them (pipelined, no store involved). */
async function populateRedis(prefix: string, n: number): Promise<void> {
  const client = new Redis(REDIS_URL);
  const raw = JSON.stringify({ v: STORED_VALUE });
  for (let i = 0; i < n; i += 5000) {
    const pipe = client.pipeline();
    for (let k = i; k < Math.min(n, i + 5000); k++) pipe.set(`${prefix}user:bench-${k}:conv:c${k}`, raw);
    await pipe.exec();
  }
  await client.quit();
}

/** Removes every key with `prefix` (SCAN, so a big Redis is not blocked). */
export async function removeRedis(prefix: string): Promise<void> {
  const client = new Redis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 5000);
    if (keys.length > 0) await client.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
  await client.quit();
}

type StoreKind = 'lowdb' | 'redis';

/** A store of `kind` already holding `size` conversations, and how to remove it afterwards. */
async function populatedStore(kind: StoreKind, size: number): Promise<{ store: Store; cleanup(): Promise<void> }> {
  if (kind === 'redis') {
    const prefix = `bench:${process.pid}:${size}:`;
    await populateRedis(prefix, size);
    return { store: createRedisStore({ url: REDIS_URL, prefix }), cleanup: () => removeRedis(prefix) };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'rp-core-bench-'));
  populate(dir, size);
  return { store: await createLowdbStore({ dir, sweepAtOpen: false }), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function measure(kind: StoreKind, size: number, knowledgeDir: string): Promise<string[]> {
  const { store, cleanup } = await populatedStore(kind, size);
  try {
    const bot = createBot({ knowledge: await createLiveKnowledge(knowledgeDir), store });
    const conversation = { key: 'bench', scope: 'personal' as const };
    const lookups: number[] = [];
    const answers: number[] = [];
    const time = async (into: number[], fn: () => Promise<Reply[]>): Promise<Reply[]> => {
      const t0 = performance.now();
      const r = await fn();
      into.push(performance.now() - t0);
      return r;
    };
    for (let u = 0; u < 60; u++) {
      const actor = { id: `runner-${u}`, name: `Lid ${u}`, isAdmin: false };
      for (const text of QUESTIONS) await time(lookups, () => bot.handle({ kind: 'message', conversation, actor, text }));
      let replies = await bot.handle({ kind: 'action', conversation, actor, payload: encodeAction({ a: 'start', d: 'vijf-knoppen-scan' }) });
      for (let step = 0; step < 14; step++) {
        const q = replies.find((r) => r.kind === 'question');
        if (!q || q.kind !== 'question') break;
        const input = q.input;
        if (input.kind === 'scale' || input.kind === 'choice') replies = await time(answers, () => bot.handle({ kind: 'action', conversation, actor, payload: input.options[2]!.payload }));
        else if (input.kind === 'text') replies = await time(answers, () => bot.handle({ kind: 'action', conversation, actor, payload: input.submit.payload, text: 'Een antwoord' }));
        else break;
      }
    }
    await store.close();
    const [l, a] = [lookups.sort((x, y) => x - y), answers.sort((x, y) => x - y)];
    return [kind, size.toLocaleString('en'), String(l.length), ms(percentile(l, 50)), ms(percentile(l, 99)), String(a.length), ms(percentile(a, 50)), ms(percentile(a, 99))];
  } finally {
    await cleanup();
  }
}

export async function coreBench(knowledgeDir = path.resolve('knowledge'), sizes: readonly number[] = [100, 10_000, 100_000]): Promise<string> {
  const kinds: StoreKind[] = ['lowdb', 'redis'];
  for (const kind of kinds) await measure(kind, 100, knowledgeDir); // warm up the JIT, the file system cache, Redis
  const rows: string[][] = [];
  for (const kind of kinds) for (const size of sizes) rows.push(await measure(kind, size, knowledgeDir));
  const [small, large] = [sizes[0]!, sizes.at(-1)!];
  const growth = (kind: StoreKind) => `${kind} ${(cell(kind, large, 7) / cell(kind, small, 7)).toFixed(2)}x`;
  const sizeLabel = (n: number) => n.toLocaleString('en');
  const cell = (kind: StoreKind, size: number, column: number) => Number(rows.find((r) => r[0] === kind && r[1] === sizeLabel(size))![column]);
  const ratioOf = (column: number, size: number) => (cell('redis', size, column) / cell('lowdb', size, column)).toFixed(2);
  return [
    '### Core turn latency and per-turn state cost, lowdb vs Redis (no HTTP; ms)',
    '',
    table(['store', 'stored conversations', 'lookup turns', 'lookup p50', 'lookup p99', 'dialogue turns', 'dialogue p50', 'dialogue p99'], rows),
    '',
    `Dialogue-turn p99 at ${sizeLabel(large)} vs ${sizeLabel(small)} conversations: ${growth('lowdb')}, ${growth('redis')} (target: at most 2x).`,
    `Redis vs lowdb at ${sizeLabel(large)} conversations, p50: lookup turns ${ratioOf(4, large)}x (a Redis round trip where lowdb reads its in-memory cache), dialogue turns ${ratioOf(6, large)}x (a Redis round trip where lowdb appends a line to its journal).`,
  ].join('\n');
}
