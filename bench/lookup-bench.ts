import Fuse from 'fuse.js';
import { performance } from 'node:perf_hooks';
import { createSearchIndex } from '../src/knowledge/search.js';
import { generateConcepts, oneTypo } from './generate-concepts.js';
import { ms, percentile, seededRandom, table, timeEach } from './stats.js';

/**
 * Lookup latency and top-1 accuracy on one-typo queries, our index against a plain fuse.js full scan of
 * the same generated knowledge base (term and aliases as keys), in the same run.
 */
export function lookupBench(sizes: readonly number[] = [100, 1000, 10000]): string {
  const rows: string[][] = [];
  for (const size of sizes) {
    const concepts = generateConcepts(size);
    const rnd = seededRandom(size);
    const sample = Array.from({ length: size >= 10000 ? 60 : 200 }, () => concepts[Math.floor(rnd() * concepts.length)]!);
    const queries = sample.map((c) => ({ id: c.id, q: oneTypo(c.term, rnd) }));

    const t0 = performance.now();
    const index = createSearchIndex(concepts);
    const buildMs = performance.now() - t0;
    const t1 = performance.now();
    const fuse = new Fuse(concepts, { keys: ['term', 'aliases'], includeScore: true, threshold: 0.4 });
    const fuseBuildMs = performance.now() - t1;

    for (const { q } of queries.slice(0, 10)) index.compute(q); // warm up the JIT
    let ourHits = 0;
    let fuseHits = 0;
    const ours = timeEach(queries, ({ id, q }) => {
      if (index.compute(q).hits[0]?.concept.id === id) ourHits++;
    });
    const full = timeEach(queries, ({ id, q }) => {
      if (fuse.search(q, { limit: 3 })[0]?.item.id === id) fuseHits++;
    });
    const ratio = percentile(full, 50) / percentile(ours, 50);
    rows.push([
      String(size),
      `${ms(buildMs)} / ${ms(fuseBuildMs)}`,
      ms(percentile(ours, 50)),
      ms(percentile(ours, 99)),
      ms(percentile(full, 50)),
      ms(percentile(full, 99)),
      `${ratio.toFixed(0)}x`,
      `${((100 * ourHits) / queries.length).toFixed(1)}%`,
      `${((100 * fuseHits) / queries.length).toFixed(1)}%`,
    ]);
  }
  return [
    '### Concept lookup: our index vs a fuse.js full scan (one-typo queries, times in ms)',
    '',
    table(
      ['concepts', 'build ours / fuse', 'ours p50', 'ours p99', 'full scan p50', 'full scan p99', 'p50 speed-up', 'top-1 ours', 'top-1 full scan'],
      rows,
    ),
  ].join('\n');
}
