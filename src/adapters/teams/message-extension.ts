import { CardFactory, type Activity } from 'botbuilder';
import type { Bot } from '../../bot/bot.js';
import type { AnswerReply } from '../../bot/replies.js';
import { errorCode, type Logger } from '../../log.js';
import { clip, type Budget, type Card } from './card-parts.js';

/**
 * The search-based message extension (issue 17, manifest `composeExtensions`): while someone types in the
 * compose box of any chat, Teams sends `composeExtension/query` invokes and shows our results as a list; a
 * chosen result puts the concept's card into the message. The core does the lookup (typos included).
 * Bad input (a missing or odd parameter, a huge text, another command) gets an empty list, never an error.
 */
export const SEARCH_COMMAND = 'zoekBegrip';
export const SEARCH_PARAMETER = 'zoek';
const QUERY_INVOKE = 'composeExtension/query';

/** Teams shows a list of results; more than ten is scrolling, not finding. */
export const MAX_RESULTS = 10;
/** Longer is no search term (a pasted text): empty result. */
const MAX_QUERY_CHARS = 200;
/** The preview in the list: the start of the short answer. */
const PREVIEW: Budget = { lines: 1, chars: 120 };

export interface QueryResponse {
  readonly composeExtension: { readonly type: 'result'; readonly attachmentLayout: 'list'; readonly attachments: readonly unknown[] };
}

export function isSearchQuery(activity: Partial<Activity>): boolean {
  return activity.type === 'invoke' && activity.name === QUERY_INVOKE;
}

/**
 * Answers query invokes: up to ten concept cards, each with a short preview for the list. A result is made
 * once per concept answer (the core's answers are one frozen object per concept and knowledge version, see
 * ../render-cache.ts), since Teams asks again at every few letters typed.
 */
export function createSearch(deps: { bot: Pick<Bot, 'searchConcepts'>; render: (reply: AnswerReply) => Card; log: Logger }): (activity: Partial<Activity>) => QueryResponse {
  const results = new WeakMap<AnswerReply, unknown>();
  const resultFor = (answer: AnswerReply): unknown => {
    let result = results.get(answer);
    if (result === undefined) results.set(answer, (result = resultOf(answer, deps.render)));
    return result;
  };
  return (activity) => {
    const query = queryOf(activity.value);
    let answers: AnswerReply[] = [];
    if (query !== undefined) {
      try {
        answers = deps.bot.searchConcepts(query, MAX_RESULTS).slice(0, MAX_RESULTS);
      } catch (err) {
        deps.log.error({ platform: 'teams', kind: 'message-extension', code: errorCode(err) }, 'teams message extension search failed');
      }
    }
    return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: answers.map(resultFor) } };
  };
}

/**
 * The typed text, '' for the first query Teams sends when the command opens (initialRun), or undefined for
 * anything that is not a query of ours.
 */
function queryOf(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { commandId, parameters, queryOptions } = value as { commandId?: unknown; parameters?: unknown; queryOptions?: { skip?: unknown } };
  if (commandId !== undefined && commandId !== SEARCH_COMMAND) return undefined;
  // every result comes on the first page
  if (typeof queryOptions?.skip === 'number' && queryOptions.skip > 0) return undefined;
  if (!Array.isArray(parameters)) return undefined;
  const params = parameters.filter((p): p is { name?: unknown; value?: unknown } => Boolean(p) && typeof p === 'object');
  const typed = params.find((p) => p.name === SEARCH_PARAMETER);
  if (typed) return typeof typed.value === 'string' && typed.value.length <= MAX_QUERY_CHARS ? typed.value.trim() : undefined;
  return params.some((p) => p.name === 'initialRun') ? '' : undefined;
}

/**
 * One result: the concept's card, without its buttons (the card is sent by the user into a chat the bot may not
 * be in, so a click there would reach nobody), and a thumbnail with the term and the start of the short answer.
 */
function resultOf(answer: AnswerReply, render: (reply: AnswerReply) => Card) {
  const { feedback: _feedback, ...rest } = answer;
  const card = CardFactory.adaptiveCard(render({ ...rest, related: [], actions: [] }));
  return { ...card, preview: CardFactory.thumbnailCard(answer.term, clip(answer.short, PREVIEW)) };
}
