import type { KnowledgeSnapshot } from '../../knowledge/snapshot.js';
import { when } from '../admin.js';
import { encodeAction } from '../actions.js';
import { answerReply } from '../lookup/lookup-replies.js';
import { notice, type Action, type ChoiceOption, type ExpertQuestionReply, type Reply } from '../replies.js';
import { ANSWER_MAX, questionCardKey, type ExpertQuestion } from './question.js';
import { expertTexts as t } from './texts.js';

/** The experts' card of a question and what the asker receives: both made from the stored record only. */

/** Concepts offered in the card's choice input (Slack's static select takes at most 100). */
const MAX_CONCEPT_OPTIONS = 100;

export function expertCard(q: ExpertQuestion, snapshot: KnowledgeSnapshot): ExpertQuestionReply {
  const about = q.conceptId ? snapshot.conceptsById.get(q.conceptId) : undefined;
  const askedAt = when(new Date(q.askedAt).toISOString());
  const lines = [
    q.asker.name ? t.card.askedBy(q.asker.name, askedAt) : t.card.askedAnonymous(askedAt),
    ...(about ? [t.card.about(about.term)] : []),
    ...outcomeLines(q, snapshot),
  ];
  const base = { kind: 'expert-question' as const, replaceKey: questionCardKey(q.id), version: q.version, heading: t.card.heading, question: q.question, lines };
  if (q.status !== 'open') {
    const retry: Action[] = q.delivery === 'failed' ? [{ label: t.card.retry, payload: encodeAction({ a: 'xretry', q: q.id }), style: 'primary' }] : [];
    return { ...base, ...(q.answer ? { answer: q.answer } : {}), actions: retry };
  }
  return {
    ...base,
    answerInput: { label: t.card.answerLabel, placeholder: t.card.answerPlaceholder, maxLength: ANSWER_MAX, submit: { label: t.card.answer, payload: encodeAction({ a: 'xans', q: q.id }), style: 'primary' } },
    conceptInput: { label: t.card.conceptLabel, placeholder: t.card.conceptPlaceholder, options: conceptOptions(q, snapshot), submit: { label: t.card.link, payload: encodeAction({ a: 'xlink', q: q.id }) } },
    actions: [{ label: t.card.decline, payload: encodeAction({ a: 'xnone', q: q.id }) }],
  };
}

/** The card once the asker erased the question: nothing of it is left on the card. */
export function erasedCard(q: Pick<ExpertQuestion, 'id' | 'version'>): ExpertQuestionReply {
  return { kind: 'expert-question', replaceKey: questionCardKey(q.id), version: q.version + 1, heading: t.card.heading, question: '', lines: [t.card.erased], actions: [] };
}

function outcomeLines(q: ExpertQuestion, snapshot: KnowledgeSnapshot): string[] {
  const name = q.expert?.name ?? '?';
  const delivery = q.delivery === 'delivered' ? [t.card.delivered] : q.delivery === 'failed' ? [t.card.notDelivered] : [];
  switch (q.status) {
    case 'open':
      return [];
    case 'answered':
      return [t.card.answered(name), ...delivery];
    case 'linked':
      return [t.card.linked(name, snapshot.conceptsById.get(q.linkedConceptId ?? '')?.term ?? q.linkedConceptId ?? '?'), ...delivery];
    case 'declined':
      return [t.card.declined(name), ...delivery];
  }
}

/** The lookup's best concepts for the question first (the likely link), then every other concept by name. */
function conceptOptions(q: ExpertQuestion, snapshot: KnowledgeSnapshot): ChoiceOption[] {
  const best = snapshot.index.lookup(q.question).hits.map((h) => h.concept);
  const rest = [...snapshot.concepts].sort((a, b) => a.term.localeCompare(b.term, 'nl'));
  const seen = new Set<string>();
  const options: ChoiceOption[] = [];
  for (const c of [...best, ...rest]) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    options.push({ label: c.term, value: c.id });
    if (options.length >= MAX_CONCEPT_OPTIONS) break;
  }
  return options;
}

/** What the asker receives for a handled question; empty while it is open. */
export function askerReplies(q: ExpertQuestion, snapshot: KnowledgeSnapshot): Reply[] {
  const yourQuestion = [t.delivery.yourQuestion(q.question)];
  switch (q.status) {
    case 'open':
      return [];
    case 'answered':
      return [{ kind: 'expert-answer', heading: t.delivery.heading, question: q.question, answer: q.answer ?? '', byline: t.delivery.byline(q.expert?.name ?? '?'), actions: [] }];
    case 'linked': {
      const concept = snapshot.conceptsById.get(q.linkedConceptId ?? '');
      // a concept removed by a reload since the link: the asker still hears that it was linked, by name
      const term = concept?.term ?? q.linkedConceptId ?? '?';
      return [notice(t.delivery.linked(term), [], { details: yourQuestion }), ...(concept ? [answerReply(concept, snapshot)] : [])];
    }
    case 'declined':
      return [notice(t.delivery.declined, [], { details: yourQuestion })];
  }
}
