import type { Actor, ConversationRef } from './events.js';

/** Storage keys. Ids are URI-encoded so no id can reach into another's prefix. */
const enc = encodeURIComponent;

/** Everything about one user starts with this prefix, so "vergeet mij" finds it with one list. */
export const userPrefix = (actor: Pick<Actor, 'id'>): string => `user:${enc(actor.id)}:`;
export const personalKey = (actor: Pick<Actor, 'id'>, conversation: ConversationRef): string => `${userPrefix(actor)}conv:${enc(conversation.key)}`;
export const SESSION_PREFIX = 'session:';
export const sessionKey = (conversation: ConversationRef): string => `${SESSION_PREFIX}${enc(conversation.key)}`;
/** A member's answers in a group session: `vote:<conversation>:<session id>:<member>`. */
export const VOTE_PREFIX = 'vote:';
export const votePrefix = (conversation: ConversationRef, sessionId?: string): string => `${VOTE_PREFIX}${enc(conversation.key)}:${sessionId === undefined ? '' : `${enc(sessionId)}:`}`;
export const voteKey = (conversation: ConversationRef, sessionId: string, member: Pick<Actor, 'id'>): string => `${votePrefix(conversation, sessionId)}${enc(member.id)}`;
/** Whether a vote key belongs to `member` (for "vergeet mij", which looks through all of them). */
export const isVoteKeyOf = (key: string, member: Pick<Actor, 'id'>): boolean => key.startsWith(VOTE_PREFIX) && key.endsWith(`:${enc(member.id)}`);
