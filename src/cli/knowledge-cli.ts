import { readFile } from 'node:fs/promises';
import { loadKnowledge, readAndValidate } from '../knowledge/load.js';
import { formatProblem, type Problem } from '../knowledge/problems.js';
import type { KnowledgeSnapshot } from '../knowledge/snapshot.js';
import { evaluate, parseEvalFile } from '../knowledge/evaluate.js';
import { lookupReplies } from '../bot/lookup/lookup-replies.js';
import { renderText } from './render-text.js';
import { figuresText, toValidateReport } from './validate-report.js';

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

/** Checks the knowledge and its content rules; exit code 1 only for problems, since warnings never block a reload. */
export async function validateCommand(dir: string, io: Io, json = false): Promise<number> {
  const result = await readAndValidate(dir, { contentRules: true });
  const report = toValidateReport(result);
  if (json) {
    io.out(`${JSON.stringify(report)}\n`);
    return report.ok ? 0 : 1;
  }
  if (!result.ok) reportProblems(dir, result.problems, io);
  for (const w of report.warnings) io.err(`  let op: ${formatProblem(w)}\n`);
  if (report.figures) io.out(figuresText(report.figures));
  if (!report.ok || !report.counts) return 1;
  const n = report.warnings.length;
  const noted = n ? `, ${n} ${n === 1 ? 'waarschuwing' : 'waarschuwingen'}` : '';
  io.out(`OK: ${report.counts.concepts} begrippen en ${report.counts.dialogues} gesprekken, versie ${report.version}${noted}\n`);
  return 0;
}
