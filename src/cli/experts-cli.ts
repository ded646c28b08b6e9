import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FEEDBACK_COUNTS_KEY, type FeedbackCounts } from '../bot/experts/feedback.js';
import { QUESTION_PREFIX, type ExpertQuestion } from '../bot/experts/question.js';
import type { Config } from '../config.js';
import { loadKnowledge } from '../knowledge/load.js';
import { formatProblem } from '../knowledge/problems.js';
import type { Io } from './knowledge-cli.js';
import { withStore } from './ops-cli.js';
import { ALIASES_PATCH, DRAFTS_FILE, draftsYaml, knowledgePatch } from './proposals-yaml.js';
import { proposalsFrom } from './proposals.js';

/**
 * `routeplanner proposals` and `routeplanner feedback`: what the content team's loop left in the bot's store,
 * read directly (the CLI needs no running bot and changes neither the store nor the live knowledge).
 */

export async function proposalsCommand(config: Config, opts: { json: boolean; out?: string }, io: Io): Promise<number> {
  const loaded = await loadKnowledge(config.knowledgeDir);
  if (!loaded.ok) {
    io.err(`The knowledge in ${config.knowledgeDir} is invalid; fix it first:\n${loaded.problems.slice(0, 20).map((p) => `  ${formatProblem(p)}\n`).join('')}`);
    return 1;
  }
  const stored = await withStore(config, io, async (store) => {
    const questions: ExpertQuestion[] = [];
    for (const key of await store.list(QUESTION_PREFIX)) {
      const q = await store.get<ExpertQuestion>(key);
      if (q) questions.push(q);
    }
    return questions;
  });
  if (!stored) return 1;
  const proposals = proposalsFrom(stored.value, loaded.snapshot);
  const written: string[] = [];
  let patched = '';
  if (opts.out) {
    const patch = await knowledgePatch(config.knowledgeDir, proposals);
    if (patch) {
      written.push(await write(opts.out, ALIASES_PATCH, patch.patch));
      patched = `${ALIASES_PATCH} adds ${count(patch.aliases, 'alias', 'aliases')} and ${count(patch.questions, 'example question', 'example questions')}`;
    }
    if (proposals.drafts.length > 0) written.push(await write(opts.out, DRAFTS_FILE, draftsYaml(proposals.drafts)));
  }
  if (opts.json) {
    io.out(`${JSON.stringify({ ...proposals, written })}\n`);
    return 0;
  }
  io.out(proposals.aliases.length === 0 ? 'No alias proposals.\n' : 'Alias proposals (question linked to a concept):\n');
  for (const a of proposals.aliases) io.out(`  ${a.conceptId}: + "${a.alias}"  (${a.expert}, ${a.at.slice(0, 10)}, question ${a.questionId})\n`);
  io.out(proposals.questions.length === 0 ? 'No example question proposals.\n' : 'Example question proposals (a question linked to a concept, asked in other words):\n');
  for (const q of proposals.questions) io.out(`  ${q.conceptId}: + "${q.question}"  (${q.expert}, ${q.at.slice(0, 10)}, question ${q.questionId})\n`);
  io.out(proposals.drafts.length === 0 ? 'No concept drafts.\n' : 'Concept drafts (written answers, verified: false):\n');
  for (const d of proposals.drafts) io.out(`  ${d.id}: "${d.term}" in ${d.category}  (${d.expert}, ${d.at.slice(0, 10)}, question ${d.questionId})\n`);
  for (const s of proposals.skipped) io.out(`  skipped question ${s.questionId}: ${s.reason}\n`);
  for (const file of written) io.out(`Wrote ${file}\n`);
  if (patched) io.out(`${patched}.\n`);
  if (written.length > 0) {
    io.out(`Review, then: git apply --directory=${config.knowledgeDir.replace(/^\.\//, '')} ${path.join(opts.out ?? '', ALIASES_PATCH)}; copy ${DRAFTS_FILE} into the knowledge folder; routeplanner validate; reload.\n`);
  } else if (!opts.out && proposals.aliases.length + proposals.questions.length + proposals.drafts.length > 0) {
    io.out('Write them as files with --out DIR.\n');
  }
  return 0;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

async function write(dir: string, rel: string, text: string): Promise<string> {
  const file = path.join(dir, rel);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return file;
}

export interface FeedbackLine {
  readonly conceptId: string;
  readonly term: string | null;
  readonly ja: number;
  readonly nee: number;
}

export async function feedbackCommand(config: Config, json: boolean, io: Io): Promise<number> {
  const stored = await withStore(config, io, (store) => store.get<FeedbackCounts>(FEEDBACK_COUNTS_KEY));
  if (!stored) return 1;
  const loaded = await loadKnowledge(config.knowledgeDir);
  const terms = loaded.ok ? loaded.snapshot.conceptsById : new Map<string, { term: string }>();
  const lines: FeedbackLine[] = Object.entries(stored.value ?? {})
    .map(([conceptId, c]) => ({ conceptId, term: terms.get(conceptId)?.term ?? null, ja: c.ja, nee: c.nee }))
    .filter((l) => l.ja + l.nee > 0)
    .sort((a, b) => b.nee - a.nee || b.ja + b.nee - (a.ja + a.nee) || a.conceptId.localeCompare(b.conceptId));
  if (json) {
    io.out(`${JSON.stringify({ feedback: lines })}\n`);
    return 0;
  }
  if (lines.length === 0) {
    io.out('No votes on answers yet.\n');
    return 0;
  }
  io.out('Votes on answers ("Nuttig?"), most "nee" first:\n     ja    nee  concept\n');
  for (const l of lines) io.out(`  ${String(l.ja).padStart(5)}  ${String(l.nee).padStart(5)}  ${l.conceptId}${l.term ? ` (${l.term})` : ' (no longer in the knowledge)'}\n`);
  return 0;
}
