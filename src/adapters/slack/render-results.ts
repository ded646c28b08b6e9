import type { SummaryItem, SummaryReply, TallyReply } from '../../bot/replies.js';
import { texts } from '../../bot/texts.js';
import { actions, clip, context, escapeMrkdwn, header, LIMITS, mrkdwn, plain, type Block } from './blocks.js';
import { slackTexts } from './texts.js';

/**
 * A group's results as Block Kit: Block Kit has no charts, so choice and scale results are text bars in a
 * monospace block (label, bar, count, share of the answers), and a list that does not fit ends with
 * "… en nog N", never silently.
 */

type Count = { readonly label: string; readonly count: number; readonly names?: readonly string[] };

const BAR_WIDTH = 16;
const LABEL_WIDTH = 28;
/** Characters for all free-text answers of one message together (the message's budget is 12,000). */
const TEXTS_BUDGET = 6000;

/** One line per option: `Beleid        ██████████······  5  50%`, the bar as a share of everyone who answered. */
export function barChart(counts: readonly Count[], respondents: number): Block {
  const scale = Math.max(1, respondents, ...counts.map((c) => c.count));
  const labels = counts.map((c) => clip(c.label, LABEL_WIDTH));
  const labelWidth = Math.max(...labels.map((l) => l.length));
  const countWidth = String(scale).length;
  const rows = counts.map((c, i) => {
    const filled = Math.round((c.count / scale) * BAR_WIDTH);
    const share = respondents > 0 ? `${Math.round((c.count / respondents) * 100)}%` : '';
    return `${labels[i]!.padEnd(labelWidth)}  ${'█'.repeat(filled)}${'·'.repeat(BAR_WIDTH - filled)}  ${String(c.count).padStart(countWidth)}  ${share.padStart(4)}`.trimEnd();
  });
  // inside a code block Slack formats nothing, but &, < and > must still be escaped
  return { type: 'section', text: { type: 'mrkdwn', text: clip(`\`\`\`${escapeMrkdwn(rows.join('\n'))}\`\`\``, LIMITS.sectionChars) } };
}

/**
 * Lines as plain text within `budget` characters, in blocks of at most one section's length; what does not fit
 * is counted in a context line ("… en nog 28 antwoorden", and what to do for all of them).
 */
export function listWithMore(lines: readonly string[], budget: number, then: string): Block[] {
  const blocks: Block[] = [];
  let chunk: string[] = [];
  let chunkChars = 0;
  let used = 0;
  let shown = 0;
  for (const line of lines.map((l) => clip(l, LIMITS.sectionChars))) {
    if (used + line.length + 1 > budget && shown > 0) break;
    if (chunkChars + line.length + 1 > LIMITS.sectionChars) {
      blocks.push(plain(chunk.join('\n')));
      chunk = [];
      chunkChars = 0;
    }
    chunk.push(line);
    chunkChars += line.length + 1;
    used += line.length + 1;
    shown++;
  }
  if (chunk.length > 0) blocks.push(plain(chunk.join('\n')));
  const left = lines.length - shown;
  if (left > 0) blocks.push(context(`${slackTexts.more(left, slackTexts.answersOne, slackTexts.answersMany)}. ${then}`));
  return blocks;
}

export function tallyBlocks(reply: TallyReply): Block[] {
  return [
    mrkdwn(`*${reply.title}*  (${slackTexts.ofRespondents(reply.respondents)})`),
    ...(reply.counts.length > 0 ? [barChart(reply.counts, reply.respondents)] : []),
    ...listWithMore(reply.texts.map((t) => `“${t}”`), TEXTS_BUDGET, slackTexts.tallyMore),
    ...actions(reply.actions),
  ];
}

export function summaryBlocks(reply: SummaryReply): Block[] {
  const withTexts = reply.items.filter((item) => (item.result ? item.result.texts.length > 0 : item.lines.length > 1)).length;
  const budget = Math.max(400, Math.min(LIMITS.sectionChars - 100, Math.floor(TEXTS_BUDGET / Math.max(1, withTexts))));
  return [
    header(`${reply.dialogueTitle}: ${texts.dialogue.summaryLabel.toLowerCase()}`),
    ...reply.items.flatMap((item) => [mrkdwn(`*${item.title}*`), ...itemBlocks(item, budget)]),
    ...(reply.conclusions.length > 0 ? [mrkdwn(`*${texts.dialogue.conclusionsHeading}*\n${reply.conclusions.map((c) => `• ${c}`).join('\n')}`)] : []),
    ...actions([...reply.concepts, ...reply.actions]),
  ];
}

/** A group's result as bars, the names per option (a named session) and the free-text answers; else the lines. */
function itemBlocks(item: SummaryItem, budget: number): Block[] {
  const result = item.result;
  if (!result) return listWithMore(item.lines, budget, slackTexts.summaryMore);
  const chosen = result.counts.filter((c) => c.count > 0);
  const names = chosen.filter((c) => c.names?.length).map((c) => `${c.label}: ${c.names!.join(', ')}`);
  const blocks: Block[] = [context(slackTexts.ofRespondents(result.respondents))];
  if (result.counts.length > 0 && chosen.length > 0) blocks.push(barChart(result.counts, result.respondents));
  if (names.length > 0) blocks.push(plain(names.join('\n')));
  blocks.push(...listWithMore(result.texts, budget, slackTexts.summaryMore));
  if (blocks.length === 1) blocks.push(plain(texts.dialogue.noAnswers));
  return blocks;
}
