import type { Problem } from './problems.js';
import type { KnowledgeSnapshot } from './snapshot.js';

/**
 * What a reload did, as data: the chat renders it in Dutch, `POST /admin/reload` returns it as JSON, the
 * reload history keeps a summary. Ids only, never content.
 */

/** How a reload was asked for. `start`: the first load; `peer`: another instance reloaded (Redis pub/sub). */
export type ReloadVia = 'start' | 'chat' | 'http' | 'signal' | 'watch' | 'peer' | 'sync' | 'cli';

export interface IdChanges {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

interface ReportBase {
  /** ISO time the attempt started. */
  readonly at: string;
  /** Who asked: an actor id (`teams:...`, `slack:T:U`), `http`, `signal`, `watch`, or an instance id. */
  readonly by: string;
  readonly via: ReloadVia;
  readonly durationMs: number;
  readonly warnings: readonly Problem[];
}

export interface ReloadSuccess extends ReportBase {
  readonly ok: true;
  readonly version: string;
  readonly previousVersion: string;
  /** False when the files were identical to the active version (nothing swapped in). */
  readonly changed: boolean;
  readonly counts: { readonly concepts: number; readonly dialogues: number };
  readonly concepts: IdChanges;
  readonly dialogues: IdChanges;
}

export interface ReloadFailure extends ReportBase {
  readonly ok: false;
  /** The version that stays active. */
  readonly activeVersion: string;
  readonly errors: readonly Problem[];
}

export type ReloadReport = ReloadSuccess | ReloadFailure;

/** The active version of one instance and where it came from. */
export interface ActiveKnowledge {
  readonly version: string;
  readonly loadedAt: string;
  readonly loadedBy: string;
  readonly via: ReloadVia;
  readonly concepts: number;
  readonly dialogues: number;
}

export interface KnowledgeStatus {
  /** What this instance answers with. */
  readonly active: ActiveKnowledge;
  /** The latest attempts over all instances sharing the store, newest first. */
  readonly attempts: readonly ReloadAttempt[];
}

/** One line of the reload history (kept in the store, shown by `status`). */
export interface ReloadAttempt {
  readonly at: string;
  readonly by: string;
  readonly via: ReloadVia;
  readonly ok: boolean;
  /** The new version on success, the version that stayed active on failure. */
  readonly version: string;
  readonly durationMs: number;
  /** Number of errors on failure; of added + changed + removed items on success. */
  readonly errors?: number;
  readonly changes?: number;
}

/** Which concepts and dialogues were added, changed or removed between two snapshots (sorted ids). */
export function diffSnapshots(before: KnowledgeSnapshot, after: KnowledgeSnapshot): { concepts: IdChanges; dialogues: IdChanges } {
  const conceptHash = (s: KnowledgeSnapshot) => new Map(s.concepts.map((c) => [c.id, JSON.stringify(c)]));
  const dialogueHash = (s: KnowledgeSnapshot) => new Map([...s.dialoguesById].map(([id, d]) => [id, d.hash]));
  return {
    concepts: diffMaps(conceptHash(before), conceptHash(after)),
    dialogues: diffMaps(dialogueHash(before), dialogueHash(after)),
  };
}

function diffMaps(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): IdChanges {
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  for (const [id, hash] of after) {
    const old = before.get(id);
    if (old === undefined) added.push(id);
    else if (old !== hash) changed.push(id);
  }
  for (const id of before.keys()) if (!after.has(id)) removed.push(id);
  return { added: added.sort(), changed: changed.sort(), removed: removed.sort() };
}

export function attemptOf(report: ReloadReport): ReloadAttempt {
  const base = { at: report.at, by: report.by, via: report.via, durationMs: report.durationMs };
  if (!report.ok) return { ...base, ok: false, version: report.activeVersion, errors: report.errors.length };
  const n = (c: IdChanges) => c.added.length + c.changed.length + c.removed.length;
  return { ...base, ok: true, version: report.version, changes: n(report.concepts) + n(report.dialogues) };
}
