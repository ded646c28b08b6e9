import type { ExpertQuestion } from '../bot/experts/question.js';
import { foldText, queryTokens } from '../knowledge/normalize.js';
import type { CategoryId } from '../knowledge/schema.js';
import type { KnowledgeSnapshot } from '../knowledge/snapshot.js';

/**
 * From answer to knowledge: a question the experts linked to a concept proposes an alias of it; a written answer
 * proposes a concept draft. Nothing of the asker goes in (no name, no id): only the words of the question, the
 * expert's answer and the expert's name as an editor's note. Proposals are read from the stored questions, so
 * they expire and are erased with them.
 */
export interface AliasProposal {
  readonly questionId: string;
  readonly conceptId: string;
  readonly term: string;
  readonly alias: string;
  readonly expert: string;
  readonly at: string;
}

export interface DraftProposal {
  readonly questionId: string;
  readonly id: string;
  readonly term: string;
  readonly category: CategoryId;
  readonly short: string;
  readonly explanation: string;
  readonly related: readonly string[];
  readonly expert: string;
  readonly at: string;
}

export interface Proposals {
  readonly aliases: readonly AliasProposal[];
  readonly drafts: readonly DraftProposal[];
  /** Handled questions that propose nothing, and why (in English, for the editor's terminal). */
  readonly skipped: ReadonlyArray<{ readonly questionId: string; readonly reason: string }>;
}

/** A name is a few words: a longer question is no alias or term. */
const MAX_NAME_WORDS = 6;
const SHORT_MAX = 400;
const FALLBACK_CATEGORY: CategoryId = 'praktijk';

export function proposalsFrom(questions: readonly ExpertQuestion[], snapshot: KnowledgeSnapshot): Proposals {
  const owner = new Map<string, string>(); // folded name -> concept id, as validate's one-name-one-concept rule sees it
  for (const c of snapshot.concepts) for (const n of [c.term, ...c.aliases]) owner.set(foldText(n), c.id);
  const ids = new Set(snapshot.concepts.map((c) => c.id));
  const aliases: AliasProposal[] = [];
  const drafts: DraftProposal[] = [];
  const skipped: Array<{ questionId: string; reason: string }> = [];
  const byTime = [...questions].sort((a, b) => a.updatedAt - b.updatedAt || a.id.localeCompare(b.id));
  for (const q of byTime) {
    if (q.status !== 'linked' && q.status !== 'answered') continue;
    const name = nameOf(q.question);
    const at = new Date(q.updatedAt).toISOString();
    const expert = q.expert?.name ?? '';
    if (!name) {
      skipped.push({ questionId: q.id, reason: `no name in the question (empty, or more than ${MAX_NAME_WORDS} words)` });
      continue;
    }
    const taken = owner.get(foldText(name));
    if (q.status === 'linked') {
      const concept = snapshot.conceptsById.get(q.linkedConceptId ?? '');
      if (!concept) skipped.push({ questionId: q.id, reason: `linked concept "${q.linkedConceptId}" is no longer in the knowledge` });
      else if (taken) skipped.push({ questionId: q.id, reason: taken === concept.id ? `"${name}" is already a name of "${concept.id}"` : `"${name}" is a name of "${taken}"` });
      else {
        owner.set(foldText(name), concept.id);
        aliases.push({ questionId: q.id, conceptId: concept.id, term: concept.term, alias: name, expert, at });
      }
      continue;
    }
    if (taken) {
      skipped.push({ questionId: q.id, reason: `"${name}" is a name of "${taken}": link the question to it instead` });
      continue;
    }
    const id = uniqueId(name, ids);
    ids.add(id);
    owner.set(foldText(name), id);
    const best = snapshot.index.lookup(q.question).hits[0]?.concept;
    const answer = (q.answer ?? '').trim();
    drafts.push({
      questionId: q.id, id, term: name[0]!.toUpperCase() + name.slice(1), category: best?.category ?? FALLBACK_CATEGORY,
      short: shortOf(answer), explanation: answer, related: best ? [best.id] : [], expert, at,
    });
  }
  return { aliases, drafts, skipped };
}

/** The question's content words ("Wat is een buurtkamer?" -> "buurtkamer"), folded as the lookup reads them. */
export function nameOf(question: string): string | undefined {
  const words = queryTokens(question).map((t) => t.word);
  return words.length > 0 && words.length <= MAX_NAME_WORDS ? words.join(' ') : undefined;
}

function uniqueId(name: string, taken: ReadonlySet<string>): string {
  const base = name.split(' ').join('-').replace(/[^a-z0-9-]/g, '').replace(/-+/g, '-').replace(/^-|-$/g, '') || 'voorstel';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** The first sentences of the answer that fit the short answer's limit; a long first sentence is cut. */
function shortOf(answer: string): string {
  if (answer.length <= SHORT_MAX) return answer;
  const sentences = answer.match(/[^.!?]+[.!?]+(\s|$)/g) ?? [];
  let short = '';
  for (const s of sentences) {
    if ((short + s).trim().length > SHORT_MAX) break;
    short += s;
  }
  return short.trim() || `${answer.slice(0, SHORT_MAX - 1).trimEnd()}…`;
}
