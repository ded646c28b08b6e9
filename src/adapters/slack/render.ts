import { assertNever, type Reply } from '../../bot/replies.js';
import { texts } from '../../bot/texts.js';
import { actions, button, clip, context, escapeMrkdwn, LIMITS, markdownToMrkdwn, mrkdwn, plain, QUESTION_BLOCK, type Block } from './blocks.js';
import { ACTION } from './inbound.js';
import { slackTexts } from './texts.js';
import { consentBlocks, expertAnswerBlocks, expertQuestionBlocks, feedbackBlocks } from './render-experts.js';
import { summaryBlocks, tallyBlocks } from './render-results.js';

export { escapeMrkdwn, LIMITS, markdownToMrkdwn, type Block } from './blocks.js';

/**
 * Neutral replies as Block Kit, within Slack's limits by construction (the primitives in blocks.ts): at most
 * 50 blocks and about 12,000 characters per message. Every text is escaped for mrkdwn (&, <, >), so nobody
 * can inject <!channel> or links; what users typed goes into plain_text objects, which Slack never formats.
 */

export interface SlackMessage {
  readonly text: string;
  readonly blocks: Block[];
  /** The blocks as JSON text, made once while fitting them (the Web API takes blocks as text). */
  readonly blocksJson: string;
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
      return tallyBlocks(reply);
    case 'summary':
      return summaryBlocks(reply);
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
  const blocks: Block[] = [
    context(`${reply.dialogueTitle} · ${texts.dialogue.questionNumber(reply.number)}`),
    { ...mrkdwn(`*${reply.title}*${reply.prompt ? `\n${reply.prompt}` : ''}`), block_id: QUESTION_BLOCK },
  ];
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
