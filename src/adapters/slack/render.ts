import { assertNever, type Action, type Reply } from '../../bot/replies.js';
import { texts } from '../../bot/texts.js';
import { ACTION } from './inbound.js';
import { slackTexts } from './texts.js';
import { unwrapMarkdown } from '../markdown.js';
import { consentBlocks, expertAnswerBlocks, expertQuestionBlocks, feedbackBlocks } from './render-experts.js';

/**
 * Neutral replies as Block Kit, within Slack's limits by construction: at most 50 blocks and about
 * 12,000 characters per message, 3,000 per section text, 75 per button label, 2,000 per button value,
 * 25 elements per actions block. Every text is escaped for mrkdwn (&, <, >), so nobody can inject
 * <!channel> or links; what users typed goes into plain_text objects, which Slack never formats.
 */

export type Block = Record<string, unknown>;
export interface SlackMessage {
  readonly text: string;
  readonly blocks: Block[];
  /** The blocks as JSON text, made once while fitting them (the Web API takes blocks as text). */
  readonly blocksJson: string;
}

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

/**
 * Keeps the message within the block count and the total character budget, ending with a notice of what was
 * cut; returns the kept blocks and their JSON text (each block is serialised once, to measure it).
 */
export function fit(blocks: Block[]): { blocks: Block[]; json: string } {
  const out: Block[] = [];
  const parts: string[] = [];
  let chars = 0;
  for (const block of blocks) {
    const json = JSON.stringify(block);
    if (out.length >= LIMITS.blocks - 1 || chars + json.length > LIMITS.messageChars) {
      const cut = context(texts.dialogue.truncated);
      out.push(cut);
      parts.push(JSON.stringify(cut));
      break;
    }
    out.push(block);
    parts.push(json);
    chars += json.length;
  }
  return { blocks: out, json: `[${parts.join(',')}]` };
}

export function replyToMessage(reply: Reply): SlackMessage {
  const { blocks, json } = fit(build(reply));
  return { text: fallbackText(reply), blocks, blocksJson: json };
}

function build(reply: Reply): Block[] {
  switch (reply.kind) {
    case 'answer':
      return [
        mrkdwn(`*${reply.term}*\n${reply.short}`),
        { type: 'section', text: { type: 'mrkdwn', text: clip(markdownToMrkdwn(reply.explanation), LIMITS.sectionChars) } },
        ...(reply.verified ? [] : [context(texts.lookup.unverified)]),
        ...(reply.sources.length > 0 ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: clip(`${texts.lookup.sources}: ${reply.sources.map((s) => (s.url ? `<${s.url}|${escapeMrkdwn(s.title).replace(/\|/g, '¦')}>` : escapeMrkdwn(s.title))).join(' · ')}`, LIMITS.sectionChars) }] }] : []),
        ...actions([...reply.related, ...reply.actions]),
        ...feedbackBlocks(reply.feedback),
      ];
    case 'suggestions':
      return [mrkdwn(reply.text), ...actions([...reply.options, ...reply.actions])];
    case 'notice':
      return [mrkdwn(reply.text), ...(reply.details ? [plain(reply.details.join('\n'))] : []), ...actions(reply.actions)];
    case 'question':
      return questionBlocks(reply);
    case 'tally':
      return [
        mrkdwn(`*${reply.title}*  (${reply.respondents} ${reply.respondents === 1 ? 'antwoord' : 'antwoorden'})`),
        ...(reply.counts.length > 0 ? [plain(reply.counts.map((c) => `${c.label}: ${'█'.repeat(Math.min(c.count, 30))} ${c.count}`).join('\n'))] : []),
        ...reply.texts.slice(0, 30).map((t) => plain(`“${t}”`)),
        ...actions(reply.actions),
      ];
    case 'summary':
      return [
        header(`${reply.dialogueTitle}: ${texts.dialogue.summaryLabel.toLowerCase()}`),
        ...reply.items.flatMap((item) => [mrkdwn(`*${item.title}*`), plain(item.lines.join('\n'))]),
        ...(reply.conclusions.length > 0 ? [mrkdwn(`*${texts.dialogue.conclusionsHeading}*\n${reply.conclusions.map((c) => `• ${c}`).join('\n')}`)] : []),
        ...actions([...reply.concepts, ...reply.actions]),
      ];
    case 'export':
      return [context(reply.filename), ...chunks(reply.markdown, LIMITS.sectionChars - 8).map((c) => plain(c))];
    case 'expert-consent':
      return consentBlocks(reply);
    case 'expert-question':
      return expertQuestionBlocks(reply);
    case 'expert-answer':
      return expertAnswerBlocks(reply);
    default:
      return assertNever(reply);
  }
}

