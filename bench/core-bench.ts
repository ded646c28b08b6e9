import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBot } from '../src/bot/bot.js';
import { encodeAction } from '../src/bot/actions.js';
import type { Reply } from '../src/bot/replies.js';
import { createLiveKnowledge } from '../src/knowledge/live.js';
import { createLowdbStore } from '../src/storage/lowdb-store.js';
import { ms, percentile, table } from './stats.js';

/**
 * Core turn latency (no HTTP) with the lowdb store already holding 100, 10,000 and 100,000 conversations:
 * lookup turns (a concept question; reads the user's state) and dialogue turns (an answer; one atomic write).
 * Target: p99 at 100,000 within 2x of p99 at 100.
 */
const QUESTIONS = ['wat is de sociale basis?', 'wmo', 'vijf knopen', 'betaalbre soc. kwaliteit', 'wat werkt tegen eenzaamheid', 'mantelzorg', 'hoe zit t met de wmo', 'subsidie'];

/** Writes `n` conversation files the way the lowdb store lays them out (fast: no store involved). */
function populate(dir: string, n: number): void {
  const value = { active: { id: 'x', dialogueId: 'vijf-knoppen-scan', dialogueTitle: 'Zelfscan', hash: 'h', stepId: 'k2-score', history: ['k1-score', 'k1-extra'], answers: { 'k1-score': { value: { kind: 'scale', score: 3 }, title: 'Visie', prompt: 'p'.repeat(200), display: '3' } }, startedAt: 0, updatedAt: 0 } };
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

async function measure(size: number, knowledgeDir: string): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rp-core-bench-'));
  try {
    populate(dir, size);
    const store = await createLowdbStore({ dir, sweepAtOpen: false });
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
    return [size.toLocaleString('en'), String(l.length), ms(percentile(l, 50)), ms(percentile(l, 99)), String(a.length), ms(percentile(a, 50)), ms(percentile(a, 99))];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function coreBench(knowledgeDir = path.resolve('knowledge'), sizes: readonly number[] = [100, 10_000, 100_000]): Promise<string> {
  await measure(100, knowledgeDir); // warm up the JIT and the file system cache
  const rows: string[][] = [];
  for (const size of sizes) rows.push(await measure(size, knowledgeDir));
  const p99 = (row: string[]): number => Number(row[6]);
  const ratio = rows.length > 1 ? p99(rows.at(-1)!) / p99(rows[0]!) : NaN;
  return [
    '### Core turn latency with the lowdb store (no HTTP; ms)',
    '',
    table(['stored conversations', 'lookup turns', 'lookup p50', 'lookup p99', 'dialogue turns', 'dialogue p50', 'dialogue p99'], rows),
    '',
    `Dialogue-turn p99 at ${rows.at(-1)![0]} vs ${rows[0]![0]} conversations: ${ratio.toFixed(2)}x (target: at most 2x).`,
  ].join('\n');
}
