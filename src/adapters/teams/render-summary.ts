import type { SummaryItem, SummaryReply, TallyCount, TallyReply } from '../../bot/replies.js';
import { texts } from '../../bot/texts.js';
import { actionRows } from './buttons.js';
import { card, clipLines, clipList, heading, listBlock, plain, subtle, type Budget, type Card } from './card-parts.js';
import { viewParts, withRefresh } from './member-view.js';
import { teamsTexts } from './texts.js';

/**
 * Results as charts: a group's counts per question, and a person's scale answers together. The chart is Teams'
 * `Chart.HorizontalBar` (not in the official Adaptive Cards 1.5 schema); a host without charts shows its
 * `fallback`, the same bars as text (█ per answer, and the count), as the live tally does.
 */

interface Bar {
  readonly label: string;
  readonly value: number;
}

/** A bar at the top of its scale has this many blocks, the others are in proportion; the number after a bar says its value. */
const MAX_BLOCKS = 16;

/** Bars as text lines, close together: what the tally shows, and what a chart falls back to. */
function barLines(bars: readonly Bar[], max?: number): unknown[] {
  const top = max ?? Math.max(0, ...bars.map((b) => b.value));
  const scale = top > 0 ? MAX_BLOCKS / top : 0;
  return bars.map((b) => tight(`${b.label}: ${'█'.repeat(Math.round(b.value * scale))} ${b.value}`));
}

/** A line of plain text with no space above it (labels and names can be typed by users: TextRuns). */
const tight = (text: string, extra: Record<string, unknown> = {}) => ({ ...plain(text, extra), spacing: 'None' });

/** `max`: the top of the scale (5 for scores); without it the longest bar is the top. */
function barChart(title: string, bars: readonly Bar[], max?: number): Record<string, unknown> {
  return {
    type: 'Chart.HorizontalBar',
    title,
    color: 'categoricalBlue',
    // no value axis: for small whole counts Teams labels it in fractions (0.33, 0.67); without it each bar shows its value
    displayMode: 'AbsoluteNoAxis',
    data: bars.map((b) => ({ x: b.label, y: b.value })),
    fallback: { type: 'Container', items: [subtle(title), ...barLines(bars, max)] },
  };
}

/** Free-text answers as typed, in quotes (TextRuns), as many as the budget allows. */
const quotes = (texts: readonly string[], budget: Budget) => clipLines(texts, budget).map((t) => plain(`“${t}”`));

/** The top of the 1 to 5 scale of scale steps. */
const SCALE_TOP = 5;

const countBars = (counts: readonly TallyCount[]): Bar[] => counts.map((c) => ({ label: c.label, value: c.count }));

export function tallyCard(reply: TallyReply, budget: Budget): Card {
  return withRefresh(card([
    heading(reply.title),
    subtle(teamsTexts.answersCount(reply.respondents)),
    ...barLines(countBars(reply.counts)),
    ...quotes(reply.texts, budget),
    ...viewParts(reply),
    ...actionRows(reply.actions),
  ]), reply.views);
}

export function summaryCard(reply: SummaryReply, budget: Budget): Card {
  const items = clipList(reply.items, budget, (n): SummaryItem => ({ title: `${teamsTexts.more(n)} vragen`, prompt: '', lines: [] }));
  return card([
    heading(`${reply.dialogueTitle}: ${texts.dialogue.summaryLabel.toLowerCase()}`, 'Large'),
    ...scoresChart(items),
    ...items.flatMap((item) => [heading(item.title, 'Default'), ...itemBody(item, budget)]),
    ...(reply.conclusions.length > 0 ? [heading(texts.dialogue.conclusionsHeading, 'Default'), listBlock(reply.conclusions)] : []),
    ...(reply.concepts.length > 0 ? [subtle(texts.dialogue.readMoreHeading), ...actionRows(reply.concepts, { spacing: 'Small' })] : []),
    ...actionRows(reply.actions, { separator: true }),
  ]);
}

/**
 * A person has one answer per question, so a chart per question would be one bar: their scale answers (all on
 * the same 1 to 5 scale) go in one chart over the questions instead. Choices and texts stay as written.
 */
function scoresChart(items: readonly SummaryItem[]): unknown[] {
  const scored = items.filter((i): i is SummaryItem & { score: number } => i.score !== undefined);
  return scored.length > 0 ? [barChart(teamsTexts.scoresTitle, scored.map((i) => ({ label: i.title, value: i.score })), SCALE_TOP)] : [];
}

/** A group's result: the count per option as a chart, who chose what in a named session, and the texts. */
function itemBody(item: SummaryItem, budget: Budget): unknown[] {
  const result = item.result;
  if (!result) return clipLines(item.lines, budget).map((l) => plain(l));
  const named = result.counts.flatMap((c) => (c.names && c.names.length > 0 ? [`${c.label}: ${c.names.join(', ')}`] : []));
  return [
    ...(result.counts.length > 0 ? [barChart(teamsTexts.answersCount(result.respondents), countBars(result.counts))] : [subtle(teamsTexts.answersCount(result.respondents))]),
    ...clipLines(named, budget).map((line) => tight(line, { size: 'Small', isSubtle: true })),
    ...quotes(result.texts, budget),
  ];
}
