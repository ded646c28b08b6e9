import { formatProblem, type Problem } from '../knowledge/problems.js';
import type { IdChanges, KnowledgeStatus, ReloadReport } from '../knowledge/reload-report.js';
import type { AdminOp } from './commands.js';
import { notice, type Reply } from './replies.js';
import { texts } from './texts.js';
import type { Turn, UnansweredQuestion } from './turn.js';

/** Admin commands in chat: `herlaad kennis`, `status`, `onbeantwoord`. Only configured admins; answers are private. */

const MAX_IDS = 10;
const MAX_PROBLEMS = 15;
const UNANSWERED_LIMIT = 15;

export async function adminCommand(turn: Turn, op: AdminOp): Promise<Reply[]> {
  const { actor } = turn.event;
  if (!turn.admin) return [privateNotice(texts.admin.unavailable)];
  if (!actor.isAdmin) {
    turn.admin.refused(actor, op);
    return [privateNotice(texts.admin.notAllowed, 'warning')];
  }
  switch (op) {
    case 'reload':
      return [reloadReply(await turn.admin.reload(actor))];
    case 'status':
      return [privateNotice(statusText(await turn.admin.status()))];
    case 'unanswered':
      return [privateNotice(unansweredText(await turn.admin.unanswered(UNANSWERED_LIMIT)))];
  }
}

export function reloadReply(report: ReloadReport): Reply {
  const { text, details } = reloadText(report);
  return notice(text, [], { tone: report.ok ? 'info' : 'warning', private: true, details });
}

/** The report in Dutch; the problems (file names and messages about admins' files) as lines shown as they are. */
export function reloadText(report: ReloadReport): { text: string; details: string[] } {
  if (!report.ok) {
    const more = report.errors.length > MAX_PROBLEMS ? [texts.admin.moreProblems(report.errors.length - MAX_PROBLEMS)] : [];
    return { text: texts.admin.failed(report.errors.length, report.activeVersion), details: [...report.errors.slice(0, MAX_PROBLEMS).map(problemLine), ...more] };
  }
  const lines = [
    report.changed ? texts.admin.reloaded(report.version, report.previousVersion) : texts.admin.unchanged(report.version),
    texts.admin.counts(report.counts.concepts, report.counts.dialogues),
  ];
  if (report.changed) {
    lines.push(changeLine('Begrippen', report.concepts), changeLine('Gesprekken', report.dialogues));
  }
  lines.push(texts.admin.took(report.durationMs));
  if (report.warnings.length > 0) lines.push(texts.admin.warnings(report.warnings.length));
  return { text: lines.join('\n'), details: report.warnings.slice(0, MAX_PROBLEMS).map(problemLine) };
}

export function statusText(status: KnowledgeStatus): string {
  const { active } = status;
  const lines = [
    texts.admin.status(active.version, active.concepts, active.dialogues),
    texts.admin.loaded(when(active.loadedAt), active.loadedBy, texts.admin.via[active.via]),
    '',
  ];
  if (status.attempts.length === 0) lines.push(texts.admin.noAttempts);
  else {
    lines.push(texts.admin.attemptsHeading);
    for (const a of status.attempts) {
      lines.push(`• ${texts.admin.attempt(when(a.at), texts.admin.via[a.via], a.by, a.ok, a.version, (a.ok ? a.changes : a.errors) ?? 0)}`);
    }
  }
  return lines.join('\n');
}

export function unansweredText(list: readonly UnansweredQuestion[]): string {
  if (list.length === 0) return texts.admin.unansweredNone;
  return [
    texts.admin.unansweredHeading(list.length),
    ...list.map((q, i) => `${i + 1}. ${texts.admin.unansweredLine(shownQuery(q.query), q.count, when(q.lastSeen), q.outcome)}`),
    '',
    texts.admin.unansweredHint,
  ].join('\n');
}

/**
 * A normalised query for display. Masked numbers are `#`, which the markup-stripping of user text removes,
 * so "van # utrecht" and "van utrecht" (two different counts) would look the same: show the mask as `…`.
 */
function shownQuery(query: string): string {
  return query.replace(/#/g, '…');
}

function changeLine(what: 'Begrippen' | 'Gesprekken', c: IdChanges): string {
  return texts.admin.changes(what, ids(c.added), ids(c.changed), ids(c.removed));
}

function ids(list: readonly string[]): string {
  if (list.length === 0) return texts.admin.noIds;
  const shown = list.slice(0, MAX_IDS).join(', ');
  return list.length > MAX_IDS ? `${list.length} (${shown} ${texts.admin.moreIds(list.length - MAX_IDS)})` : `${list.length} (${shown})`;
}

/** `file:line:column field: message`, shown as plain text (see NoticeReply.details). */
function problemLine(p: Problem): string {
  return `• ${formatProblem(p)}`;
}

const dateFormat = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** An ISO time as Dutch local time: "1 dec 2026, 17:40". */
export function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
}

function privateNotice(text: string, tone: 'info' | 'warning' | 'error' = 'info'): Reply {
  return notice(text, [], { tone, private: true });
}
