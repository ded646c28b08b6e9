import { TurnContext, type Activity } from 'botbuilder';
import type { ActionEvent, Actor, BotEvent, ConversationRef } from '../../bot/events.js';
import { conversationAddress, userAddress } from './address.js';

/** Adaptive Card inputs and submit data: the names our cards use (see render.ts). */
export interface SubmitValue {
  rp?: unknown;
  rp_values?: unknown;
  rp_text?: unknown;
}

function scopeOf(activity: Partial<Activity>): ConversationRef['scope'] {
  const type = activity.conversation?.conversationType;
  return type === 'channel' ? 'channel' : type === 'groupChat' ? 'group' : 'personal';
}

export function conversationOf(activity: Partial<Activity>): ConversationRef {
  const scope = scopeOf(activity);
  // a channel conversation id includes ";messageid=" for a thread: one session per thread
  const address = conversationAddress(activity);
  return { key: `teams:${activity.conversation?.id ?? 'unknown'}`, scope, ...(address ? { address } : {}) };
}

/**
 * Who acts, in the conversation `conversationOf` made of the same activity. Admins and experts are Azure AD
 * object ids from the settings.
 */
export function actorOf(activity: Partial<Activity>, conversation: ConversationRef, adminIds: readonly string[], expertIds: readonly string[] = []): Actor {
  const from = activity.from;
  const id = from?.aadObjectId ?? from?.id ?? 'unknown';
  const aad = from?.aadObjectId;
  const personal = conversation.scope === 'personal';
  // reached later in their personal chat: this one, or from a channel or group chat one the bot opens
  const address = personal ? conversation.address : userAddress(activity);
  return {
    id: `teams:${id}`, name: from?.name?.trim() || 'Onbekend', isAdmin: aad !== undefined && adminIds.includes(aad),
    isExpert: aad !== undefined && expertIds.includes(aad), ...(address ? { address } : {}),
    // a card's refresh lists users by `from.id` (their MRI); only a card that many see has per-user views
    ...(!personal && from?.id ? { viewerId: from.id } : {}),
  };
}

/**
 * A click on one of our cards as an action event: the button's payload and the card's inputs (a multi-select's
 * values, a text box). The same for a Universal Action (invoke.ts) and an Action.Submit on a card sent before.
 */
export function cardAction(conversation: ConversationRef, actor: Actor, data: SubmitValue & { rp: string }): ActionEvent {
  return {
    kind: 'action',
    conversation,
    actor,
    payload: data.rp,
    ...(typeof data.rp_values === 'string' ? { values: data.rp_values.split(',').filter(Boolean) } : {}),
    ...(typeof data.rp_text === 'string' ? { text: data.rp_text } : {}),
  };
}

/**
 * An Activity as a neutral event, or undefined when the bot should not react (a channel message that
 * does not mention the bot, other members joining, typing, reactions).
 */
export function activityToEvent(activity: Activity, adminIds: readonly string[], expertIds: readonly string[] = []): BotEvent | undefined {
  const conversation = conversationOf(activity);
  const actor = actorOf(activity, conversation, adminIds, expertIds);
  if (activity.type === 'conversationUpdate') {
    const botId = activity.recipient?.id;
    const botAdded = (activity.membersAdded ?? []).some((m) => m.id === botId);
    return botAdded ? { kind: 'welcome', conversation, actor } : undefined;
  }
  if (activity.type !== 'message') return undefined;

  const value = activity.value as SubmitValue | undefined;
  if (value && typeof value === 'object' && typeof value.rp === 'string') return cardAction(conversation, actor, { ...value, rp: value.rp });

  const mentioned = (activity.entities ?? []).some((e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === activity.recipient?.id);
  if (conversation.scope !== 'personal' && !mentioned) return undefined;
  const text = (mentioned ? TurnContext.removeRecipientMention(activity) : activity.text ?? '') ?? '';
  return { kind: 'message', conversation, actor, text: text.replace(/<at>[^<]*<\/at>/g, '').trim() };
}
