import type { HomeView } from '../../bot/replies.js';
import { ACTION } from './inbound.js';
import { actions, button, escapeMrkdwn, type Block } from './blocks.js';
import { slackTexts } from './texts.js';

/** Unfinished dialogues listed on the App Home; more are counted ("… en nog 3 gesprekken"). */
const UNFINISHED_SHOWN = 10;

/** The App Home tab: a menu with the dialogues and the user's unfinished ones. */
export function homeBlocks(view: HomeView): Block[] {
  const blocks: Block[] = [
    { type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(view.intro) } },
    { type: 'header', text: { type: 'plain_text', text: slackTexts.homeUnfinished } },
  ];
  if (view.unfinished.length === 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: slackTexts.homeNone }] });
  for (const u of view.unfinished.slice(0, UNFINISHED_SHOWN)) {
    blocks.push({ type: 'section', text: { type: 'plain_text', text: `${u.dialogueTitle} ${slackTexts.homeAt(u.stepTitle)}`.trim(), emoji: false } });
  }
  const left = view.unfinished.length - UNFINISHED_SHOWN;
  if (left > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: slackTexts.more(left, slackTexts.dialoguesOne, slackTexts.dialoguesMany) }] });
  if (view.resume) blocks.push({ type: 'actions', elements: [button(view.resume, ACTION.button, 0)] });
  blocks.push({ type: 'header', text: { type: 'plain_text', text: slackTexts.homeDialogues } });
  // every dialogue, 25 buttons to an actions block (a Home tab takes 100 blocks)
  blocks.push(...actions(view.dialogues, 1));
  return blocks;
}
