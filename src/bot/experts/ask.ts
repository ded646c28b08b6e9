import { encodeAction, INLINE_TEXT_MAX } from '../actions.js';
import type { Address } from '../events.js';
import { notice, type Action, type Reply } from '../replies.js';
import type { Turn } from '../turn.js';
import { expertCard } from './cards.js';
import { readExpertsChannel } from './channel.js';
import { deliverTo } from './deliver.js';
import { QUESTION_MAX, saveQuestion, questionKey, type ExpertQuestion } from './question.js';
import { expertTexts as t } from './texts.js';

/** "Vraag het de kennisredactie": consent first (what is sent and kept, name or not), then store and send. */

/** The button under "weet ik niet" and "bedoelde je…": it carries the question as typed (cut to fit a button). */
export function askAction(question: string): Action {
  const text = question.trim();
  return { label: t.ask.label, payload: encodeAction({ a: 'xask', t: text.length > INLINE_TEXT_MAX ? `${text.slice(0, INLINE_TEXT_MAX - 1)}…` : text }) };
}

/** The consent form: the question to edit (prefilled where known), and three buttons. */
export function consentForm(turn: Turn, question: string | undefined, conceptId: string | undefined): Reply[] {
  const carried = { ...(question ? { t: question } : {}), ...(conceptId ? { c: conceptId } : {}) };
  return [{
    kind: 'expert-consent',
    // asked in a channel or group chat, the answer goes to the asker's own chat, not here
    text: t.ask.consent(turn.retentionDays, turn.event.conversation.scope === 'personal'),
    field: { label: t.ask.inputLabel, placeholder: t.ask.inputPlaceholder, maxLength: QUESTION_MAX, value: question ?? '' },
    actions: [
      { label: t.ask.withName, payload: encodeAction({ a: 'xsend', n: 1, ...carried }), style: 'primary' },
      { label: t.ask.withoutName, payload: encodeAction({ a: 'xsend', n: 0, ...carried }) },
      { label: t.ask.cancel, payload: encodeAction({ a: 'xcancel' }) },
    ],
    private: true,
  }];
}

/** Where the answer can reach the asker later: their own chat. */
function askerAddress(turn: Turn): Address | undefined {
  const { actor, conversation } = turn.event;
  return actor.address ?? (conversation.scope === 'personal' ? conversation.address : undefined);
}

/**
 * Consent given: the question (the form's text, else the one the button carries) is stored, then posted to the
 * experts' channel of the asker's platform. When the post fails, the record goes again: nothing is kept that
 * was not sent.
 */
export async function sendQuestion(turn: Turn, payload: { n: 0 | 1; t?: string; c?: string }, typed: string | undefined): Promise<Reply[]> {
  const text = (typed?.trim() || payload.t?.trim()) ?? '';
  if (!text) return [privateNotice(t.ask.empty, 'warning')];
  if (text.length > QUESTION_MAX) return [privateNotice(t.ask.tooLong(QUESTION_MAX), 'warning')];
  const outbox = turn.experts;
  if (!outbox) return [privateNotice(t.ask.unavailable)];
  const address = askerAddress(turn);
  if (!address) return [privateNotice(turn.event.conversation.scope === 'personal' ? t.ask.unavailable : t.ask.needPersonalChat)];
  const channel = await readExpertsChannel(turn, address.platform);
  if (!channel) return [privateNotice(t.ask.noChannel)];

  const { actor } = turn.event;
  const question: ExpertQuestion = {
    id: turn.newId(),
    question: text,
    asker: { id: actor.id, ...(payload.n === 1 ? { name: actor.name } : {}), address },
    ...(payload.c && turn.snapshot.conceptsById.has(payload.c) ? { conceptId: payload.c } : {}),
    channel: channel.address,
    askedAt: turn.now,
    updatedAt: turn.now,
    status: 'open',
    version: 1,
  };
  await saveQuestion(turn, question);
  const delivery = await deliverTo(outbox, 'experts', channel.address, [expertCard(question, turn.snapshot)]);
  if (!delivery.ok) {
    await turn.store.delete(questionKey(question.id));
    return [privateNotice(t.ask.sendFailed, 'warning')];
  }
  return [privateNotice(t.ask.sent(turn.retentionDays, turn.event.conversation.scope === 'personal'))];
}

function privateNotice(text: string, tone: 'info' | 'warning' = 'info'): Reply {
  return notice(text, [], { tone, private: true });
}
