import type { ConversationRef } from '../../bot/events.js';
import { texts } from '../../bot/texts.js';
import { ACTION } from './inbound.js';
import type { ModalMetadata } from './payload-schema.js';
import { clip, LIMITS, QUESTION_BLOCK, type Block } from './blocks.js';
import { slackTexts } from './texts.js';

/**
 * The modals that take a typed text for a button (Slack has no text box that fits a long answer in a message):
 * a free-text answer to a dialogue question, and the content team's written answer to a user's question. Both
 * show the question they answer, read from the message whose button was clicked (our own block, already
 * escaped), and carry the button's payload, unread, in `private_metadata`; the submit is the button's action
 * with the typed text.
 */

export const TEXT_MODAL = 'rp_text_modal';

/** Slack's limits for a modal: its title, an input's label and hint, and the metadata. */
const MODAL = { title: 24, label: 2000, metadata: 3000, input: 3000 } as const;

export type TextModalKind = 'answer' | 'expert';

/** Which modal a button opens, and the longest text it takes (in its action id); undefined for other buttons. */
export function modalOfAction(actionId: string): { kind: TextModalKind; maxLength: number } | undefined {
  for (const [prefix, kind] of [[ACTION.openText, 'answer'], [ACTION.openAnswer, 'expert']] as const) {
    if (actionId.startsWith(`${prefix}_`)) return { kind, maxLength: Number(actionId.slice(prefix.length + 1)) || 2000 };
  }
  return undefined;
}

/** The question's text object as we posted it (mrkdwn we escaped, or plain_text), from the clicked message. */
export function questionOf(message: { blocks?: unknown[] } | undefined): { type: string; text: string } | undefined {
  for (const block of message?.blocks ?? []) {
    const b = block as { block_id?: string; text?: { type?: unknown; text?: unknown } };
    if (b.block_id !== QUESTION_BLOCK || typeof b.text?.text !== 'string' || (b.text.type !== 'mrkdwn' && b.text.type !== 'plain_text')) continue;
    return { type: b.text.type, text: clip(b.text.text, LIMITS.sectionChars) };
  }
  return undefined;
}

export function modalMetadata(payload: string, conversation: ConversationRef, channel: string, threadTs: string | undefined): string {
  const meta: ModalMetadata = { p: payload, c: channel, k: conversation.key, s: conversation.scope, ...(threadTs ? { t: threadTs } : {}) };
  return JSON.stringify(meta);
}

export function textModal(kind: TextModalKind, metadata: string, maxLength: number, question: { type: string; text: string } | undefined): Block {
  const max = Math.min(maxLength, MODAL.input);
  const expert = kind === 'expert';
  return {
    type: 'modal',
    callback_id: TEXT_MODAL,
    private_metadata: metadata.slice(0, MODAL.metadata),
    title: { type: 'plain_text', text: clip(expert ? slackTexts.expertModalTitle : slackTexts.answerModalTitle, MODAL.title) },
    submit: { type: 'plain_text', text: texts.dialogue.sendLabel },
    close: { type: 'plain_text', text: slackTexts.cancelLabel },
    blocks: [
      ...(question ? [{ type: 'section', text: question.type === 'plain_text' ? { ...question, emoji: false } : question }] : []),
      {
        type: 'input',
        block_id: ACTION.text,
        label: { type: 'plain_text', text: clip(expert ? slackTexts.expertInputLabel : slackTexts.answerInputLabel(max), MODAL.label) },
        ...(expert ? { hint: { type: 'plain_text', text: slackTexts.expertInputHint } } : {}),
        element: { type: 'plain_text_input', action_id: ACTION.text, multiline: true, max_length: max },
      },
    ],
  };
}

/** The typed text of a submitted text modal. */
export function submittedText(values: Record<string, Record<string, { value?: string | null }>> | undefined): string {
  return values?.[ACTION.text]?.[ACTION.text]?.value ?? '';
}
