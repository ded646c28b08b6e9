import type { BackgroundLoader } from './background-load.js';
import { loadKnowledge } from './load.js';
import type { Problem } from './problems.js';
import type { KnowledgeSnapshot } from './snapshot.js';

/** The live knowledge: one immutable snapshot, swapped whole by a reload that validated completely. */
export interface LiveKnowledge {
  current(): KnowledgeSnapshot;
  /** Loads and validates a new snapshot; swaps it in only when it is valid. */
  reload(): Promise<{ ok: true; snapshot: KnowledgeSnapshot; previous: KnowledgeSnapshot } | { ok: false; problems: readonly Problem[]; warnings: readonly Problem[] }>;
}

export class KnowledgeLoadError extends Error {
  override readonly name = 'KnowledgeLoadError';
  readonly code = 'KNOWLEDGE_INVALID';
  constructor(readonly problems: readonly Problem[]) {
    super(`the knowledge is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'})`);
  }
}

/**
 * The first load runs in one go (nothing to answer yet); reloads use `loader` when given (a worker thread
 * and an index built in slices, so the bot keeps answering meanwhile).
 */
export async function createLiveKnowledge(dir: string, opts: { loader?: BackgroundLoader } = {}): Promise<LiveKnowledge> {
  const first = await loadKnowledge(dir);
  if (!first.ok) throw new KnowledgeLoadError(first.problems);
  let live = first.snapshot;
  return {
    current: () => live,
    async reload() {
      const next = opts.loader ? await opts.loader.load(dir) : await loadKnowledge(dir);
      if (!next.ok) return { ok: false, problems: next.problems, warnings: next.warnings };
      const previous = live;
      live = next.snapshot;
      return { ok: true, snapshot: live, previous };
    },
  };
}
