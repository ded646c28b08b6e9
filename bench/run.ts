import { lookupBench } from './lookup-bench.js';
import { coreBench } from './core-bench.js';
import { clusterBench, slackBench, teamsBench } from './endpoint-bench.js';
import { reloadBench } from './reload-bench.js';
import { costBench } from './cost-bench.js';

/**
 * `npm run bench`: every benchmark, as ratios measured in one run on this machine. Sections can be picked:
 * `npm run bench -- lookup`.
 */
const sections: Record<string, () => Promise<string> | string> = {
  lookup: () => lookupBench(),
  core: () => coreBench(),
  teams: () => teamsBench(),
  slack: () => slackBench(),
  reload: () => reloadBench(),
  cluster: () => clusterBench(),
  cost: () => costBench(),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length > 0 ? wanted : Object.keys(sections);
console.log(`# routeplanner-bot benchmarks (${new Date().toISOString()}, node ${process.version})\n`);
for (const name of names) {
  const section = sections[name];
  if (!section) {
    console.error(`unknown bench section "${name}"; known: ${Object.keys(sections).join(', ')}`);
    process.exitCode = 2;
    continue;
  }
  console.log(`${await section()}\n`);
}
