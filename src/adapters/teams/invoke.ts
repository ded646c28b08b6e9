import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { ActionEvent, Actor, ConversationRef } from '../../bot/events.js';
import { actorOf, cardAction, conversationOf } from './inbound.js';
import { VERB_REFRESH } from './member-view.js';

/**
 * An `adaptiveCard/action` invoke (a Universal Action): a click on an Action.Execute button, or Teams asking for
 * a member's view of a card (`refresh`). The data are ours (render.ts, member-view.ts); inputs on the card come
 * with them. Anything else in the value is not ours to judge.
 */
const CARD_ACTION = 'adaptiveCard/action';

const data = z.looseObject({ rp: z.string().max(4000).optional(), rp_view: z.string().max(400).optional(), rp_values: z.string().optional(), rp_text: z.string().optional() });
const invokeValue = z.looseObject({ action: z.looseObject({ type: z.string().optional(), verb: z.string().optional(), data: data.optional() }) });

export type CardInvoke =
  | { readonly kind: 'click'; readonly event: ActionEvent }
  | { readonly kind: 'refresh'; readonly key: string; readonly conversation: ConversationRef; readonly actor: Actor }
  /** Not one of ours, or a malformed value: answered with a friendly notice, no turn. */
  | { readonly kind: 'unknown' };

export const isCardInvoke = (activity: Partial<Activity>): boolean => activity.type === 'invoke' && activity.name === CARD_ACTION;

export function readCardInvoke(activity: Activity, adminIds: readonly string[], expertIds: readonly string[] = []): CardInvoke {
  const parsed = invokeValue.safeParse(activity.value);
  const d = parsed.success ? parsed.data.action.data : undefined;
  const conversation = conversationOf(activity);
  const actor = actorOf(activity, conversation, adminIds, expertIds);
  if (parsed.success && parsed.data.action.verb === VERB_REFRESH && d?.rp_view) return { kind: 'refresh', key: d.rp_view, conversation, actor };
  if (!d?.rp) return { kind: 'unknown' };
  return { kind: 'click', event: cardAction(conversation, actor, { ...d, rp: d.rp }) };
}

/** The body of an invoke response (the HTTP response to the invoke), as Universal Actions define it. */
export type InvokeBody =
  | { readonly statusCode: 200; readonly type: 'application/vnd.microsoft.card.adaptive'; readonly value: Record<string, unknown> }
  | { readonly statusCode: 200; readonly type: 'application/vnd.microsoft.activity.message'; readonly value: string };

/** The clicked card replaced, for the member who clicked (other members keep seeing theirs). */
export const cardResponse = (card: Record<string, unknown>): InvokeBody => ({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card });

/** A short text shown to the member who clicked only; the card stays as it was. */
export const messageResponse = (text: string): InvokeBody => ({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text });
