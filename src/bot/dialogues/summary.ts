import type { Dialogue } from '../../knowledge/dialogue-schema.js';
import type { Concept } from '../../knowledge/schema.js';
import type { KnowledgeSnapshot } from '../../knowledge/snapshot.js';
import { conceptAction } from '../lookup/lookup-replies.js';
import type { Action, ExportReply, SummaryItem, SummaryReply } from '../replies.js';
import { texts } from '../texts.js';
import { stepById } from './answers.js';
import { conclusionsOf } from './conclusions.js';
import type { Run } from './run.js';
import { groupAnswer, orphanTallyLines, tallyOf, type GroupSession } from './session.js';

/** The concepts a dialogue offers with its summary (none when it was removed or changed). */
export function dialogueConcepts(dialogue: Dialogue | undefined, snapshot: KnowledgeSnapshot): Concept[] {
  return (dialogue?.concepts ?? []).flatMap((id) => {
    const c = snapshot.conceptsById.get(id);
    return c ? [c] : [];
  });
}

/** The dialogue definition a run or session follows, if it is still the one in the snapshot. */
export function pinnedDialogue(snapshot: KnowledgeSnapshot, dialogueId: string, hash: string): Dialogue | undefined {
  return snapshot.dialogueHashes.get(dialogueId) === hash ? snapshot.dialoguesById.get(dialogueId) : undefined;
}

export function runSummary(run: Run, snapshot: KnowledgeSnapshot, complete: boolean, actions: readonly Action[]): SummaryReply {
  const current = pinnedDialogue(snapshot, run.dialogueId, run.hash);
  const items: SummaryItem[] = Object.entries(run.answers)
    .sort(([a], [b]) => order(run.history, a) - order(run.history, b))
    .map(([, a]) => ({ title: a.title, prompt: a.prompt, lines: [a.display] }));
  return {
    kind: 'summary',
    dialogueTitle: run.dialogueTitle,
    complete,
    items,
    conclusions: conclusionsOf(current, (id) => run.answers[id]?.value),
    concepts: dialogueConcepts(current, snapshot).map(conceptAction),
    actions,
  };
}

export function sessionSummary(session: GroupSession, snapshot: KnowledgeSnapshot, actions: readonly Action[]): SummaryReply {
  const current = pinnedDialogue(snapshot, session.dialogueId, session.hash);
  const items: SummaryItem[] = session.history.flatMap((stepId) => {
    const step = current && stepById(current, stepId);
    const shown = session.shown[stepId];
    if (!shown || step?.kind === 'info') return [];
    if (!step) {
      const lines = orphanTallyLines(session, stepId);
      return [{ title: shown.title, prompt: shown.prompt, lines: lines.length > 0 ? lines : [texts.dialogue.noAnswers] }];
    }
    const tally = tallyOf(session, step);
    const lines = [
      ...tally.counts.filter((c) => c.count > 0).map((c) => `${c.label}: ${c.count}`),
      ...tally.texts.map((t) => `“${t}”`),
    ];
    return [{ title: shown.title, prompt: shown.prompt, lines: lines.length > 0 ? [`${tally.respondents} ${tally.respondents === 1 ? 'antwoord' : 'antwoorden'}`, ...lines] : [texts.dialogue.noAnswers] }];
  });
  return {
    kind: 'summary',
    dialogueTitle: session.dialogueTitle,
    complete: session.closed,
    items,
    conclusions: conclusionsOf(current, (id) => groupAnswer(session, current && stepById(current, id))),
    concepts: dialogueConcepts(current, snapshot).map(conceptAction),
    actions,
  };
}

function order(history: readonly string[], stepId: string): number {
  const i = history.indexOf(stepId);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}

/** The summary as Markdown that can go straight into a memo. */
export function exportMarkdown(summary: SummaryReply, concepts: readonly Concept[], date: Date): ExportReply {
  const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' ').trim();
  const lines = [`# ${summary.dialogueTitle}`, '', `*${texts.dialogue.exportedOn} ${date.toISOString().slice(0, 10)}${summary.complete ? '' : `, ${texts.dialogue.incomplete}`}*`, '', `## ${texts.dialogue.answersHeading}`, ''];
  for (const item of summary.items) {
    lines.push(`**${oneLine(item.title)}**: ${oneLine(item.prompt)}`, '', ...item.lines.map((l) => `- ${oneLine(l)}`), '');
  }
  if (summary.conclusions.length > 0) lines.push(`## ${texts.dialogue.conclusionsHeading}`, '', ...summary.conclusions.map((c) => `- ${oneLine(c)}`), '');
  // a source that is not online is cited by its title (publisher, title, date) instead of a link
  const sources = concepts.map((c) => `- ${c.term}${c.sources[0] ? `: ${c.sources[0].url ?? c.sources[0].title}` : ''}`);
  if (sources.length > 0) lines.push(`## ${texts.dialogue.readMoreHeading}`, '', ...sources, '');
  const filename = `${summary.dialogueTitle.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${date.toISOString().slice(0, 10)}.md`;
  return { kind: 'export', filename, markdown: lines.join('\n') };
}
