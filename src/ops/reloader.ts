import type { LiveKnowledge } from '../knowledge/live.js';
import { formatProblem } from '../knowledge/problems.js';
import {
  attemptOf, diffSnapshots, type ActiveKnowledge, type KnowledgeStatus, type ReloadAttempt, type ReloadReport, type ReloadVia,
} from '../knowledge/reload-report.js';
import type { KnowledgeSnapshot } from '../knowledge/snapshot.js';
import { errorCode, type Logger } from '../log.js';
import type { Store } from '../storage/port.js';
import type { Metrics } from './metrics.js';

export type { ActiveKnowledge, KnowledgeStatus } from '../knowledge/reload-report.js';

/**
 * Every way of reloading the knowledge (chat, HTTP, SIGHUP, file watching, another instance) goes through
 * here: one reload at a time, a report of what changed or exactly what is wrong, every attempt recorded.
 * The swap itself is LiveKnowledge's: a new snapshot is built and validated whole, then replaces the old one
 * in one assignment, so a turn sees the old or the new version, never a mix.
 */

export interface Reloader {
  reload(trigger: { readonly by: string; readonly via: ReloadVia }): Promise<ReloadReport>;
  active(): ActiveKnowledge;
  status(limit?: number): Promise<KnowledgeStatus>;
  /** Records the first load (at start) in the history. */
  recordStart(by: string): Promise<void>;
}

export const RELOAD_HISTORY_KEY = 'ops:reloads';
export const ACTIVE_KEY = 'ops:active';
const HISTORY_SIZE = 50;
const MAX_LOGGED_PROBLEMS = 50;

export interface ReloaderDeps {
  readonly knowledge: LiveKnowledge;
  readonly store: Store;
  readonly log: Logger;
  readonly metrics?: Metrics;
  readonly now?: () => number;
  /** Called after every successful reload that changed the version (pub/sub to other instances). */
  readonly onChanged?: (report: ReloadReport & { ok: true }) => void;
}

export function createReloader(deps: ReloaderDeps): Reloader {
  const now = deps.now ?? Date.now;
  const first = deps.knowledge.current();
  let active: ActiveKnowledge = describe(first, new Date(now()).toISOString(), 'start', 'start');
  deps.metrics?.knowledge(first.version, first.concepts.length, first.dialogues.length);
  let queue: Promise<unknown> = Promise.resolve();

  async function record(attempt: ReloadAttempt, activeRecord?: ActiveKnowledge): Promise<void> {
    // the history is a convenience for admins: a store failure must never fail or undo the reload itself
    try {
      await deps.store.update<ReloadAttempt[]>(RELOAD_HISTORY_KEY, (list) => [attempt, ...(list ?? [])].slice(0, HISTORY_SIZE));
      if (activeRecord) await deps.store.update<ActiveKnowledge>(ACTIVE_KEY, () => activeRecord);
    } catch (err) {
      deps.log.warn({ err: errorCode(err) }, 'could not record the reload attempt');
    }
  }

  async function run(by: string, via: ReloadVia): Promise<ReloadReport> {
    const started = now();
    const at = new Date(started).toISOString();
    const result = await deps.knowledge.reload();
    const durationMs = now() - started;
    let report: ReloadReport;
    if (!result.ok) {
      report = { ok: false, at, by, via, durationMs, activeVersion: deps.knowledge.current().version, errors: result.problems, warnings: result.warnings };
      // every trigger (SIGHUP and file watching too) leaves the problems in the log, where an admin looks first
      for (const p of result.problems.slice(0, MAX_LOGGED_PROBLEMS)) deps.log.warn({ via, problem: formatProblem(p) }, 'knowledge problem');
      deps.log.warn({ via, by, errors: result.problems.length, version: report.activeVersion }, 'knowledge reload failed; the previous version stays active');
    } else {
      const { snapshot, previous } = result;
      report = {
        ok: true, at, by, via, durationMs,
        version: snapshot.version,
        previousVersion: previous.version,
        changed: snapshot.version !== previous.version,
        counts: { concepts: snapshot.concepts.length, dialogues: snapshot.dialogues.length },
        ...diffSnapshots(previous, snapshot),
        warnings: snapshot.warnings,
      };
      active = describe(snapshot, at, by, via);
      deps.metrics?.knowledge(snapshot.version, snapshot.concepts.length, snapshot.dialogues.length);
      deps.log.info({ via, by, version: snapshot.version, previous: previous.version, durationMs }, 'knowledge reloaded');
    }
    deps.metrics?.reload(report.ok, via);
    // a peer following our broadcast records nothing: the instance that reloaded did
    if (via !== 'peer' && via !== 'sync') await record(attemptOf(report), report.ok ? active : undefined);
    if (report.ok && report.changed) deps.onChanged?.(report);
    return report;
  }

  return {
    reload({ by, via }) {
      const next = queue.then(() => run(by, via));
      queue = next.catch(() => undefined);
      return next;
    },
    active: () => active,
    async status(limit = 10) {
      let attempts: ReloadAttempt[] = [];
      try {
        attempts = ((await deps.store.get<ReloadAttempt[]>(RELOAD_HISTORY_KEY)) ?? []).slice(0, limit);
      } catch (err) {
        deps.log.warn({ err: errorCode(err) }, 'could not read the reload history');
      }
      return { active, attempts };
    },
    async recordStart(by) {
      active = { ...active, loadedBy: by };
      await record({ at: active.loadedAt, by, via: 'start', ok: true, version: active.version, durationMs: 0, changes: 0 }, active);
    },
  };
}

function describe(snapshot: KnowledgeSnapshot, at: string, by: string, via: ReloadVia): ActiveKnowledge {
  return { version: snapshot.version, loadedAt: at, loadedBy: by, via, concepts: snapshot.concepts.length, dialogues: snapshot.dialogues.length };
}
