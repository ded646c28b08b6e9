import { readFile } from 'node:fs/promises';
import { loadKnowledge } from '../knowledge/load.js';
import { formatProblem, type Problem } from '../knowledge/problems.js';
import type { KnowledgeSnapshot } from '../knowledge/snapshot.js';
import { evaluate, parseEvalFile } from '../knowledge/evaluate.js';
import { lookupReplies } from '../bot/lookup/lookup-replies.js';
import { renderText } from './render-text.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** Loads the knowledge or prints every problem; returns undefined when it is invalid. */
async function loadOrReport(dir: string, io: Io): Promise<KnowledgeSnapshot | undefined> {
  const result = await loadKnowledge(dir);
  if (result.ok) return result.snapshot;
  reportProblems(dir, result.problems, io);
  return undefined;
}

/** In Dutch, like the problems themselves: content editors run `validate` and `eval` on their own files. */
function reportProblems(dir: string, problems: readonly Problem[], io: Io): void {
  io.err(`De kennis in ${dir} klopt niet (${problems.length} ${problems.length === 1 ? 'fout' : 'fouten'}):\n`);
  for (const p of problems) io.err(`  ${formatProblem(p)}\n`);
}

export async function askCommand(dir: string, query: string, json: boolean, io: Io): Promise<number> {
  const snapshot = await loadOrReport(dir, io);
  if (!snapshot) return 1;
  const result = snapshot.index.lookup(query);
  if (json) {
    const results = result.hits.map((h) => ({ id: h.concept.id, term: h.concept.term, score: h.score }));
    io.out(`${JSON.stringify({ query, outcome: result.outcome, results })}\n`);
  } else {
    io.out(renderText(lookupReplies(result, snapshot)).text);
  }
  return 0;
}

export async function evalCommand(dir: string, file: string, json: boolean, io: Io): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    io.err(`Cannot read ${file}: ${(err as Error).message}\n`);
    return 2;
  }
  const parsed = parseEvalFile(text);
  if ('error' in parsed) {
    io.err(`${file}:${parsed.line}: ${parsed.error}\n`);
    return 2;
  }
  const snapshot = await loadOrReport(dir, io);
  if (!snapshot) return 1;
  const report = evaluate(snapshot.index, parsed.cases);
  if (json) {
    io.out(`${JSON.stringify(report)}\n`);
    return 0;
  }
  for (const m of report.misses) {
    io.out(`MISS  ${JSON.stringify(m.query)}  expected ${m.expect === null ? 'no answer' : JSON.stringify(m.expect)}, got ${m.outcome}${m.got.length ? ` [${m.got.join(', ')}]` : ''}\n`);
  }
  const { inDomain: i, outOfDomain: o } = report;
  const pct = (a: number, b: number): string => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
  io.out(`in-domain:     ${i.hits}/${i.total} hit (${pct(i.hits, i.total)}), ${i.top3}/${i.total} in top 3 (${pct(i.top3, i.total)})\n`);
  io.out(`out-of-domain: ${o.none}/${o.total} no answer, ${o.confident} answered with confidence\n`);
  return 0;
}

export async function validateCommand(dir: string, io: Io): Promise<number> {
  const result = await loadKnowledge(dir);
  if (!result.ok) reportProblems(dir, result.problems, io);
  const warnings = result.ok ? result.snapshot.warnings : result.warnings;
  for (const w of warnings) io.err(`  let op: ${formatProblem(w)}\n`);
  if (!result.ok) return 1;
  const { concepts, dialogues, version } = result.snapshot;
  const noted = warnings.length ? `, ${warnings.length} ${warnings.length === 1 ? 'waarschuwing' : 'waarschuwingen'}` : '';
  io.out(`OK: ${concepts.length} begrippen en ${dialogues.length} gesprekken, versie ${version}${noted}\n`);
  return 0;
}
