import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { Document, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type YAMLMap } from 'yaml';
import type { DraftProposal } from './proposals.js';

/**
 * Proposals as files an editor reviews and commits: the aliases and example questions as one unified diff of
 * the concept files (each added to its concept's `aliases` or `questions`, every other byte kept;
 * `git apply --directory=knowledge` or `patch -p1 -d knowledge` applies it), the drafts as a new concepts file.
 * With both in place the knowledge passes `routeplanner validate`.
 */

export const DRAFTS_FILE = 'concepts/voorstellen.yaml';
/** The name predates the example questions; scripts and the README know it, so it stays while the patch grew. */
export const ALIASES_PATCH = 'aliassen.patch';

/** A list field of a concept that proposals add to. */
export type ListField = 'aliases' | 'questions';

/**
 * Where a list that a concept lacks goes, and how: after the first of `after` the concept has (the order of the
 * format's table), as `[x]` for short names and as a block for questions, which are long and full of commas.
 */
const NEW_LIST: Record<ListField, { after: readonly string[]; flow: boolean }> = {
  aliases: { after: ['term'], flow: true },
  questions: { after: ['aliases', 'term'], flow: false },
};

export interface KnowledgePatch {
  readonly patch: string;
  readonly aliases: number;
  readonly questions: number;
}

/** The patch adding every alias and example question, or undefined when there is none to add (or no concept file has its concept). */
export async function knowledgePatch(
  knowledgeDir: string,
  proposals: { aliases: ReadonlyArray<{ conceptId: string; alias: string }>; questions: ReadonlyArray<{ conceptId: string; question: string }> },
): Promise<KnowledgePatch | undefined> {
  const items = [
    ...proposals.aliases.map((a) => ({ id: a.conceptId, field: 'aliases' as const, value: a.alias })),
    ...proposals.questions.map((q) => ({ id: q.conceptId, field: 'questions' as const, value: q.question })),
  ];
  const files = await conceptFiles(knowledgeDir);
  const patches: string[] = [];
  const added = { aliases: 0, questions: 0 };
  for (const [rel, original] of files) {
    let text = original;
    for (const { id, field, value } of items) {
      const next = withListItem(text, id, field, value);
      if (next !== undefined) {
        text = next;
        added[field]++;
      }
    }
    if (text !== original) patches.push(createTwoFilesPatch(`a/${rel}`, `b/${rel}`, original, text, '', '', { context: 3 }).replace(/^=+\n/, ''));
  }
  return added.aliases + added.questions > 0 ? { patch: patches.join(''), ...added } : undefined;
}

async function conceptFiles(dir: string): Promise<Array<[string, string]>> {
  const names = (await readdir(path.join(dir, 'concepts'))).filter((n) => /\.ya?ml$/i.test(n)).sort();
  return Promise.all(names.map(async (n): Promise<[string, string]> => [`concepts/${n}`, await readFile(path.join(dir, 'concepts', n), 'utf8')]));
}

/** The file's text with `alias` added to concept `id`; undefined when the concept is not in it. */
export function withAlias(text: string, id: string, alias: string): string | undefined {
  return withListItem(text, id, 'aliases', alias);
}

/**
 * The file's text with `value` added to the list `field` of concept `id`: after the last item of a block list,
 * at the end of a flow list, or as a new list (NEW_LIST); undefined when the concept is not in the file or the
 * field holds something other than a list. The value is quoted when YAML needs it.
 */
export function withListItem(text: string, id: string, field: ListField, value: string): string | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const list = doc.get('concepts', true);
  if (!isSeq(list)) return undefined;
  const concept = list.items.find((item): item is YAMLMap => isMap(item) && item.get('id') === id);
  if (!concept) return undefined;
  const pairOf = (key: string) => concept.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
  const existing = pairOf(field);
  if (existing) {
    const items = existing.value;
    if (!isSeq(items) || !items.range) return undefined;
    if (items.flow) {
      const close = text.lastIndexOf(']', items.range[1]);
      return `${text.slice(0, close)}${items.items.length > 0 ? ', ' : ''}${scalarText(value, true)}${text.slice(close)}`;
    }
    const last = items.items[items.items.length - 1];
    if (!isScalar(last) || !last.range) return undefined;
    const lineStart = text.lastIndexOf('\n', last.range[0]) + 1;
    const lineEnd = endOfLine(text, last.range[1]);
    return `${text.slice(0, lineEnd)}\n${text.slice(lineStart, last.range[0])}${scalarText(value, false)}${text.slice(lineEnd)}`;
  }
  // no such list yet: new lines under the first key of NEW_LIST that the concept has, indented like that key
  const { after, flow } = NEW_LIST[field];
  const anchor = after.map(pairOf).find((pair) => pair !== undefined);
  const anchorValue = anchor?.value;
  if (!anchor || !isScalar(anchor.key) || !anchor.key.range || !isNode(anchorValue) || !anchorValue.range) return undefined;
  const indent = ' '.repeat(lines.linePos(anchor.key.range[0]).col - 1);
  const lineEnd = endOfLine(text, anchorValue.range[1]);
  const added = flow ? `${indent}${field}: [${scalarText(value, true)}]` : `${indent}${field}:\n${indent}  - ${scalarText(value, false)}`;
  return `${text.slice(0, lineEnd)}\n${added}${text.slice(lineEnd)}`;
}

/**
 * `value` as a YAML scalar, quoted only when it must be (": ", " #", a leading "-", "?", "[" ..., and in a flow
 * list also "," and brackets), as the yaml library writes it; never folded over lines.
 */
function scalarText(value: string, inFlow: boolean): string {
  const doc = new Document(inFlow ? [value] : value);
  if (inFlow && isSeq(doc.contents)) doc.contents.flow = true;
  const written = doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd();
  return inFlow ? written.slice(1, -1) : written;
}

function endOfLine(text: string, offset: number): number {
  const nl = text.indexOf('\n', Math.max(0, offset - 1));
  return nl === -1 ? text.length : nl;
}

/** The drafts as a concepts file, each with the editor's note (expert, date, question id) as a comment. */
export function draftsYaml(drafts: readonly DraftProposal[]): string {
  const doc = new Document({
    concepts: drafts.map((d) => ({ id: d.id, term: d.term, category: d.category, short: d.short, explanation: d.explanation, related: [...d.related], verified: false })),
  });
  doc.commentBefore =
    ' Voorstellen van de kennisredactie, gemaakt met "routeplanner proposals". Controleer elk begrip\n' +
    ' (term, categorie, tekst, bronnen) voordat je dit bestand in knowledge/concepts/ zet en de kennis herlaadt.';
  const list = doc.get('concepts', true);
  if (isSeq(list)) {
    list.items.forEach((item, i) => {
      const d = drafts[i]!;
      if (isMap(item)) item.commentBefore = ` voorstel van ${d.expert.replace(/\s+/g, ' ') || 'de kennisredactie'}, ${d.at.slice(0, 10)}, vraag ${d.questionId}`;
    });
  }
  return doc.toString({ lineWidth: 0 });
}
