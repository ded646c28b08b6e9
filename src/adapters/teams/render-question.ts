import { assertNever, type Action, type QuestionReply } from '../../bot/replies.js';
import { texts } from '../../bot/texts.js';
import { actionRows, ROW_CHARS } from './buttons.js';
import { card, escapeCardMarkdown, heading, md, subtle, textBlocks, type Card } from './card-parts.js';
import { viewParts, withRefresh } from './member-view.js';
import { teamsTexts } from './texts.js';

/**
 * A dialogue question: the answer options first, then sla over, terug, stop, and the concepts the step links
 * to last, behind a "Begrippen bij deze vraag" toggle, so they never look like answers.
 */
export function questionCard(reply: QuestionReply): Card {
  const input = reply.input;
  const body: unknown[] = [subtle(`${reply.dialogueTitle} · ${texts.dialogue.questionNumber(reply.number)}`), heading(reply.title)];
  if (reply.prompt) body.push(...textBlocks(reply.prompt));
  switch (input.kind) {
    case 'choice':
      body.push(...choiceButtons(input.options));
      break;
    case 'scale':
      body.push(subtle(`1 = ${input.low}, 5 = ${input.high}`), ...actionRows(input.options));
      break;
    case 'multi':
      body.push(
        { type: 'Input.ChoiceSet', id: 'rp_values', isMultiSelect: true, style: 'expanded', wrap: true, choices: input.options.map((o) => ({ title: o.label, value: o.value })) },
        ...actionRows([input.submit]),
      );
      break;
    case 'text':
      body.push(
        { type: 'Input.Text', id: 'rp_text', isMultiline: true, maxLength: input.maxLength, placeholder: texts.dialogue.typeAnswer(input.maxLength) },
        ...actionRows([input.submit]),
      );
      break;
    case 'info':
      body.push(...textBlocks(input.text));
      break;
    default:
      assertNever(input);
  }
  body.push(...viewParts(reply), ...actionRows(reply.actions, { separator: true }), ...conceptsToggle(reply.concepts));
  return withRefresh(card(body), reply.views);
}

/**
 * Answer options as buttons when every label fits a button whole; otherwise the options as a numbered list
 * with a button per number (typing the number works too), so a long option is never cut off.
 */
function choiceButtons(options: readonly Action[]): unknown[] {
  if (options.every((o) => o.label.length <= ROW_CHARS)) return actionRows(options);
  const list = md(options.map((o, i) => `${i + 1}. ${escapeCardMarkdown(o.label)}`).join('\r'));
  return [list, ...actionRows(options.map((o, i) => ({ ...o, shortLabel: String(i + 1) })))];
}

/** The step's concepts in a card of their own that opens below the toggle: set apart from the answers. */
function conceptsToggle(concepts: readonly Action[]): unknown[] {
  if (concepts.length === 0) return [];
  const inner = { type: 'AdaptiveCard', body: [subtle(teamsTexts.conceptsHint), ...actionRows(concepts)] };
  return [{ type: 'ActionSet', spacing: 'Medium', actions: [{ type: 'Action.ShowCard', title: teamsTexts.conceptsToggle, card: inner }] }];
}
