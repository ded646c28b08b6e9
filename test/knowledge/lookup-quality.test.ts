import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluate, parseEvalFile } from '../../src/knowledge/evaluate.js';
import type { KnowledgeSnapshot } from '../../src/knowledge/snapshot.js';
import { REPO_ROOT, SHARED_DIR } from '../helpers/knowledge-dir.js';
import { loadSnapshot, SHIPPED_KNOWLEDGE } from '../helpers/snapshot.js';

/**
 * Lookup quality of the shipped knowledge on every query set, as `routeplanner eval` measures it. The floors
 * sit a little under what was measured when the lookup was last tuned (README, "How lookup works"), so a
 * content edit may move a query or two, but a change that makes the lookup generalise worse fails here.
 * The second round tuned on lookup-tune, lookup-heldout (the first held-out half) and lookup-dev-2; lookup-check-3
 * was written later and only showed one gap. The third round tuned on all of those and on lookup-heldout-2 (a
 * set written blind, measured once untouched); lookup-check-4 was written before the third round changed
 * anything and never tuned on. The fourth round tuned on all of those, lookup-heldout-3 (the third blind set,
 * measured once after round 3) and lookup-check-4 included. The fifth round (example questions) tuned on all of
 * those, and on lookup-heldout-5 after measuring it blind once before and once after the questions were written.
 * lookup-heldout-6 was measured blind once before and once after round 5; its one confident answer out of domain
 * ("basisregistratie personen") was then fixed. lookup-heldout-7 was written during round 5 and measured once, at
 * its end. Round 6 added example questions only (no tuning); lookup-heldout-8 was measured once before and once after
 * it. Round 7 tuned on all of those and on lookup-heldout-9, measured blind once before it; lookup-heldout-10 and -11
 * were measured once before and once after round 7's first changes, and -11 was then tuned on. A fresh held-out set is measured outside this repository's tuning.
 */

interface QuerySet {
  readonly name: string;
  readonly file: string;
  /** Minimum share of in-domain queries whose expected concept is the match or the first suggestion. */
  readonly hit: number;
  /** Minimum share with the expected concept among the first three. */
  readonly top3: number;
}

