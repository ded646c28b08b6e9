import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readAndValidate, snapshotOf, type ValidationResult } from './load.js';
import { createSearchIndexInSlices, type NameAnalysis } from './search.js';
import type { DescriptionAnalysis } from './description-index.js';
import type { LoadResult } from './snapshot.js';

/**
 * Loads a knowledge folder without holding up the event loop: reading, parsing and validating run in a
 * worker thread, and the search index is built on this thread in small slices. A reload of 10,000
 * concepts then costs the lookups running meanwhile next to nothing (see `npm run bench -- reload`).
 *
 * The worker runs the compiled `load-worker.js` next to this file. Where there is none (the TypeScript
 * sources under jest), or when the worker fails, the validation runs on this thread instead: slower for
 * others meanwhile, same result.
 */
export interface BackgroundLoader {
  load(dir: string): Promise<LoadResult>;
  /** True when loads run in a worker thread. */
  readonly threaded: boolean;
  close(): Promise<void>;
}

interface Validated {
  readonly result: ValidationResult;
  readonly analysed?: NameAnalysis[][];
  readonly described?: DescriptionAnalysis[];
}

export function createBackgroundLoader(opts: { workerFile?: string; sliceMs?: number } = {}): BackgroundLoader {
  const workerFile = opts.workerFile ?? fileURLToPath(new URL('./load-worker.js', import.meta.url));
  const threaded = existsSync(workerFile);
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve(r: Validated): void; reject(e: Error): void }>();

  function failAll(err: Error): void {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    worker = undefined;
  }

  function ensureWorker(): Worker {
    if (worker) return worker;
    const w = new Worker(workerFile);
    w.unref(); // an idle loader never keeps the process alive
    w.on('message', (m: { id: number; result?: ValidationResult; analysed?: NameAnalysis[][]; described?: DescriptionAnalysis[]; error?: string }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.result) p?.resolve({ result: m.result, analysed: m.analysed, described: m.described });
      else p?.reject(new Error(m.error ?? 'knowledge worker failed'));
    });
    w.on('error', (err) => failAll(err));
    w.on('exit', () => failAll(new Error('knowledge worker stopped')));
    worker = w;
    return w;
  }

  const onThisThread = async (dir: string): Promise<Validated> => ({ result: await readAndValidate(dir) });

  function validate(dir: string): Promise<Validated> {
    if (!threaded) return onThisThread(dir);
    const id = nextId++;
    const result = new Promise<Validated>((resolve, reject) => pending.set(id, { resolve, reject }));
    ensureWorker().postMessage({ id, dir });
    return result.catch(() => onThisThread(dir));
  }

  return {
    threaded,
    async load(dir) {
      const { result, analysed, described } = await validate(dir);
      if (!result.ok) return result;
      const index = await createSearchIndexInSlices(result.knowledge.concepts, { sliceMs: opts.sliceMs, analysed, described, synonyms: result.knowledge.synonyms });
      return { ok: true, snapshot: snapshotOf(result.knowledge, index) };
    },
    async close() {
      const w = worker;
      worker = undefined;
      await w?.terminate();
    },
  };
}
