import type { Concept } from '../../knowledge/schema.js';
import { encodeAction } from '../actions.js';
import type { Actor } from '../events.js';
import { notice, type Reply } from '../replies.js';
import type { Turn } from '../turn.js';
import { askerReplies, erasedCard, expertCard } from './cards.js';
import { deliverTo } from './deliver.js';
import { ANSWER_MAX, changeQuestion, readQuestion, type ExpertQuestion } from './question.js';
import { expertTexts as t } from './texts.js';

/**
 * The experts' actions on a question: answer, link to a concept, no answer, deliver again. Each is checked
 * here, on the server, against the actor's role; the outcome goes to the asker through the outbox, and the
 * expert's card comes back updated (delivered, or failed with a retry button).
 */

export type ExpertAction =
  | { readonly a: 'xans'; readonly q: string }
  | { readonly a: 'xlink'; readonly q: string; readonly c?: string }
  | { readonly a: 'xnone'; readonly q: string }
  | { readonly a: 'xretry'; readonly q: string };

export const isExpert = (actor: Actor): boolean => actor.isAdmin || actor.isExpert === true;

export async function expertAction(turn: Turn, action: ExpertAction, input: { values?: readonly string[]; text?: string }): Promise<Reply[]> {
  const { actor } = turn.event;
  const current = await readQuestion(turn, action.q);
  if (!(await mayAnswer(turn, current))) {
    turn.experts?.refused(actor, action.a);
    return [privateNotice(t.expert.notAllowed, 'warning')];
  }
  if (!current) return [privateNotice(t.expert.gone)];
  switch (action.a) {
    case 'xans':
      return answer(turn, current, input.text?.trim() ?? '');
    case 'xlink':
      return link(turn, current, action.c ?? input.values?.[0], input.text?.trim() ?? '');
    case 'xnone':
      return handle(turn, current.id, (q) => ({ ...q, status: 'declined', expert: expertOf(actor) }));
    case 'xretry':
      return retry(turn, current);
  }
}

/**
 * Checked for every expert action: an admin, someone in EXPERT_IDS, or (EXPERTS_FROM_CHANNEL) a member of the
 * experts' channel the question was posted to, as that platform's adapter sees it. A question that is gone
 * has no channel: then only the first two.
 */
async function mayAnswer(turn: Turn, question: ExpertQuestion | undefined): Promise<boolean> {
  const { actor, conversation } = turn.event;
  if (isExpert(actor)) return true;
  if (!question || !turn.experts?.isChannelMember) return false;
  try {
    return await turn.experts.isChannelMember(question.channel, actor, conversation);
  } catch {
    return false;
  }
}

function answer(turn: Turn, q: ExpertQuestion, text: string): Promise<Reply[]> | Reply[] {
  if (!text) return [privateNotice(t.expert.emptyAnswer, 'warning')];
  if (text.length > ANSWER_MAX) return [privateNotice(t.expert.answerTooLong(ANSWER_MAX), 'warning')];
  return handle(turn, q.id, (open) => ({ ...open, status: 'answered', answer: text, expert: expertOf(turn.event.actor) }));
}

/** A chosen concept links at once; a typed term is looked up, and "bedoelde je…" asks which concept. */
function link(turn: Turn, q: ExpertQuestion, chosen: string | undefined, typed: string): Promise<Reply[]> | Reply[] {
  const concept = chosen ? turn.snapshot.conceptsById.get(chosen) : typed ? conceptFor(turn, q, typed) : undefined;
  if (Array.isArray(concept)) return concept;
  if (!concept) return [privateNotice(chosen || !typed ? t.expert.chooseConcept : t.expert.noConcept(typed), 'warning')];
  return handle(turn, q.id, (open) => ({ ...open, status: 'linked', linkedConceptId: concept.id, expert: expertOf(turn.event.actor) }));
}

function conceptFor(turn: Turn, q: ExpertQuestion, term: string): Concept | Reply[] | undefined {
  const result = turn.snapshot.index.lookup(term);
  if (result.outcome === 'match') return result.hits[0]!.concept;
  if (result.outcome === 'none') return undefined;
  const options = result.hits.map((h) => ({ label: t.expert.linkTo(h.concept.term), payload: encodeAction({ a: 'xlink', q: q.id, c: h.concept.id }) }));
  return [{ kind: 'suggestions', text: t.expert.whichConcept, options, actions: [], private: true }];
}

/** Moves an open question on (first expert wins), tells the asker, records whether that worked. */
async function handle(turn: Turn, id: string, change: (open: ExpertQuestion) => ExpertQuestion): Promise<Reply[]> {
  const { changed, question } = await changeQuestion(turn, id, (q) => (q.status === 'open' ? change(q) : undefined));
  if (!question) return [privateNotice(t.expert.gone)];
  if (!changed) return [privateNotice(t.expert.alreadyDone), expertCard(question, turn.snapshot)];
  return [await deliver(turn, question)];
}

async function retry(turn: Turn, q: ExpertQuestion): Promise<Reply[]> {
  if (q.status === 'open' || q.delivery !== 'failed') return [privateNotice(t.expert.nothingToRetry), expertCard(q, turn.snapshot)];
  return [await deliver(turn, q)];
}

/** Sends the outcome to the asker's chat and returns the expert's card with the delivery status. */
async function deliver(turn: Turn, q: ExpertQuestion): Promise<Reply> {
  const delivery = turn.experts ? await deliverTo(turn.experts, 'asker', q.asker.address, askerReplies(q, turn.snapshot)) : { ok: false };
  const outcome = delivery.ok ? 'delivered' : 'failed';
  const { question } = await changeQuestion(turn, q.id, (stored) => (stored.status === q.status ? { ...stored, delivery: outcome } : undefined));
  // erased by the asker meanwhile: the card says so rather than show the question again
  return question ? expertCard(question, turn.snapshot) : erasedCard(q);
}

function expertOf(actor: Actor): { id: string; name: string } {
  return { id: actor.id, name: actor.name };
}

function privateNotice(text: string, tone: 'info' | 'warning' = 'info'): Reply {
  return notice(text, [], { tone, private: true });
}
