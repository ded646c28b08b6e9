import { assertNever, type AnswerReply, type ExportReply, type Reply } from '../../bot/replies.js';
import { texts } from '../../bot/texts.js';
import { unwrapMarkdown } from '../markdown.js';
import { actionRows, button } from './buttons.js';
import { BUDGETS, card, clip, clipLines, escapeCardMarkdown, heading, md, MAX_CARD_BYTES, plain, subtle, textBlocks, type Budget, type Card } from './card-parts.js';
import { consentCard, expertAnswerCard, expertQuestionCard } from './render-experts.js';
import { questionCard } from './render-question.js';
import { summaryCard, tallyCard } from './render-summary.js';
import { teamsTexts } from './texts.js';

/**
 * Neutral replies as Adaptive Cards 1.5, one card per reply, shortened until it fits Teams' message limit.
 * The parts are in card-parts.ts, the button layout in buttons.ts, and the question, result and content-team
 * cards in render-question.ts, render-summary.ts and render-experts.ts.
 */

export { MAX_CARD_BYTES, type Card } from './card-parts.js';

/** One card per reply (export too), shortened until it fits. */
export function replyToCard(reply: Reply): Card {
  for (const budget of BUDGETS) {
    const built = build(reply, budget);
    if (Buffer.byteLength(JSON.stringify(built)) <= MAX_CARD_BYTES) return built;
  }
  return card([md(texts.errors.unexpected)]);
}

function build(reply: Reply, budget: Budget): Card {
  switch (reply.kind) {
    case 'answer':
      return answerCard(reply, budget);
    case 'suggestions':
      return card([...textBlocks(reply.text), ...actionRows(reply.options), ...actionRows(reply.actions, { separator: true })]);
    case 'notice':
      return card([
        ...textBlocks(clip(reply.text, budget), reply.tone === 'error' ? { color: 'Attention' } : reply.tone === 'warning' ? { color: 'Warning' } : {}),
        // one block per line: lines in a single TextRun would depend on the host keeping its line breaks
        ...clipLines(reply.details ?? [], budget).map((line) => ({ ...plain(line, { size: 'Small' }), spacing: 'None' })),
        ...actionRows(reply.actions),
      ]);
    case 'question':
      return questionCard(reply);
    case 'tally':
      return tallyCard(reply, budget);
    case 'summary':
      return summaryCard(reply, budget);
    case 'export':
      return exportCard(reply, budget);
    case 'expert-consent':
      return consentCard(reply);
    case 'expert-question':
      return expertQuestionCard(reply, budget);
    case 'expert-answer':
      return expertAnswerCard(reply, budget);
    default:
      return assertNever(reply);
  }
}

function answerCard(reply: AnswerReply, budget: Budget): Card {
  const more = [
    // already Markdown (not our *bold* markup): only the hard-wrapped lines are joined
    { type: 'TextBlock', text: clip(unwrapMarkdown(reply.explanation), budget), wrap: true },
    ...(reply.verified ? [] : [md(`_${texts.lookup.unverified}_`)]),
    ...(reply.sources.length > 0 ? [md(`**${texts.lookup.sources}:** ${reply.sources.map((s) => (s.url ? `[${escapeCardMarkdown(s.title)}](${s.url})` : escapeCardMarkdown(s.title))).join(' · ')}`)] : []),
  ];
  return card([
    heading(reply.term, 'Large'),
    md(reply.short),
    { type: 'Container', id: 'lees-meer', isVisible: false, items: more },
    { type: 'ActionSet', actions: [{ type: 'Action.ToggleVisibility', title: texts.lookup.readMore, targetElements: ['lees-meer'] }] },
    ...(reply.related.length > 0 ? [subtle(`${texts.lookup.related}:`), ...actionRows(reply.related.slice(0, budget.lines), { spacing: 'Small' })] : []),
    ...feedbackRow(reply.feedback),
    ...actionRows(reply.actions),
  ]);
}

/** "Nuttig? ja / nee": the prompt, then two small buttons side by side. */
function feedbackRow(feedback: AnswerReply['feedback']): unknown[] {
  if (!feedback) return [];
  return [{ type: 'ColumnSet', columns: [
    { type: 'Column', width: 'auto', verticalContentAlignment: 'Center', items: [subtle(feedback.prompt)] },
    { type: 'Column', width: 'stretch', items: [{ type: 'ActionSet', actions: [button(feedback.yes), button(feedback.no)] }] },
  ] }];
}

/**
 * The export as a block to copy: Teams' CodeBlock (not in the official 1.5 schema; it has a copy button and
 * never parses its text), falling back to monospace TextRuns, which are never parsed as markdown either (the
 * export holds free-text answers). In a personal chat the adapter offers it as a file instead (file-export.ts).
 */
function exportCard(reply: ExportReply, budget: Budget): Card {
  const markdown = clip(reply.markdown, budget);
  return card([
    subtle(reply.filename),
    subtle(teamsTexts.copyHint),
    { type: 'CodeBlock', codeSnippet: markdown, language: 'PlainText', fallback: plain(markdown, { fontType: 'Monospace' }) },
  ]);
}
