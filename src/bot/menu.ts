import type { Dialogue } from '../knowledge/dialogue-schema.js';
import type { KnowledgeSnapshot } from '../knowledge/snapshot.js';
import { encodeAction } from './actions.js';
import { isGroupScope, type ConversationRef } from './events.js';
import { notice, type Action, type Reply } from './replies.js';
import { texts } from './texts.js';

/** A start button per dialogue; in a channel or group chat they start a group session. */
export function dialogueButtons(snapshot: KnowledgeSnapshot, conversation: ConversationRef): Action[] {
  const group = isGroupScope(conversation);
  return snapshot.dialogues.map((d) => ({
    label: group ? texts.menu.startGroupLabel(d.title) : texts.menu.startLabel(d.title),
    shortLabel: texts.menu.startLabel(shortName(d)),
    payload: encodeAction(group ? { a: 'start', d: d.id, g: 1 } : { a: 'start', d: d.id }),
  }));
}

/**
 * The name a short start button shows ("Zelfscan"): the first alias (the word people type after *start*), else
 * the title up to its colon. The menu text next to the buttons gives every full title.
 */
function shortName(dialogue: Pick<Dialogue, 'title' | 'aliases'>): string {
  const alias = dialogue.aliases[0];
  const name = alias && alias.length <= SHORT_NAME_MAX ? alias : dialogue.title.split(':')[0]!.trim();
  const clipped = name.length <= SHORT_NAME_MAX ? name : `${name.slice(0, SHORT_NAME_MAX - 1).trimEnd()}…`;
  return clipped.charAt(0).toUpperCase() + clipped.slice(1);
}

/** "Start: " plus this many characters stays within the 20 or so characters Teams shows per button in a row. */
const SHORT_NAME_MAX = 14;

export function menuReplies(text: string, snapshot: KnowledgeSnapshot, conversation: ConversationRef): Reply[] {
  const buttons = dialogueButtons(snapshot, conversation);
  const list = snapshot.dialogues.map((d) => `• *${d.title}*: ${d.description}`).join('\n');
  const body = snapshot.dialogues.length > 0 ? `${text}\n\n${texts.menu.dialoguesHeading}\n${list}` : `${text}\n\n${texts.menu.noDialogues}`;
  return [notice(body, [...buttons, { label: texts.menu.helpLabel, payload: encodeAction({ a: 'cmd', c: 'help' }) }])];
}

/** The help; admins also see their commands. */
export function helpReplies(snapshot: KnowledgeSnapshot, conversation: ConversationRef, isAdmin = false): Reply[] {
  return menuReplies(isAdmin ? `${texts.menu.help}\n${texts.menu.adminHelp}` : texts.menu.help, snapshot, conversation);
}
