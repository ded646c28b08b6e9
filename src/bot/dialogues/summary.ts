import type { Dialogue } from '../../knowledge/dialogue-schema.js';
import type { Concept } from '../../knowledge/schema.js';
import type { KnowledgeSnapshot } from '../../knowledge/snapshot.js';
import { conceptAction } from '../lookup/lookup-replies.js';
import type { ExportReply, SummaryReply } from '../replies.js';
import { texts } from '../texts.js';
import type { Turn } from '../turn.js';
import { conclusionsOf } from './conclusions.js';
import type { Mode, SummaryRequest } from './mode.js';
import { pinnedDialogue, type Position } from './position.js';

/** The concepts a dialogue offers with its summary (none when it was removed or changed). */
export function dialogueConcepts(dialogue: Dialogue | undefined, snapshot: KnowledgeSnapshot): Concept[] {
  return (dialogue?.concepts ?? []).flatMap((id) => {
    const c = snapshot.conceptsById.get(id);
    return c ? [c] : [];
  });
}

/** The summary of a position: its answers (as the mode combines them) and the conclusions drawn from them. */
export async function summaryReply<P extends Position, R>(turn: Turn, mode: Mode<P, R>, request: SummaryRequest<P>): Promise<SummaryReply> {
  const { position } = request;
  const dialogue = pinnedDialogue(turn.snapshot, position);
  return {
    kind: 'summary',
    dialogueTitle: position.dialogueTitle,
    complete: request.complete,
    items: await mode.summaryItems(turn, position, dialogue),
    conclusions: conclusionsOf(dialogue, mode.answerOf(position, dialogue)),
    concepts: dialogueConcepts(dialogue, turn.snapshot).map((c) => conceptAction(c)),
    actions: request.actions,
  };
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
