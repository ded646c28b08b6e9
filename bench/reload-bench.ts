import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setImmediate as tick } from 'node:timers/promises';
import { stringify } from 'yaml';
import { createBackgroundLoader } from '../src/knowledge/background-load.js';
import { createLiveKnowledge, type LiveKnowledge } from '../src/knowledge/live.js';
import { generateConcepts, oneTypo } from './generate-concepts.js';
import { ms, percentile, seededRandom, table } from './stats.js';

/**
 * Knowledge reload (read, parse, validate, index, swap) for 100, 1,000 and 10,000 generated concepts, and
 * lookup latency while reloads run back to back against the same without reloads, in one run. Lookup
 * latency here is what a user would see: from the moment the lookup is due until its answer, so time spent
 * waiting behind a reload's work on the event loop counts.
 */
const FILE_SIZE = 100;

function writeKnowledge(n: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rp-reload-bench-'));
  mkdirSync(path.join(dir, 'concepts'));
  const concepts = generateConcepts(n).map((c) => ({ ...c, sources: [{ title: 'Bron', url: 'https://www.movisie.nl/' }] }));
  for (let i = 0; i < concepts.length; i += FILE_SIZE) {
    writeFileSync(path.join(dir, 'concepts', `deel-${String(i / FILE_SIZE).padStart(3, '0')}.yaml`), stringify({ concepts: concepts.slice(i, i + FILE_SIZE) }));
  }
  return dir;
}

async function reloadTimes(knowledge: LiveKnowledge, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = await knowledge.reload();
    times.push(performance.now() - t0);
    if (!r.ok) throw new Error(`bench knowledge invalid: ${r.problems[0]?.message}`);
  }
  return times.sort((a, b) => a - b);
}

const ROUNDS = 4;
const WINDOW_MS = 600;

/** Lookups one after another for `durationMs`; each is timed from when it was due (before yielding). */
async function lookupLoop(knowledge: LiveKnowledge, queries: readonly string[], durationMs: number): Promise<number[]> {
  const times: number[] = [];
  const end = performance.now() + durationMs;
  let i = 0;
  while (performance.now() < end) {
    const due = performance.now();
    await tick(); // give the event loop (and a running reload) its turn, as a new request would have to
    knowledge.current().index.compute(queries[i++ % queries.length]!);
    times.push(performance.now() - due);
  }
  return times.sort((a, b) => a - b);
}

export async function reloadBench(sizes: readonly number[] = [100, 1000, 10_000], loadSize = 1000): Promise<string> {
  const rows: string[][] = [];
  const dirs: string[] = [];
  // the app's loader: validation in a worker thread, the index built in slices on the main thread
  const loader = createBackgroundLoader();
  try {
    for (const size of sizes) {
      const dir = writeKnowledge(size);
      dirs.push(dir);
      const knowledge = await createLiveKnowledge(dir, { loader });
      const times = await reloadTimes(knowledge, size >= 10_000 ? 3 : 7);
      rows.push([size.toLocaleString('en'), String(times.length), ms(percentile(times, 50)), ms(times.at(-1)!)]);
    }

    const dir = writeKnowledge(loadSize);
    dirs.push(dir);
    const knowledge = await createLiveKnowledge(dir, { loader });
    const rnd = seededRandom(7);
    const concepts = generateConcepts(loadSize);
    const queries = Array.from({ length: 200 }, () => oneTypo(concepts[Math.floor(rnd() * concepts.length)]!.term, rnd));
    await lookupLoop(knowledge, queries, 300); // warm up
    // quiet and busy windows take turns, so both see the same moments of this shared, noisy machine (one quiet
    // window first and one busy window after differed by up to 1.6x in p99 on their own); after each busy
    // window the last reload finishes and the loop pauses, so the quiet window does not pay for it
    const quiet: number[] = [];
    const busy: number[] = [];
    let reloads = 0;
    for (let round = 0; round < ROUNDS; round++) {
      quiet.push(...(await lookupLoop(knowledge, queries, WINDOW_MS)));
      let running = true;
      const reloading = (async () => {
        while (running) {
          await knowledge.reload();
          reloads++;
        }
      })();
      busy.push(...(await lookupLoop(knowledge, queries, WINDOW_MS)));
      running = false;
      await reloading;
      await new Promise((r) => setTimeout(r, 300));
    }
    quiet.sort((a, b) => a - b);
    busy.sort((a, b) => a - b);
    const ratio = percentile(busy, 99) / percentile(quiet, 99);
    const r1000 = rows.find((r) => r[0] === '1,000');
    return [
      `### Knowledge reload (read, parse and validate ${loader.threaded ? 'in a worker thread' : 'on the main thread'}, index in slices, swap; ms)`,
      '',
      table(['concepts', 'reloads', 'p50', 'max'], rows),
      '',
      r1000 ? `Reload of 1,000 concepts: p50 ${r1000[2]} ms (target: under 300 ms).` : '',
      '',
      `### Lookup latency during reloads (${loadSize.toLocaleString('en')} concepts, one-typo queries; ms from due to answered)`,
      '',
      table(
        ['', 'lookups', 'p50', 'p99', 'max'],
        [
          [`quiet (${ROUNDS} windows of ${WINDOW_MS} ms)`, String(quiet.length), ms(percentile(quiet, 50)), ms(percentile(quiet, 99)), ms(quiet.at(-1)!)],
          [`${reloads} reloads back to back (${ROUNDS} windows of ${WINDOW_MS} ms, between quiet ones)`, String(busy.length), ms(percentile(busy, 50)), ms(percentile(busy, 99)), ms(busy.at(-1)!)],
        ],
      ),
      '',
      `Lookup p99 during reloads vs quiet: ${ratio.toFixed(2)}x (target: within 2x).`,
    ].join('\n');
  } finally {
    await loader.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}
