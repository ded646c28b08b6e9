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
    payload: encodeAction(group ? { a: 'start', d: d.id, g: 1 } : { a: 'start', d: d.id }),
  }));
}

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
