import type { Action } from '../../bot/replies.js';
import { unwrapMarkdown } from '../markdown.js';
import { ACTION } from './inbound.js';

/**
 * Block Kit's building blocks within Slack's limits: 3,000 characters per section text, 75 per button label,
 * 2,000 per button value, 25 elements per actions block (a message: 50 blocks, about 12,000 characters, see
 * render.ts). Our own text is escaped for mrkdwn; text users typed goes into plain_text.
 */

export type Block = Record<string, unknown>;
/** The block that holds a question as the user sees it: the text modals show it again, read from the clicked message. */
export const QUESTION_BLOCK = 'rp_question';

export const LIMITS = { blocks: 50, sectionChars: 3000, buttonLabel: 75, buttonValue: 2000, actionsPerBlock: 25, messageChars: 12000, checkboxOptions: 10 } as const;

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A concept explanation (Markdown, see ../markdown.ts) as mrkdwn: lines joined, escaped, `**bold**` as
 * `*bold*` and `[text](https://…)` as a Slack link.
 */
export function markdownToMrkdwn(markdown: string): string {
  return escapeMrkdwn(unwrapMarkdown(markdown))
    .replace(/\*\*([^*\n]+)\*\*/g, '*$1*')
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s|]+)\)/g, (_m, label: string, url: string) => `<${url}|${label.replace(/\|/g, '¦')}>`);
}

export const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
/** Our own text (with *bold*), escaped. */
export const mrkdwn = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: clip(escapeMrkdwn(text), LIMITS.sectionChars) } });
/** Text as typed by a user: plain_text is never parsed for mentions, links or formatting. */
export const plain = (text: string): Block => ({ type: 'section', text: { type: 'plain_text', text: clip(text, LIMITS.sectionChars), emoji: false } });
export const context = (text: string): Block => ({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(escapeMrkdwn(text), LIMITS.sectionChars) }] });
export const header = (text: string): Block => ({ type: 'header', text: { type: 'plain_text', text: clip(text, 150), emoji: false } });

export function button(action: Action, actionId: string = ACTION.button, index = 0): Block {
  const style = action.style === 'primary' ? 'primary' : action.style === 'danger' ? 'danger' : undefined;
  return {
    type: 'button',
    action_id: `${actionId}_${index}`,
    text: { type: 'plain_text', text: clip(action.label, LIMITS.buttonLabel), emoji: false },
    value: action.payload.slice(0, LIMITS.buttonValue),
    ...(style ? { style } : {}),
  };
}

/** Buttons in actions blocks of at most 25 elements; action ids unique within the message. */
export function actions(list: readonly Action[], start = 0): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < list.length; i += LIMITS.actionsPerBlock) {
    blocks.push({ type: 'actions', elements: list.slice(i, i + LIMITS.actionsPerBlock).map((a, j) => button(a, ACTION.button, start + i + j)) });
  }
  return blocks;
}