const SETS: readonly QuerySet[] = [
  { name: '../shared/eval/queries.jsonl', file: path.join(SHARED_DIR, 'eval/queries.jsonl'), hit: 0.97, top3: 0.97 },
  { name: 'research test queries', file: path.join(REPO_ROOT, 'test/fixtures/research-queries.jsonl'), hit: 0.97, top3: 0.97 },
  { name: 'our tuning queries', file: path.join(REPO_ROOT, 'test/fixtures/lookup-tune.jsonl'), hit: 0.96, top3: 0.97 },
  { name: 'our first held-out queries (a development set since round 2)', file: path.join(REPO_ROOT, 'test/fixtures/lookup-heldout.jsonl'), hit: 0.97, top3: 0.98 },
  { name: 'our second development queries', file: path.join(REPO_ROOT, 'test/fixtures/lookup-dev-2.jsonl'), hit: 0.95, top3: 0.95 },
  { name: 'our third check queries', file: path.join(REPO_ROOT, 'test/fixtures/lookup-check-3.jsonl'), hit: 0.96, top3: 0.98 },
  { name: 'the second blind set (a development set since round 3)', file: path.join(REPO_ROOT, 'test/fixtures/lookup-heldout-2.jsonl'), hit: 0.96, top3: 0.97 },
  // the third blind set: measured once blind after round 3 (88.3% hit, 94.9% top 3), a development set in round 4 (93.4%, 97.1%)
  // the fourth blind set: measured once before (86.1% hit, 95.7% top 3) and once after round 4 (87.8%, 95.7%), a development set since round 5
  { name: 'the fourth blind set (a development set since round 5)', file: path.join(REPO_ROOT, 'test/fixtures/lookup-heldout-4.jsonl'), hit: 0.96, top3: 0.98 },
  { name: 'the third blind set (a development set since round 4)', file: path.join(REPO_ROOT, 'test/fixtures/lookup-heldout-3.jsonl'), hit: 0.96, top3: 0.98 },
  // descriptive paraphrases; a development set since round 4 (61.3%, 71.0%), round 5 (90.3%, 96.8%)
  { name: 'our fourth check queries', file: path.join(REPO_ROOT, 'test/fixtures/lookup-check-4.jsonl'), hit: 0.87, top3: 0.93 },
  // the fifth blind set: measured once before round 5 (78.0%, 80.7%) and once after its example questions (88.0%, 93.3%), then tuned on
  { name: 'the fifth blind set (a development set since round 5)', file: path.join(REPO_ROOT, 'test/fixtures/lookup-heldout-5.jsonl'), hit: 0.9, top3: 0.95 },
  // the sixth blind set: measured once before round 5 (78.7%, 84.7%, one confident answer out of domain) and once
  // after (95.3%, 98.0%, the same one); then the one fix below, which changed nothing else (README)
  // the helpers' own probes while they wrote the example questions (partly tuned on by them): 88.9%, 95.6% after round 5
  { name: 'the example-question writers\' probes', file: path.join(REPO_ROOT, 'test/fixtures/lookup-probes-5.jsonl'), hit: 0.87, top3: 0.94 },
  { name: 'the sixth blind set (measured blind after round 5)', file: path.join(REPO_ROOT, 'test/fixtures/lookup-heldout-6.jsonl'), hit: 0.93, top3: 0.96 },
  // the seventh blind set: written during round 5, measured once after it (94.0%, 96.7%; the lookup before round 5: 83.3%, 88.0%)
  { name: 'the seventh blind set (measured blind after round 5)', file: path.join(REPO_ROOT, 'test/fixtures/lookup-heldout-7.jsonl'), hit: 0.92, top3: 0.95 },
  // the eighth blind set: written after round 5, measured once on it (93.3%, 97.3%) and once after round 6's
  // second pass of example questions (92.7%, 98.0%)
  { name: 'the eighth blind set (measured blind after rounds 5 and 6)', file: path.join(REPO_ROOT, 'test/fixtures/lookup-heldout-8.jsonl'), hit: 0.9, top3: 0.96 },
  // the ninth blind set: written after round 6, measured once on it (96.0%, 97.3%), then tuned on in round 7 (98.0%, 98.7%)
  { name: 'the ninth blind set (measured blind after round 6, tuned on in round 7)', file: path.join(REPO_ROOT, 'test/fixtures/lookup-heldout-9.jsonl'), hit: 0.95, top3: 0.96 },
  // the tenth blind set: written during round 7, measured once before and once after its changes to the lookup
  // (96.7%, 100% both times); the researchers' names then moved to the sferenmodel (97.3%, 100%)
  { name: 'the tenth blind set (measured blind before and after round 7)', file: path.join(REPO_ROOT, 'test/fixtures/lookup-heldout-10.jsonl'), hit: 0.95, top3: 0.98 },
  // the eleventh blind set: written during round 7, measured once before and once after its first changes (95.3%,
  // 98.0% both times), then tuned on (96.7%, 99.3%)
  { name: 'the eleventh blind set (measured blind before and after round 7, then tuned on)', file: path.join(REPO_ROOT, 'test/fixtures/lookup-heldout-11.jsonl'), hit: 0.95, top3: 0.97 },
  // the twelfth blind set: written at the end of round 7, measured once on round 6's lookup and once on round 7's
  // final one (94.0%, 99.3% both times); not tuned on
  { name: 'the twelfth blind set (measured blind on the final lookup of round 7)', file: path.join(REPO_ROOT, 'test/fixtures/lookup-heldout-12.jsonl'), hit: 0.92, top3: 0.97 },
];

let snapshot: KnowledgeSnapshot;
beforeAll(async () => {
  snapshot = await loadSnapshot(SHIPPED_KNOWLEDGE);
});

describe.each(SETS)('lookup quality on $name', ({ name, file, hit, top3 }) => {
  if (!existsSync(file)) {
    // ../shared sits beside the repository on the team's machines, not in every clone: npm test must pass without it
    test.skip(`${name} is not there (a clone without ../shared)`, () => undefined);
    return;
  }

  test(`at least ${hit * 100}% hit and ${top3 * 100}% in the top 3; no out-of-domain query gets a confident answer`, () => {
    const parsed = parseEvalFile(readFileSync(file, 'utf8'));
    if ('error' in parsed) throw new Error(`${file}:${parsed.line}: ${parsed.error}`);
    const report = evaluate(snapshot.index, parsed.cases);
    const { inDomain, outOfDomain } = report;
    const misses = report.misses.map((m) => `${m.query} -> ${m.outcome} [${m.got.join(', ')}] (expected ${m.expect ?? 'no answer'})`);
    expect(inDomain.total).toBeGreaterThan(0);
    expect(outOfDomain.total).toBeGreaterThan(0);
    expect({ hit: inDomain.hits / inDomain.total >= hit, top3: inDomain.top3 / inDomain.total >= top3, misses }).toEqual({ hit: true, top3: true, misses: expect.any(Array) });
    expect(outOfDomain.confident).toBe(0);
  });
});
