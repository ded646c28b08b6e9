import type { Config } from '../config.js';
import { loadKnowledge } from '../knowledge/load.js';
import { formatProblem } from '../knowledge/problems.js';
import type { ActiveKnowledge, ReloadAttempt } from '../knowledge/reload-report.js';
import { ACTIVE_KEY, RELOAD_HISTORY_KEY } from '../ops/reloader.js';
import { rankUnanswered, UNANSWERED_KEY, type StoredUnanswered } from '../ops/unanswered.js';
import { openStore } from '../storage/open.js';
import type { Store } from '../storage/port.js';
import type { Io } from './knowledge-cli.js';

/**
 * `routeplanner status` and `routeplanner unanswered`: what the running bot recorded in its store (the same
 * DATA_DIR or Redis as the bot), read directly; the CLI needs no running bot and changes nothing.
 */

/** The result of `work`, or undefined (reported) when the store cannot be read. */
export async function withStore<T>(config: Config, io: Io, work: (store: Store) => Promise<T>): Promise<{ value: T } | undefined> {
  // read only, without a sweep of expired entries: the bot may be running on the same data folder, and only it writes there
  const store = await openStore(config, { sweepAtOpen: false, readOnly: true });
  try {
    return { value: await work(store) };
  } catch (err) {
    io.err(`Cannot read the store (${config.store === 'redis' ? config.redis.url : config.dataDir}): ${(err as { code?: string }).code ?? (err as Error).message}\n`);
    return undefined;
  } finally {
    await store.close();
  }
}

export async function statusCommand(config: Config, json: boolean, io: Io): Promise<number> {
  const disk = await loadKnowledge(config.knowledgeDir);
  const recorded = await withStore(config, io, async (store) => ({
    active: (await store.get<ActiveKnowledge>(ACTIVE_KEY)) ?? null,
    attempts: (await store.get<ReloadAttempt[]>(RELOAD_HISTORY_KEY)) ?? [],
  }));
  if (!recorded) return 1;
  const { active, attempts } = recorded.value;
  const onDisk = disk.ok
    ? { ok: true, version: disk.snapshot.version, concepts: disk.snapshot.concepts.length, dialogues: disk.snapshot.dialogues.length }
    : { ok: false, errors: disk.problems };
  if (json) {
    io.out(`${JSON.stringify({ active, disk: onDisk, attempts: attempts.slice(0, 20) })}\n`);
    return 0;
  }
  io.out(
    active
      ? `Active knowledge: version ${active.version} (${active.concepts} concepts, ${active.dialogues} dialogues), loaded ${active.loadedAt} by ${active.loadedBy} (${active.via}).\n`
      : 'Active knowledge: no load recorded yet (has the bot run with this store?).\n',
  );
  if (disk.ok) {
    const same = active?.version === disk.snapshot.version;
    io.out(`Files in ${config.knowledgeDir}: version ${disk.snapshot.version}${active ? (same ? ' (the active version)' : ' (NOT active yet: reload to use them)') : ''}.\n`);
  } else {
    io.out(`Files in ${config.knowledgeDir}: INVALID, a reload would fail and keep the active version (${disk.problems.length} problems):\n`);
    for (const p of disk.problems.slice(0, 20)) io.out(`  ${formatProblem(p)}\n`);
  }
  io.out(attempts.length === 0 ? 'No reload attempts recorded.\n' : 'Last attempts (newest first):\n');
  for (const a of attempts.slice(0, 10)) {
    const result = a.ok ? `ok, version ${a.version}${a.changes ? `, ${a.changes} change${a.changes === 1 ? '' : 's'}` : ''}` : `FAILED (${a.errors ?? 0} errors), ${a.version} stayed active`;
    io.out(`  ${a.at}  ${a.via.padEnd(6)}  by ${a.by}: ${result} (${a.durationMs} ms)\n`);
  }
  return 0;
}

export async function unansweredCommand(config: Config, limit: number, json: boolean, io: Io): Promise<number> {
  const stored = await withStore(config, io, (store) => store.get<StoredUnanswered>(UNANSWERED_KEY));
  if (!stored) return 1;
  const list = rankUnanswered(stored.value ?? {}, limit);
  if (json) {
    io.out(`${JSON.stringify({ unanswered: list })}\n`);
    return 0;
  }
  if (list.length === 0) {
    io.out('No unanswered questions counted yet (the bot saves its counts every few seconds).\n');
    return 0;
  }
  io.out('Questions without a confident answer, most asked first (count, last asked, outcome):\n');
  for (const q of list) io.out(`  ${String(q.count).padStart(5)}  ${q.lastSeen}  ${q.outcome === 'suggest' ? 'suggested' : 'no answer'}  ${q.query}\n`);
  io.out('Add a concept, or the question as an alias of an existing one, then reload the knowledge.\n');
  return 0;
}
