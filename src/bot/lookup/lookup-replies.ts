import type { Concept } from '../../knowledge/schema.js';
import type { KnowledgeSnapshot } from '../../knowledge/snapshot.js';
import type { LookupResult } from '../../knowledge/search.js';
import { encodeAction } from '../actions.js';
import { answerExtras } from '../experts/answer-extras.js';
import { assertNever, notice, type Action, type AnswerReply, type Reply } from '../replies.js';
import { texts } from '../texts.js';

/** `on`: the group question card the button sits on (see the concept payload in actions.ts). */
export function conceptAction(concept: Pick<Concept, 'id' | 'term'>, on?: { readonly r: string; readonly s: string }): Action {
  return { label: concept.term, payload: encodeAction({ a: 'concept', id: concept.id, ...(on ? { on } : {}) }) };
}

/**
 * One answer object per concept and knowledge version, handed out for every question about that concept:
 * replies are never changed after they are made (the adapters copy before adding anything), so the adapters
 * can keep their rendering of it (see ../../adapters/render-cache.ts). Frozen, so a change would fail loudly.
 */
const answers = new WeakMap<KnowledgeSnapshot, WeakMap<Concept, AnswerReply>>();

export function answerReply(concept: Concept, snapshot: KnowledgeSnapshot): AnswerReply {
  let bySnapshot = answers.get(snapshot);
  if (!bySnapshot) answers.set(snapshot, (bySnapshot = new WeakMap()));
  let answer = bySnapshot.get(concept);
  if (!answer) bySnapshot.set(concept, (answer = makeAnswer(concept, snapshot)));
  return answer;
}

function makeAnswer(concept: Concept, snapshot: KnowledgeSnapshot): AnswerReply {
  const related = concept.related
    .map((id) => snapshot.conceptsById.get(id))
    .filter((c): c is Concept => c !== undefined)
    .map((c) => Object.freeze(conceptAction(c)));
  const { feedback, ask } = answerExtras(concept.id);
  return Object.freeze({
    kind: 'answer',
    conceptId: concept.id,
    term: concept.term,
    short: concept.short,
    explanation: concept.explanation,
    sources: concept.sources,
    verified: concept.verified,
    related: Object.freeze(related),
    actions: Object.freeze([Object.freeze(ask)]),
    feedback: Object.freeze({ ...feedback, yes: Object.freeze(feedback.yes), no: Object.freeze(feedback.no) }),
  });
}

/** The replies for a concept question: the answer, "bedoelde je..." with buttons, or an honest "weet ik niet". */
export function lookupReplies(result: LookupResult, snapshot: KnowledgeSnapshot): Reply[] {
  switch (result.outcome) {
    case 'match':
      return [answerReply(result.hits[0]!.concept, snapshot)];
    case 'suggest':
      return [{ kind: 'suggestions', text: texts.lookup.suggest, options: result.hits.map((h) => conceptAction(h.concept)), actions: [] }];
    case 'none':
      return [notice(texts.lookup.none)];
    default:
      return assertNever(result.outcome);
  }
}
