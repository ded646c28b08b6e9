import type { MemberViews, QuestionReply, TallyReply } from '../../bot/replies.js';
import { texts } from '../../bot/texts.js';
import { plain } from './card-parts.js';
import { teamsTexts } from './texts.js';

/**
 * The Teams side of per-member views (Universal Actions): a group card's `refresh`, so Teams asks the bot for
 * each listed member's own view of it, and the parts only a member's view has (their answer, a closed step's
 * result). User text goes in TextRuns, never parsed as markdown.
 */

/** Teams shows per-user views to at most 60 users of one card (refresh `userIds`); a larger group shares the card. */
const MAX_REFRESH_USERS = 60;

/** The verb of a refresh invoke; clicks carry VERB_CLICK. */
export const VERB_REFRESH = 'refresh';
export const VERB_CLICK = 'rp';

/** `refresh` for a card with member views (Adaptive Cards 1.4+: Teams invokes it for the listed users when the card is shown). */
function refreshOf(views: MemberViews | undefined): Record<string, unknown> | undefined {
  if (!views || views.viewers.length === 0 || views.viewers.length > MAX_REFRESH_USERS) return undefined;
  return { action: { type: 'Action.Execute', verb: VERB_REFRESH, data: { rp_view: views.key } }, userIds: [...views.viewers] };
}

/** What a member's view adds to the body: a closed step's result (counts, free-text answers) and their own answer. */
export function viewParts(reply: QuestionReply | TallyReply): unknown[] {
  const parts: unknown[] = [];
  if (reply.kind === 'question' && reply.result) {
    const { result } = reply;
    parts.push(plain(teamsTexts.answersCount(result.respondents), { isSubtle: true, size: 'Small' }));
    parts.push(...result.counts.filter((c) => c.count > 0).map((c) => plain(`${c.label}: ${c.count}`)));
    parts.push(...result.texts.map((t) => plain(t)));
  }
  if (reply.mine !== undefined) parts.push(plain(texts.dialogue.yourAnswer(reply.mine), { weight: 'Bolder', color: 'Good' }));
  return parts;
}

/** The card with its refresh, when the reply has member views. */
export function withRefresh<C extends Record<string, unknown>>(card: C, views: MemberViews | undefined): C {
  const refresh = refreshOf(views);
  return refresh ? { ...card, refresh } : card;
}
