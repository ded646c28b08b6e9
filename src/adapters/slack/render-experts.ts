import type { AnswerReply, ExpertAnswerReply, ExpertConsentReply, ExpertQuestionReply } from '../../bot/replies.js';
import { ACTION } from './inbound.js';
import { actions, button, clip, context, header, LIMITS, mrkdwn, plain, QUESTION_BLOCK, type Block } from './blocks.js';
import { slackTexts } from './texts.js';

/**
 * The content team's replies (and the feedback under an answer) as Block Kit, within the limits in render.ts.
 *
 * Inputs in a message work in Slack (the click of a button beside them sends what was typed or chosen), but a
 * text box in a message is one line high at first, is each person's own, and is emptied when the message is
 * updated: fine for the asker's question and a concept's name, poor for a written answer of a few paragraphs.
 * So "Beantwoorden" opens a modal with the question and a large text box; the concept list is a select in the
 * card with "Koppel aan begrip" beside it.
 */

/** Action ids of the content team's inputs in a message, read from the message state on a click (inbound.ts). */
export const EXPERT_INPUT = { text: ACTION.text, concept: `${ACTION.values}_concept` } as const;

/** Room for the concept list's own frame (label, placeholder, hint) beside its options. */
const SELECT_FRAME = 600;

/** "Nuttig? ja / nee": the prompt, then two buttons. */
export function feedbackBlocks(feedback: AnswerReply['feedback']): Block[] {
  if (!feedback) return [];
  return [context(feedback.prompt), { type: 'actions', elements: [button(feedback.yes, ACTION.button, 300), button(feedback.no, ACTION.button, 301)] }];
}

/** A text input in a message; the buttons after it send what was typed. */
function textInput(blockId: string, label: string, placeholder: string, maxLength: number, opts: { value?: string; multiline?: boolean } = {}): Block {
  return {
    type: 'input',
    block_id: blockId,
    optional: true,
    label: { type: 'plain_text', text: clip(label, 2000), emoji: false },
    element: {
      type: 'plain_text_input', action_id: EXPERT_INPUT.text, multiline: opts.multiline ?? true, max_length: Math.min(maxLength, 3000),
      placeholder: { type: 'plain_text', text: clip(placeholder, 150), emoji: false },
      ...(opts.value ? { initial_value: clip(opts.value, Math.min(maxLength, 3000)) } : {}),
    },
  };
}

/** The question in an input to edit; the send buttons also carry the question as it was, for a click without edits. */
export function consentBlocks(reply: ExpertConsentReply): Block[] {
  const { field } = reply;
  return [mrkdwn(reply.text), textInput('rp_expert_question', field.label, field.placeholder, field.maxLength, { value: field.value }), ...actions(reply.actions)];
}

export function expertQuestionBlocks(reply: ExpertQuestionReply): Block[] {
  const blocks: Block[] = [header(reply.heading)];
  // the answer modal shows the question again, from this block
  if (reply.question) blocks.push({ ...plain(`“${reply.question}”`), block_id: QUESTION_BLOCK });
  if (reply.lines.length > 0) blocks.push(mrkdwn(reply.lines.join('\n')));
  if (reply.answer) blocks.push(plain(reply.answer));
  const { answerInput, conceptInput } = reply;
  const first = answerInput ? [button(answerInput.submit, ACTION.openAnswer, answerInput.maxLength)] : [];
  if (first.length > 0 || reply.actions.length > 0) {
    blocks.push({ type: 'actions', elements: [...first, ...reply.actions.map((a, i) => button(a, ACTION.button, 420 + i))] });
  }
  if (!conceptInput || conceptInput.options.length === 0) return blocks;
  const term = textInput('rp_expert_term', slackTexts.conceptTermLabel, slackTexts.conceptTermPlaceholder, 100, { multiline: false });
  const link: Block = { type: 'actions', elements: [button(conceptInput.submit, ACTION.submitValues, 410)] };
  const budget = LIMITS.messageChars - JSON.stringify([...blocks, term, link]).length - SELECT_FRAME;
  return [...blocks, conceptList(conceptInput, budget), term, link];
}

/** The concept list: as many as fit in `budget` characters, the best first; a hint says how many are left out. */
function conceptList(input: NonNullable<ExpertQuestionReply['conceptInput']>, budget: number): Block {
  const options: Block[] = [];
  let used = 0;
  for (const o of input.options) {
    const option = { text: { type: 'plain_text', text: clip(o.label, 75) }, value: o.value.slice(0, 150) };
    used += JSON.stringify(option).length + 1;
    if (used > budget) break;
    options.push(option);
  }
  const left = input.options.length - options.length;
  return {
    type: 'input',
    block_id: 'rp_expert_concept',
    optional: true,
    label: { type: 'plain_text', text: clip(input.label, 2000), emoji: false },
    ...(left > 0 ? { hint: { type: 'plain_text', text: slackTexts.conceptHint(options.length, left), emoji: false } } : {}),
    element: { type: 'static_select', action_id: EXPERT_INPUT.concept, placeholder: { type: 'plain_text', text: clip(input.placeholder, 150), emoji: false }, options },
  };
}

export function expertAnswerBlocks(reply: ExpertAnswerReply): Block[] {
  return [header(reply.heading), plain(`“${reply.question}”`), plain(reply.answer), context(reply.byline), ...actions(reply.actions)];
}
