import { encodeAction } from './actions.js';
import { SESSION_PREFIX, userPrefix } from './keys.js';
import { notice, type Reply } from './replies.js';
import { texts } from './texts.js';
import type { Turn } from './turn.js';
import type { GroupSession } from './dialogues/session.js';

/** "vergeet mij": nothing is erased before the user confirms with a button. */
export function forgetConfirmation(turn: Turn): Reply[] {
  return [
    notice(`${texts.privacy.confirm} ${texts.privacy.retention(turn.retentionDays)}`, [
      { label: texts.privacy.confirmLabel, payload: encodeAction({ a: 'cmd', c: 'forget-confirm' }), style: 'danger' },
      { label: texts.privacy.cancelLabel, payload: encodeAction({ a: 'cmd', c: 'forget-cancel' }) },
    ], { private: true }),
  ];
}

/** Erases every personal run of the user and their answers and name in every group session. */
export async function forgetUser(turn: Turn): Promise<Reply[]> {
  const { actor } = turn.event;
  let erased = 0;
  for (const key of await turn.store.list(userPrefix(actor))) {
    await turn.store.delete(key);
    erased++;
  }
  for (const key of await turn.store.list(SESSION_PREFIX)) {
    await turn.store.update<GroupSession>(key, (session) => {
      if (!session) return session;
      let touched = false;
      const votes: Record<string, GroupSession['votes'][string]> = {};
      for (const [stepId, byMember] of Object.entries(session.votes)) {
        if (actor.id in byMember) touched = true;
        votes[stepId] = Object.fromEntries(Object.entries(byMember).filter(([id]) => id !== actor.id));
      }
      const lead = session.leadId === actor.id;
      if (!touched && !lead) return session;
      erased++;
      return { ...session, votes, ...(lead ? { leadName: '(gewist)' } : {}) };
    }, { ttlMs: turn.ttlMs });
  }
  return [notice(texts.privacy.erased(erased), [], { private: true })];
}
