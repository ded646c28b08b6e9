import type { SmallTalkEntry } from '../../knowledge/smalltalk-schema.js';
import { encodeAction } from '../actions.js';
import { helpReplies } from '../menu.js';
import { notice, type Reply } from '../replies.js';
import { texts } from '../texts.js';
import type { Turn } from '../turn.js';

/** The reply to small talk, as the editors wrote it, with a Help button or the help menu when they asked for one. */
export function smallTalkReplies(turn: Turn, entry: SmallTalkEntry): Reply[] {
  switch (entry.help) {
    case 'menu':
      return [notice(entry.reply), ...helpReplies(turn.snapshot, turn.event.conversation, turn.event.actor.isAdmin)];
    case 'button':
      return [notice(entry.reply, [{ label: texts.menu.helpLabel, payload: encodeAction({ a: 'cmd', c: 'help' }) }])];
    case undefined:
      return [notice(entry.reply)];
  }
}
