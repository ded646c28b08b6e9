import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { formatProblem } from '../../src/knowledge/problems.js';
import { evaluate, isExpected, parseEvalFile, type EvalCase } from '../../src/knowledge/evaluate.js';
import { foldText } from '../../src/knowledge/normalize.js';
import type { KnowledgeSnapshot } from '../../src/knowledge/snapshot.js';
import { REPO_ROOT, SHARED_DIR } from '../helpers/knowledge-dir.js';
import { testWithShared } from '../helpers/shared.js';

/** The shipped knowledge base, checked as a whole: validity, coverage, lookup quality, own words. */

const REQUIRED_NAMES = [
  'sociale basis', 'betaalbare sociale kwaliteit', 'sociale kwaliteit', 'sociaal domein', 'routeplanner',
  'gespreksmodel sociale basis', 'sociale duurzaamheid', 'vijf knoppen', 'visieloos bezuinigen', 'harde en zachte kant',
  'decentralisaties', 'Wmo', 'Jeugdwet', 'Participatiewet', 'sociaal werk', 'welzijn', 'sociale cohesie', 'preventie',
  'vroegsignalering', 'zorgkosten', 'monitoring', 'verantwoorden', 'informele steunnetwerken', 'zelfredzaamheid',
  'formele sociale infrastructuur', 'lerend vermogen', 'stip op de horizon', 'collegeprogramma',
  'continuïteit van financiering', 'subsidie', 'Movisie', 'Verwey-Jonker Instituut', 'Platform31', 'Sociaal Werk werkt!',
  'eenzaamheid', 'meedoen', 'omzien naar elkaar', 'ontschotting', 'burgerkracht', 'kwetsbare inwoners', 'ontmoeting',
];

let snapshot: KnowledgeSnapshot;

beforeAll(async () => {
  const result = await loadKnowledge(path.join(REPO_ROOT, 'knowledge'));
  if (!result.ok) throw new Error(`shipped knowledge is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
  snapshot = result.snapshot;
});

function casesFrom(file: string): EvalCase[] {
  const parsed = parseEvalFile(readFileSync(file, 'utf8'));
  if ('error' in parsed) throw new Error(`${file}:${parsed.line}: ${parsed.error}`);
  return parsed.cases;
}

describe('shipped knowledge', () => {
  test('is valid, without warnings, and has at least 90 concepts', () => {
    expect(snapshot.warnings.map(formatProblem)).toEqual([]);
    expect(snapshot.concepts.length).toBeGreaterThanOrEqual(90);
  });

  test.each(REQUIRED_NAMES)('%j is the term or an alias of a concept', (name) => {
    expect(snapshot.concepts.filter((c) => isExpected(c, name)).map((c) => c.id)).toHaveLength(1);
  });

  test('every short answer is one or two sentences', () => {
    const long = snapshot.concepts.filter((c) => (c.short.match(/[.!?](\s|$)/g) ?? []).length > 2).map((c) => c.id);
    expect(long).toEqual([]);
  });

  const seedsDir = path.join(SHARED_DIR, 'seeds');
  testWithShared(seedsDir, 'no sentence of the seed texts is copied (no run of 8 words in common, titles in *italics* aside)', () => {
    const shingles = new Set<string>();
    for (const f of readdirSync(seedsDir)) {
      const words = foldText(readFileSync(path.join(seedsDir, f), 'utf8')).split(' ');
      for (let i = 0; i + 8 <= words.length; i++) shingles.add(words.slice(i, i + 8).join(' '));
    }
    const copied: string[] = [];
    for (const c of snapshot.concepts) {
      // publication titles are quoted in *italics*: naming a title is not copying a sentence
      const words = foldText(`${c.short} ${c.explanation}`.replace(/\*\*/g, '').replace(/\*[^*]{3,160}\*/g, ' | ')).split(' ');
      for (let i = 0; i + 8 <= words.length; i++) {
        const run = words.slice(i, i + 8).join(' ');
        if (shingles.has(run)) copied.push(`${c.id}: "${run}"`);
      }
    }
    expect(copied).toEqual([]);
  });
});

describe.each([
  ['../shared/eval/queries.jsonl', path.join(SHARED_DIR, 'eval/queries.jsonl')],
  ['research test queries (domain.md, section d)', path.join(REPO_ROOT, 'test/fixtures/research-queries.jsonl')],
])('lookup quality on %s', (_name, file) => {
  testWithShared(file, 'at least 95% of in-domain queries hit and no out-of-domain query gets a confident answer', () => {
    const report = evaluate(snapshot.index, casesFrom(file));
    const misses = report.misses.map((m) => `${m.query} -> ${m.outcome} [${m.got.join(', ')}] (expected ${m.expect})`);
    expect(report.inDomain.total).toBeGreaterThan(0);
    expect(report.outOfDomain.total).toBeGreaterThan(0);
    expect({ hitRate: report.inDomain.hits / report.inDomain.total >= 0.95, misses }).toEqual({ hitRate: true, misses: expect.any(Array) });
    expect(report.outOfDomain.confident).toBe(0);
  });
});
