import { expertTexts } from '../../bot/experts/texts.js';
import type { Reply } from '../../bot/replies.js';
import { ACTION } from './inbound.js';
import { replyToMessage, type Block } from './render.js';

/**
 * The message shortcut "Leg uit met Routeplanner" (callback id in manifest/slack/manifest.yaml): the concepts
 * named in a message, each answered privately (through the shortcut's response_url, so it works in any
 * channel, also where the bot is no member), with "Deel in de thread". That button carries the thread of the
 * explained message in its action id, because a click on a private message says nothing about the message it
 * answered; the adapter posts the concept's answer there for everyone.
 */
export const EXPLAIN_SHORTCUT = 'rp_explain';

/** The reply as blocks, its "Deel in de thread" button pointing at `threadTs`. */
export function explainedMessage(reply: Reply, threadTs: string): { text: string; blocks: Block[] } {
  const { text, blocks } = replyToMessage(reply);
  let n = 0;
  const shareable = blocks.map((block) => {
    if (block['type'] !== 'actions') return block;
    const elements = (block['elements'] as Block[]).map((e) => (isShareButton(e) ? { ...e, action_id: `${ACTION.share}_${threadTs}_${n++}` } : e));
    return { ...block, elements };
  });
  return { text, blocks: shareable };
}

/** The thread a "Deel in de thread" button posts in; undefined for other buttons. */
export function sharedThread(actionId: string): string | undefined {
  const prefix = `${ACTION.share}_`;
  if (!actionId.startsWith(prefix)) return undefined;
  const threadTs = actionId.slice(prefix.length, actionId.lastIndexOf('_'));
  return /^\d+\.\d+$/.test(threadTs) ? threadTs : undefined;
}

function isShareButton(element: Block): boolean {
  return element['type'] === 'button' && (element['text'] as { text?: string } | undefined)?.text === expertTexts.share.label;
}
