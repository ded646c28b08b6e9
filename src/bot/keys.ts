import type { Actor, ConversationRef } from './events.js';

/** Storage keys. Ids are URI-encoded so no id can reach into another's prefix. */
const enc = encodeURIComponent;

/** Everything about one user starts with this prefix, so "vergeet mij" finds it with one list. */
export const userPrefix = (actor: Pick<Actor, 'id'>): string => `user:${enc(actor.id)}:`;
export const personalKey = (actor: Pick<Actor, 'id'>, conversation: ConversationRef): string => `${userPrefix(actor)}conv:${enc(conversation.key)}`;
export const SESSION_PREFIX = 'session:';
export const sessionKey = (conversation: ConversationRef): string => `${SESSION_PREFIX}${enc(conversation.key)}`;
