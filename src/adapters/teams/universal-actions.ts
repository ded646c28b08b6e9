import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import type { Bot } from '../../bot/bot.js';
import type { ActionEvent } from '../../bot/events.js';
import { isPrivate, type AnswerReply, type NoticeReply, type Reply } from '../../bot/replies.js';
import { texts } from '../../bot/texts.js';
import type { Logger } from '../../log.js';
import { describeError, type TurnRunner } from '../turn.js';
import { cardResponse, messageResponse, readCardInvoke, type InvokeBody } from './invoke.js';
import { md } from './card-parts.js';
import { replyToCard, type Card } from './render.js';

/**
 * Teams Universal Actions: an `adaptiveCard/action` invoke runs through the same turn runner as a message, and
 * is answered (the HTTP response to the invoke) with what the member who clicked sees in place of the card.
 *
 * Which reply belongs to the clicked card, decided once here:
 * - In a personal chat, a click on a live question card that moves the dialogue on (an answer, sla over, terug)
 *   is answered with the next question: the card becomes it. Other replies of the turn are posted as messages.
 * - Otherwise the clicked card becomes the clicker's own view of it as it is now (`Bot.view`): in a group their
 *   answer marked and the lead's buttons only for the lead; a step that is over shows its result and no live
 *   buttons. The turn's shared replies are posted as today (the group's tally updated in place for everyone).
 * - The turn's private notices ("Alleen Karin (de gespreksleider)…", "Deze vraag is al voorbij…") go only to
 *   the clicker: on top of that card, or as a short message to them when the card stays as it was. Never posted.
 *   Other private replies (an answer, the consent form, a notice with buttons) need a card of their own and
 *   are posted, as Teams has no private message in a channel.
 * - A refresh (Teams asking for a listed member's view of a card when it is shown) is answered with that view.
 */

export interface UniversalActionsDeps {
  readonly bot: Bot;
  readonly runner: TurnRunner;
  readonly adminIds: readonly string[];
  /** Azure AD object ids that may answer for the content team. */
  readonly expertIds: readonly string[];
  readonly log: Logger;
  /** Posts replies into the conversation, as for a message (a tally updated in place). */
  readonly post: (context: TurnContext, replies: readonly Reply[], conversationKey: string) => Promise<void>;
  /** Whether this invoke is seen for the first time (the Bot Framework redelivers when our answer was late). */
  readonly firstDelivery: (activity: Activity) => Promise<boolean>;
}

/** A notice for the clicker's eyes, on top of the card they see. */
function withNotices(card: Card, notices: readonly NoticeReply[]): Card {
  if (notices.length === 0) return card;
  const blocks = notices.map((n) => md(n.text, { color: n.tone === 'error' ? 'Attention' : 'Warning' }));
  return { ...card, body: [{ type: 'Container', style: 'emphasis', items: blocks }, ...card.body] };
}

const isNotice = (r: Reply): r is NoticeReply => r.kind === 'notice';

/** A concept's answer for the clicker, above their view of the card it was asked from (when that is a dialogue card). */
function answerOnTop(answer: AnswerReply, below: Reply | undefined): Card {
  const answerCard = replyToCard(answer);
  if (!below) return answerCard;
  const card = replyToCard(below);
  return { ...card, body: [{ type: 'Container', style: 'emphasis', items: answerCard.body }, ...card.body] };
}

export function createUniversalActions(deps: UniversalActionsDeps) {
  const { bot } = deps;

  async function click(context: TurnContext, event: ActionEvent): Promise<InvokeBody> {
    const ref = { conversation: event.conversation, actor: event.actor };
    // in a personal chat: whether the clicked card was a live question, which the next question then replaces
    const before = event.conversation.scope === 'personal' ? await bot.view(ref, event.payload).catch((err: unknown) => {
      // only decides whether the card is replaced: the turn itself still runs, inside its error boundary
      deps.log.warn({ platform: 'teams', ...describeError(err) }, 'teams card view failed');
      return undefined;
    }) : undefined;
    const wasLive = before?.kind === 'question' && !before.over;
    let response: InvokeBody | undefined;
    await deps.runner.run(event, {
      deliver: async (replies) => {
        // a private notice with buttons or detail lines needs its own card: it is posted
        const notices = replies.filter((r): r is NoticeReply => isPrivate(r) && isNotice(r) && r.actions.length === 0 && !r.details);
        // in a group, a concept's answer for the clicker alone goes on their own copy of the card (the invoke response
        // replaces a card for the clicker only); posting it would show it to everyone
        const answer = event.conversation.scope === 'personal' ? undefined : replies.find((r): r is AnswerReply => r.kind === 'answer' && isPrivate(r));
        const shared = replies.filter((r) => !notices.includes(r as NoticeReply) && r !== answer);
        const next = wasLive ? shared.find((r) => r.kind === 'question') : undefined;
        await deps.post(context, next ? shared.filter((r) => r !== next) : shared, event.conversation.key);
        const card = next ?? (await bot.view(ref, event.payload));
        const shown = answer ? answerOnTop(answer, card) : card ? replyToCard(card) : undefined;
        if (shown) response = cardResponse(withNotices(shown, notices));
        else response = messageResponse(notices.map((n) => n.text).join('\n\n'));
      },
      notify: async (reply) => {
        response = messageResponse(reply.text);
      },
    });
    return response ?? messageResponse(texts.errors.unexpected);
  }

  return {
    /** Answers the invoke in `context` (botbuilder sends the invoke response as the HTTP response). */
    async handle(context: TurnContext): Promise<void> {
      const activity = context.activity as Activity;
      const invoke = readCardInvoke(activity, deps.adminIds, deps.expertIds);
      let body: InvokeBody;
      if (invoke.kind === 'unknown') {
        deps.log.warn({ platform: 'teams', kind: 'invoke' }, 'teams card action not ours');
        body = messageResponse(texts.errors.unknownAction);
      } else if (invoke.kind === 'refresh') {
        const view = await bot.view({ conversation: invoke.conversation, actor: invoke.actor }, invoke.key);
        // without a view (store down, not a dialogue card) the member keeps the card as it is: an empty message
        body = view ? cardResponse(replyToCard(view)) : messageResponse('');
      } else if (!(await deps.firstDelivery(activity))) {
        deps.log.info({ kind: 'action' }, 'teams redelivery ignored');
        body = messageResponse('');
      } else {
        body = await click(context, invoke.event);
      }
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
    },
  };
}
