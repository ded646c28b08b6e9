import type { AnswerReply, ExpertAnswerReply, ExpertConsentReply, ExpertQuestionReply } from '../../bot/replies.js';
import { ACTION } from './inbound.js';
import { actions, button, clip, context, header, mrkdwn, plain, type Block } from './render.js';

/** The content team's replies (and the feedback under an answer) as Block Kit, within the limits in render.ts. */

/** Action ids of the content team's inputs: the Slack engineer reads them from the message state on submit. */
export const EXPERT_INPUT = { text: 'rp_text', concept: 'rp_values_concept' } as const;

/**
 * Concepts in the card's select: the lookup's best first. A hundred (Slack's maximum) would take most of the
 * message's character budget; a term typed in the answer box finds any other concept.
 */
const CONCEPT_OPTIONS = 50;

/** "Nuttig? ja / nee": the prompt, then two buttons. */
export function feedbackBlocks(feedback: AnswerReply['feedback']): Block[] {
  if (!feedback) return [];
  return [context(feedback.prompt), { type: 'actions', elements: [button(feedback.yes, ACTION.button, 300), button(feedback.no, ACTION.button, 301)] }];
}

/** A multi-line text input in a message; the buttons after it submit the message state. */
function textInput(blockId: string, label: string, placeholder: string, maxLength: number, value = ''): Block {
  return {
    type: 'input',
    block_id: blockId,
    optional: true,
    label: { type: 'plain_text', text: clip(label, 2000), emoji: false },
    element: {
      type: 'plain_text_input', action_id: EXPERT_INPUT.text, multiline: true, max_length: Math.min(maxLength, 3000),
      placeholder: { type: 'plain_text', text: clip(placeholder, 150), emoji: false },
      ...(value ? { initial_value: clip(value, Math.min(maxLength, 3000)) } : {}),
    },
  };
}

/** The question in an input to edit; the send buttons also carry the question as it was, for a click without edits. */
export function consentBlocks(reply: ExpertConsentReply): Block[] {
  const { field } = reply;
  return [mrkdwn(reply.text), textInput('rp_expert_question', field.label, field.placeholder, field.maxLength, field.value), ...actions(reply.actions)];
}

export function expertQuestionBlocks(reply: ExpertQuestionReply): Block[] {
  const blocks: Block[] = [header(reply.heading)];
  if (reply.question) blocks.push(plain(`“${reply.question}”`));
  if (reply.lines.length > 0) blocks.push(mrkdwn(reply.lines.join('\n')));
  if (reply.answer) blocks.push(plain(reply.answer));
  const { answerInput, conceptInput } = reply;
  if (answerInput) blocks.push(textInput('rp_expert_answer', answerInput.label, answerInput.placeholder, answerInput.maxLength), ...actions([answerInput.submit], 400));
  if (conceptInput && conceptInput.options.length > 0) {
    blocks.push({
      type: 'input',
      block_id: 'rp_expert_concept',
      optional: true,
      label: { type: 'plain_text', text: clip(conceptInput.label, 2000), emoji: false },
      element: {
        type: 'static_select', action_id: EXPERT_INPUT.concept,
        placeholder: { type: 'plain_text', text: clip(conceptInput.placeholder, 150), emoji: false },
        options: conceptInput.options.slice(0, CONCEPT_OPTIONS).map((o) => ({ text: { type: 'plain_text', text: clip(o.label, 75), emoji: false }, value: o.value.slice(0, 150) })),
      },
    }, ...actions([conceptInput.submit], 410));
  }
  blocks.push(...actions(reply.actions, 420));
  return blocks;
}

export function expertAnswerBlocks(reply: ExpertAnswerReply): Block[] {
  return [header(reply.heading), plain(`“${reply.question}”`), plain(reply.answer), context(reply.byline), ...actions(reply.actions)];
}
