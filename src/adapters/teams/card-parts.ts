/**
 * The parts every Teams card is made of: text elements, the card itself, and the budget that shortens long
 * lists until a card fits. Our own texts go in TextBlocks (markdown); anything a user typed goes in
 * RichTextBlock TextRuns, which hosts never parse as markdown, so user text cannot inject links, mentions or
 * markup.
 */
import { teamsTexts } from './texts.js';

export type Card = Record<string, unknown> & { type: 'AdaptiveCard'; body: unknown[] };

/** Teams rejects messages over about 28 KB; we stay well below it, leaving room for the activity envelope. */
export const MAX_CARD_BYTES = 24 * 1024;

/** Our lightly marked-up text (*bold*) as Adaptive Card markdown (**bold**). */
export function toCardMarkdown(text: string): string {
  return text.replace(/\*([^*\n]+)\*/g, '**$1**');
}

/** For our own short labels in markdown TextBlocks (titles of dialogues and steps). */
export function escapeCardMarkdown(text: string): string {
  return text.replace(/([\\*_[\]()#`~>|])/g, '\\$1').replace(/^(\s*)([-+]|\d+\.)\s/gm, '$1\\$2 ');
}

export const md = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text: toCardMarkdown(text), wrap: true, ...extra });
export const heading = (text: string, size = 'Medium') => ({ type: 'TextBlock', text: escapeCardMarkdown(text), wrap: true, weight: 'Bolder', size });
export const subtle = (text: string) => ({ type: 'TextBlock', text: escapeCardMarkdown(text), wrap: true, isSubtle: true, size: 'Small' });
/** Text shown exactly as typed: TextRuns are never parsed as markdown. */
export const plain = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text, ...extra }] });

const LIST_ITEM = /^\s*(?:•|-|\*)\s+/;

/**
 * Our text (with *bold*, paragraphs and "• " lines) as TextBlocks that keep its lines: one block per paragraph,
 * and the "• " lines of a paragraph as one markdown list ("- a\r- b", the list syntax Teams documents for
 * TextBlocks). A single newline inside a TextBlock is no line break in Teams' markdown, so lines written
 * below each other would otherwise run together into one paragraph.
 */
export function textBlocks(text: string, extra: Record<string, unknown> = {}): Array<ReturnType<typeof md>> {
  const blocks: Array<ReturnType<typeof md>> = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    let prose: string[] = [];
    let items: string[] = [];
    const flush = () => {
      if (prose.length > 0) blocks.push(md(prose.join(' '), extra));
      if (items.length > 0) blocks.push(md(items.map((i) => `- ${i}`).join('\r'), { ...extra, spacing: 'Small' }));
      prose = [];
      items = [];
    };
    for (const line of paragraph.split('\n').map((l) => l.trim()).filter(Boolean)) {
      if (LIST_ITEM.test(line)) items.push(line.replace(LIST_ITEM, ''));
      else {
        if (items.length > 0) flush();
        prose.push(line);
      }
    }
    flush();
  }
  return blocks;
}

/** Lines of our own as one markdown list (conclusions, notices with lists). */
export const listBlock = (lines: readonly string[], extra: Record<string, unknown> = {}) => md(lines.map((l) => `- ${l.replace(/\s*\n\s*/g, ' ')}`).join('\r'), extra);

export function card(body: unknown[], actions: unknown[] = []): Card {
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body, ...(actions.length > 0 ? { actions } : {}) };
}

/** How much of each list and long text to keep; shrunk step by step until the card fits. */
export interface Budget {
  readonly lines: number;
  readonly chars: number;
}

export const BUDGETS: readonly Budget[] = [
  { lines: Infinity, chars: Infinity },
  { lines: 40, chars: 4000 },
  { lines: 15, chars: 1500 },
  { lines: 6, chars: 600 },
  { lines: 3, chars: 200 },
];

export function clip(text: string, budget: Budget): string {
  return text.length > budget.chars ? `${text.slice(0, budget.chars - 1)}…` : text;
}

export function clipList<T>(items: readonly T[], budget: Budget, more: (n: number) => T): T[] {
  if (items.length <= budget.lines) return [...items];
  return [...items.slice(0, budget.lines), more(items.length - budget.lines)];
}

/** Lines of text, each clipped, and "… en nog n" last for the lines the budget leaves out. */
export const clipLines = (lines: readonly string[], budget: Budget): string[] => clipList(lines, budget, teamsTexts.more).map((line) => clip(line, budget));
