import type { ExpertQuestion } from '../bot/experts/question.js';
import { foldedWords, foldText, queryTokens } from '../knowledge/normalize.js';
import { QUESTION_MAX, type CategoryId } from '../knowledge/schema.js';
import type { KnowledgeSnapshot } from '../knowledge/snapshot.js';

/**
 * From answer to knowledge: a question the experts linked to a concept proposes an alias of it when it names the
 * concept, or an example question of it when it asks in other words; a written answer proposes a concept draft.
 * Nothing of the asker goes in (no name, no id): only the words of the question, the expert's answer and the
 * expert's name as an editor's note. Proposals are read from the stored questions, so they expire and are erased
 * with them.
 */
export interface AliasProposal {
  readonly questionId: string;
  readonly conceptId: string;
  readonly term: string;
  readonly alias: string;
  readonly expert: string;
  readonly at: string;
}

/** The user's words as an example question (`questions:`) of the concept the experts linked them to. */
export interface QuestionProposal {
  readonly questionId: string;
  readonly conceptId: string;
  readonly term: string;
  readonly question: string;
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
  readonly questions: readonly QuestionProposal[];
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
  const asked = new Map<string, string>(); // folded example question -> concept id: validate allows one concept per question
  for (const c of snapshot.concepts) for (const text of c.questions) asked.set(foldText(text), c.id);
  const ids = new Set(snapshot.concepts.map((c) => c.id));
  const aliases: AliasProposal[] = [];
  const examples: QuestionProposal[] = [];
  const drafts: DraftProposal[] = [];
  const skipped: Array<{ questionId: string; reason: string }> = [];
  const byTime = [...questions].sort((a, b) => a.updatedAt - b.updatedAt || a.id.localeCompare(b.id));
  for (const q of byTime) {
    if (q.status !== 'linked' && q.status !== 'answered') continue;
    const at = new Date(q.updatedAt).toISOString();
    const expert = q.expert?.name ?? '';
    const skip = (reason: string) => void skipped.push({ questionId: q.id, reason });
    if (q.status === 'linked') {
      const concept = snapshot.conceptsById.get(q.linkedConceptId ?? '');
      const form = linkedForm(q.question);
      if (!concept) skip(`linked concept "${q.linkedConceptId}" is no longer in the knowledge`);
      else if ('name' in form) {
        const taken = claim(owner, form.name, concept.id, 'a name');
        if (taken) skip(taken);
        else aliases.push({ questionId: q.id, conceptId: concept.id, term: concept.term, alias: form.name, expert, at });
      } else if ('question' in form) {
        const taken = claim(asked, form.question, concept.id, 'an example question');
        if (taken) skip(taken);
        else examples.push({ questionId: q.id, conceptId: concept.id, term: concept.term, question: form.question, expert, at });
      } else skip(form.skip);
      continue;
    }
    const name = nameOf(q.question);
    if (!name) {
      skip(`no name in the question (empty, or more than ${MAX_NAME_WORDS} words)`);
      continue;
    }
    const taken = owner.get(foldText(name));
    if (taken) {
      skip(`"${name}" is a name of "${taken}": link the question to it instead`);
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
  return { aliases, questions: examples, drafts, skipped };
}

/**
 * Claims `text` for concept `id` in `owner` (folded text -> concept id, one concept each, as validate sees it);
 * when it is taken already, the reason instead ("... is already a name of ...").
 */
function claim(owner: Map<string, string>, text: string, id: string, kind: string): string | undefined {
  const key = foldText(text);
  const taken = owner.get(key);
  if (taken) return taken === id ? `"${text}" is already ${kind} of "${id}"` : `"${text}" is ${kind} of "${taken}"`;
  owner.set(key, id);
  return undefined;
}

/** Words that make a text a question rather than a name ("hoe voorkom je schulden"). */
const QUESTION_WORDS = new Set('wat hoe waarom wie welke welk waar wanneer waarvoor waarmee hoeveel kun kan kunnen'.split(' '));
/** "Wat is een buurtkamer?" asks what a name means: what follows the opening is the name, not a way to ask. */
const ASKS_MEANING = /^wat (is|zijn|betekent|betekenen)( (een|de|het))? /;

/**
 * What a linked question proposes: an alias when it is a name (a few content words and nothing else, or
 * "wat is <name>?"), else an example question: it reads as a question (a question word, a question mark beside
 * other words) or is too long for a name. The example question is the user's text, trimmed, whitespace collapsed.
 */
export function linkedForm(text: string): { name: string } | { question: string } | { skip: string } {
  const words = foldedWords(text).join(' ');
  const content = queryTokens(text).map((t) => t.word);
  if (content.length === 0) return { skip: 'no words in the question' };
  const meaning = ASKS_MEANING.exec(words);
  // only content words: "buurtkamer?" names a concept, "mantelzorg voor je moeder?" asks about one
  const bare = content.join(' ') === (meaning ? words.slice(meaning[0].length) : words);
  const asks = meaning ? !bare : words.split(' ').some((w) => QUESTION_WORDS.has(w)) || (!bare && text.includes('?'));
  if (!asks && content.length <= MAX_NAME_WORDS) return { name: content.join(' ') };
  const question = text.trim().replace(/\s+/g, ' ');
  if (question.length > QUESTION_MAX) return { skip: `too long for an example question (${question.length} characters, at most ${QUESTION_MAX})` };
  return { question };
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