function questionBlocks(reply: Extract<Reply, { kind: 'question' }>): Block[] {
  const blocks: Block[] = [context(`${reply.dialogueTitle} · ${texts.dialogue.questionNumber(reply.number)}`), mrkdwn(`*${reply.title}*${reply.prompt ? `\n${reply.prompt}` : ''}`)];
  const input = reply.input;
  switch (input.kind) {
    case 'choice':
      blocks.push(...actions(input.options));
      break;
    case 'scale':
      blocks.push(context(`1 = ${input.low}, 5 = ${input.high}`), ...actions(input.options));
      break;
    case 'multi': {
      // Slack allows 10 options per checkbox group: longer lists get more groups
      const groups: Block[] = [];
      for (let i = 0; i < input.options.length; i += LIMITS.checkboxOptions) {
        groups.push({
          type: 'checkboxes',
          action_id: `${ACTION.values}_${i}`,
          options: input.options.slice(i, i + LIMITS.checkboxOptions).map((o) => ({ text: { type: 'plain_text', text: clip(o.label, 75), emoji: false }, value: o.value })),
        });
      }
      blocks.push({ type: 'actions', elements: [...groups, button(input.submit, ACTION.submitValues)] });
      break;
    }
    case 'text':
      // the button opens a modal (its action id carries the maximum length); a thread reply or DM works too
      blocks.push(context(`${texts.dialogue.typeAnswer(input.maxLength)} ${slackTexts.textHint}`), { type: 'actions', elements: [button({ ...input.submit, label: slackTexts.answerLabel }, ACTION.openText, input.maxLength)] });
      break;
    case 'info':
      blocks.push(mrkdwn(input.text));
      break;
    default:
      assertNever(input);
  }
  if (reply.concepts.length > 0) blocks.push(...actions(reply.concepts, 100));
  if (reply.actions.length > 0) blocks.push(...actions(reply.actions, 200));
  return blocks;
}

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length > 0 ? out : [''];
}

/** The plain-text fallback Slack shows in notifications. */
export function fallbackText(reply: Reply): string {
  const t = (() => {
    switch (reply.kind) {
      case 'answer':
        return `${reply.term}: ${reply.short}`;
      case 'suggestions':
      case 'notice':
        return reply.text;
      case 'question':
        return `${reply.title}: ${reply.prompt || (reply.input.kind === 'info' ? reply.input.text : '')}`;
      case 'tally':
        return `${reply.title} (${reply.respondents})`;
      case 'summary':
        return `${reply.dialogueTitle}: ${texts.dialogue.summaryLabel.toLowerCase()}`;
      case 'export':
        return reply.filename;
      case 'expert-consent':
        return reply.text;
      case 'expert-question':
      case 'expert-answer':
        return `${reply.heading}: ${reply.question}`;
      default:
        return assertNever(reply);
    }
  })();
  return clip(escapeMrkdwn(t.replace(/\*/g, '')), 300);
}

/** The modal for a free-text answer; the submit payload travels in private_metadata, unread. */
export function textModal(payload: string, maxLength: number): Block {
  return {
    type: 'modal',
    callback_id: 'rp_text_modal',
    private_metadata: payload.slice(0, 3000),
    title: { type: 'plain_text', text: slackTexts.answerLabel },
    submit: { type: 'plain_text', text: texts.dialogue.sendLabel },
    close: { type: 'plain_text', text: slackTexts.cancelLabel },
    blocks: [
      { type: 'input', block_id: 'rp_text', label: { type: 'plain_text', text: slackTexts.answerLabel }, element: { type: 'plain_text_input', action_id: 'rp_text', multiline: true, max_length: Math.min(maxLength, 3000) } },
    ],
  };
}
