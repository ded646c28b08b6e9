import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, type YAMLMap } from 'yaml';
import type { AliasProposal, DraftProposal } from './proposals.js';

/**
 * Proposals as files an editor reviews and commits: the aliases as a unified diff of the concept files (each
 * alias added to its concept's `aliases`, every other byte kept; `git apply --directory=knowledge` or
 * `patch -p1 -d knowledge` applies it), the drafts as a new concepts file. With both in place the knowledge
 * passes `routeplanner validate`.
 */

export const DRAFTS_FILE = 'concepts/voorstellen.yaml';
export const ALIASES_PATCH = 'aliassen.patch';

/** The patch adding every alias, or undefined when there is none to add (or its concept's file is not found). */
export async function aliasPatch(knowledgeDir: string, aliases: readonly AliasProposal[]): Promise<{ patch: string; added: number } | undefined> {
  const files = await conceptFiles(knowledgeDir);
  const patches: string[] = [];
  let added = 0;
  for (const [rel, original] of files) {
    let text = original;
    for (const proposal of aliases) {
      const next = withAlias(text, proposal.conceptId, proposal.alias);
      if (next !== undefined) {
        text = next;
        added++;
      }
    }
    if (text !== original) patches.push(createTwoFilesPatch(`a/${rel}`, `b/${rel}`, original, text, '', '', { context: 3 }).replace(/^=+\n/, ''));
  }
  return added > 0 ? { patch: patches.join(''), added } : undefined;
}

async function conceptFiles(dir: string): Promise<Array<[string, string]>> {
  const names = (await readdir(path.join(dir, 'concepts'))).filter((n) => /\.ya?ml$/i.test(n)).sort();
  return Promise.all(names.map(async (n): Promise<[string, string]> => [`concepts/${n}`, await readFile(path.join(dir, 'concepts', n), 'utf8')]));
}

/** The file's text with `alias` added to concept `id` (flow list, block list or a new line); undefined when the concept is not in it. */
export function withAlias(text: string, id: string, alias: string): string | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const list = doc.get('concepts', true);
  if (!isSeq(list)) return undefined;
  const concept = list.items.find((item): item is YAMLMap => isMap(item) && item.get('id') === id);
  if (!concept) return undefined;
  const aliases = concept.get('aliases', true);
  if (isSeq(aliases) && aliases.range) {
    if (aliases.flow) {
      const close = text.lastIndexOf(']', aliases.range[1]);
      return `${text.slice(0, close)}${aliases.items.length > 0 ? ', ' : ''}${alias}${text.slice(close)}`;
    }
    const last = aliases.items[aliases.items.length - 1];
    if (!isScalar(last) || !last.range) return undefined;
    const lineStart = text.lastIndexOf('\n', last.range[0]) + 1;
    const lineEnd = endOfLine(text, last.range[1]);
    return `${text.slice(0, lineEnd)}\n${text.slice(lineStart, last.range[0])}${alias}${text.slice(lineEnd)}`;
  }
  // no aliases yet: a new line under the term, indented like it
  const termPair = concept.items.find((pair) => isScalar(pair.key) && pair.key.value === 'term');
  if (!termPair || !isScalar(termPair.key) || !termPair.key.range || !isScalar(termPair.value) || !termPair.value.range) return undefined;
  const indent = ' '.repeat(lines.linePos(termPair.key.range[0]).col - 1);
  const lineEnd = endOfLine(text, termPair.value.range[1]);
  return `${text.slice(0, lineEnd)}\n${indent}aliases: [${alias}]${text.slice(lineEnd)}`;
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
