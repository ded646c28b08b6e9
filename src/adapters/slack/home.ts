import type { HomeView } from '../../bot/replies.js';
import { ACTION } from './inbound.js';
import { button, escapeMrkdwn, type Block } from './render.js';
import { slackTexts } from './texts.js';

/** The App Home tab: a menu with the dialogues and the user's unfinished ones. */
export function homeBlocks(view: HomeView): Block[] {
  const blocks: Block[] = [
    { type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(view.intro) } },
    { type: 'header', text: { type: 'plain_text', text: slackTexts.homeUnfinished } },
  ];
  if (view.unfinished.length === 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: slackTexts.homeNone }] });
  for (const u of view.unfinished.slice(0, 10)) {
    blocks.push({ type: 'section', text: { type: 'plain_text', text: `${u.dialogueTitle} ${slackTexts.homeAt(u.stepTitle)}`.trim(), emoji: false } });
  }
  if (view.resume) blocks.push({ type: 'actions', elements: [button(view.resume, ACTION.button, 0)] });
  blocks.push({ type: 'header', text: { type: 'plain_text', text: slackTexts.homeDialogues } });
  blocks.push({ type: 'actions', elements: view.dialogues.slice(0, 25).map((a, i) => button(a, ACTION.button, i + 1)) });
  return blocks;
}
