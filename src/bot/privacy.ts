import { encodeAction } from './actions.js';
import { isVoteKeyOf, SESSION_PREFIX, sessionKey, userPrefix, VOTE_PREFIX } from './keys.js';
import { notice, type Reply } from './replies.js';
import { texts } from './texts.js';
import type { Turn } from './turn.js';
import { readSession } from './dialogues/member-votes.js';
import { countVote, type GroupSession, type MemberVotes } from './dialogues/session.js';
import { withoutText } from './dialogues/tally.js';
import { forgetExpertQuestions } from './experts/forget.js';

/** "vergeet mij": nothing is erased before the user confirms with a button. */
export function forgetConfirmation(turn: Turn): Reply[] {
  return [
    notice(`${texts.privacy.confirm} ${texts.privacy.retention(turn.retentionDays)}`, [
      { label: texts.privacy.confirmLabel, payload: encodeAction({ a: 'cmd', c: 'forget-confirm' }), style: 'danger' },
      { label: texts.privacy.cancelLabel, payload: encodeAction({ a: 'cmd', c: 'forget-cancel' }) },
    ], { private: true }),
  ];
}

/**
 * Erases every personal run of the user, their answers in every group session (also from its counts), their name
 * as a lead, their votes on answers, and their questions to the content team (their name where they answered one).
 */
export async function forgetUser(turn: Turn): Promise<Reply[]> {
  const { actor } = turn.event;
  const { store } = turn;
  let erased = 0;
  for (const key of await store.list(userPrefix(actor))) {
    await store.delete(key);
    erased++;
  }
  // sessions stored before version 0.2 keep answers inside: this splits them into members' records first
  const sessionKeys = await store.list(SESSION_PREFIX);
  for (const key of sessionKeys) await readSession(turn, key);
  for (const key of (await store.list(VOTE_PREFIX)).filter((k) => isVoteKeyOf(k, actor))) {
    const record = await store.get<MemberVotes>(key);
    if (record) {
      await store.update<GroupSession>(sessionKey({ key: record.conversationKey, scope: 'channel' }), (session) => {
        if (session?.id !== record.sessionId) return session;
        return Object.entries(record.votes).reduce((s, [stepId, vote]) => countVote(s, undefined, stepId, actor.id, vote, undefined, Number.MAX_SAFE_INTEGER, turn.now), session);
      }, { ttlMs: turn.ttlMs });
    }
    await store.delete(key);
    erased++;
  }
  // what is left in the sessions: their name as a lead, and free-text answers whose record already expired
  for (const key of sessionKeys) {
    // set, not counted, inside the update: a store may run the update function more than once (Redis does on a conflict)
    let touched = false;
    await store.update<GroupSession>(key, (session) => {
      touched = false;
      if (!session?.tallies) return session;
      const lead = session.leadId === actor.id;
      const texted = Object.values(session.tallies).some((t) => actor.id in t.texts);
      const viewer = actor.id in (session.viewers ?? {});
      if (!lead && !texted && !viewer) return session;
      touched = true;
      const tallies = Object.fromEntries(Object.entries(session.tallies).map(([stepId, t]) => [stepId, actor.id in t.texts ? { ...t, texts: withoutText(t.texts, actor.id) } : t]));
      const viewers = viewer ? { viewers: Object.fromEntries(Object.entries(session.viewers ?? {}).filter(([id]) => id !== actor.id)) } : {};
      return { ...session, tallies, ...viewers, ...(lead ? { leadName: '(gewist)' } : {}) };
    }, { ttlMs: turn.ttlMs });
    if (touched) erased++;
  }
  erased += await forgetExpertQuestions(turn);
  return [notice(texts.privacy.erased(erased), [], { private: true })];
}
