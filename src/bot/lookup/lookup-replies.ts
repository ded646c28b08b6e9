import type { Concept } from '../../knowledge/schema.js';
import type { KnowledgeSnapshot } from '../../knowledge/snapshot.js';
import type { LookupResult } from '../../knowledge/search.js';
import { encodeAction } from '../actions.js';
import { assertNever, notice, type Action, type AnswerReply, type Reply } from '../replies.js';
import { texts } from '../texts.js';

export function conceptAction(concept: Pick<Concept, 'id' | 'term'>): Action {
  return { label: concept.term, payload: encodeAction({ a: 'concept', id: concept.id }) };
}

export function answerReply(concept: Concept, snapshot: KnowledgeSnapshot): AnswerReply {
  const related = concept.related
    .map((id) => snapshot.conceptsById.get(id))
    .filter((c): c is Concept => c !== undefined)
    .map(conceptAction);
  return {
    kind: 'answer',
    conceptId: concept.id,
    term: concept.term,
    short: concept.short,
    explanation: concept.explanation,
    sources: concept.sources,
    verified: concept.verified,
    related,
    actions: [],
  };
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
