import type { KnowledgeSnapshot } from '../../knowledge/snapshot.js';
import type { Store } from '../../storage/port.js';
import type { ConversationRef } from '../events.js';
import { SESSION_PREFIX, sessionKey, voteKey, votePrefix } from '../keys.js';
import { pinnedDialogue } from './position.js';
import { isLegacySession, splitLegacySession, type GroupSession, type LegacyGroupSession, type MemberVotes } from './session.js';
import type { Vote } from './tally.js';

/**
 * The store side of group sessions: the session under `session:<conversation>`, each member's answers under
 * `vote:<conversation>:<session>:<member>`. A vote writes the member's record first and then counts it in
 * the session; when counting fails or comes too late, the record is put back as it was.
 */

interface Ctx {
  readonly store: Store;
  readonly snapshot: KnowledgeSnapshot;
  readonly ttlMs: number;
}

/** The session stored under `key`; one stored before version 0.2 is split into the session and its members' records first. */
export async function readSession(ctx: Ctx, key: string): Promise<GroupSession | undefined> {
  const stored = await ctx.store.get<GroupSession | LegacyGroupSession>(key);
  return stored && isLegacySession(stored) ? upgradeSession(ctx, key, stored) : stored;
}

export const readConversationSession = (ctx: Ctx, conversation: ConversationRef): Promise<GroupSession | undefined> => readSession(ctx, sessionKey(conversation));

async function upgradeSession(ctx: Ctx, key: string, legacy: LegacyGroupSession): Promise<GroupSession | undefined> {
  const conversation: ConversationRef = { key: decodeURIComponent(key.slice(SESSION_PREFIX.length)), scope: 'channel' };
  const { session, records } = splitLegacySession(legacy, conversation.key, pinnedDialogue(ctx.snapshot, legacy));
  for (const record of records) {
    await ctx.store.update<MemberVotes>(voteKey(conversation, record.sessionId, { id: record.memberId }), (current) => current ?? record, { ttlMs: ctx.ttlMs });
  }
  const upgraded = await ctx.store.update<GroupSession | LegacyGroupSession>(key, (current) => (current && isLegacySession(current) && current.id === legacy.id ? session : current), { ttlMs: ctx.ttlMs });
  return upgraded && isLegacySession(upgraded) ? upgradeSession(ctx, key, upgraded) : upgraded;
}

/** Every member's record of a session. */
export async function memberRecords(store: Store, conversation: ConversationRef, sessionId: string): Promise<MemberVotes[]> {
  const records = await Promise.all((await store.list(votePrefix(conversation, sessionId))).map((key) => store.get<MemberVotes>(key)));
  return records.filter((r): r is MemberVotes => r !== undefined && r.sessionId === sessionId);
}

/** Writes a member's answer to a step into their record; returns the answer it replaces and the record's new revision. */
export async function recordVote(ctx: Ctx, conversation: ConversationRef, sessionId: string, member: { id: string }, stepId: string, vote: Vote): Promise<{ before?: Vote; rev: number }> {
  let result: { before?: Vote; rev: number } = { rev: 1 };
  await ctx.store.update<MemberVotes>(
    voteKey(conversation, sessionId, member),
    (record) => {
      const own = record?.sessionId === sessionId ? record : undefined;
      const before = own?.votes[stepId];
      result = { ...(before ? { before } : {}), rev: (own?.rev ?? 0) + 1 };
      return { sessionId, conversationKey: conversation.key, memberId: member.id, rev: result.rev, votes: { ...own?.votes, [stepId]: vote } };
    },
    { ttlMs: ctx.ttlMs },
  );
  return result;
}

/** Puts a member's record back as it was before the vote with revision `rev` (unless the member changed it again since). */
export async function takeBackVote(ctx: Ctx, conversation: ConversationRef, sessionId: string, member: { id: string }, stepId: string, before: Vote | undefined, rev: number): Promise<void> {
  await ctx.store.update<MemberVotes>(
    voteKey(conversation, sessionId, member),
    (record) => {
      if (!record || record.rev !== rev) return record;
      const votes = { ...record.votes };
      if (before) votes[stepId] = before;
      else delete votes[stepId];
      return Object.keys(votes).length > 0 ? { ...record, votes } : undefined;
    },
    { ttlMs: ctx.ttlMs },
  );
}
