import type { ExpertAnswerReply, ExpertConsentReply, ExpertQuestionReply } from '../../bot/replies.js';
import { actionRows, button } from './buttons.js';
import { card, clip, heading, md, plain, subtle, type Budget, type Card } from './card-parts.js';

/** The content team's cards: the consent form, the experts' question card, and their answer in the asker's chat. */

/** The question in a text input (its value is never parsed as markdown); the send buttons submit it as rp_text. */
export function consentCard(reply: ExpertConsentReply): Card {
  const { field } = reply;
  return card([
    md(reply.text),
    { type: 'Input.Text', id: 'rp_text', label: field.label, placeholder: field.placeholder, maxLength: field.maxLength, isMultiline: true, ...(field.value ? { value: field.value } : {}) },
    ...actionRows(reply.actions),
  ]);
}

/** The experts' card: the question as typed, our lines, and while open an answer box and a filtered concept list. */
export function expertQuestionCard(reply: ExpertQuestionReply, budget: Budget): Card {
  const body: unknown[] = [heading(reply.heading)];
  if (reply.question) body.push(plain(`“${clip(reply.question, budget)}”`));
  body.push(...reply.lines.map((l) => md(l)));
  if (reply.answer) body.push(plain(clip(reply.answer, budget)));
  const { answerInput, conceptInput } = reply;
  if (answerInput) {
    body.push(
      { type: 'Input.Text', id: 'rp_text', label: answerInput.label, placeholder: answerInput.placeholder, maxLength: answerInput.maxLength, isMultiline: true },
      { type: 'ActionSet', actions: [button(answerInput.submit)] },
    );
  }
  if (conceptInput) {
    body.push(
      // "compact" (a drop-down): the official 1.5 schema has no "filtered"; a term typed in the answer box is looked up by the core
      { type: 'Input.ChoiceSet', id: 'rp_values', label: conceptInput.label, placeholder: conceptInput.placeholder, style: 'compact', isMultiSelect: false, choices: conceptInput.options.slice(0, Math.max(budget.lines, 20)).map((o) => ({ title: o.label, value: o.value })) },
      { type: 'ActionSet', actions: [button(conceptInput.submit)] },
    );
  }
  body.push(...actionRows(reply.actions));
  return card(body);
}

export function expertAnswerCard(reply: ExpertAnswerReply, budget: Budget): Card {
  return card([
    heading(reply.heading),
    plain(`“${clip(reply.question, budget)}”`, { isSubtle: true }),
    plain(clip(reply.answer, budget)),
    subtle(reply.byline),
    ...actionRows(reply.actions),
  ]);
}
