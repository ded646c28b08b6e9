import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createBackgroundLoader } from '../../../src/knowledge/background-load.js';
import { loadKnowledge } from '../../../src/knowledge/load.js';
import { REPO_ROOT } from '../../helpers/knowledge-dir.js';
import { SMALL_KNOWLEDGE } from '../../helpers/snapshot.js';

/**
 * The reload path of the running bot: validation in a worker thread (the compiled worker; `npm test`
 * builds first), the index built in slices. It must give exactly what the one-go load gives.
 */
const WORKER = path.join(REPO_ROOT, 'dist/src/knowledge/load-worker.js');
const QUERIES = ['wat is de sociale basis?', 'wmo', 'vijf knopen', 'betaalbre soc. kwaliteit', 'mantelzorg', 'dansen op het ijs', 'onderling vertrouwen en banden tussen buurtbewoners'];

describe.each([
  ['in a worker thread', WORKER],
  ['on this thread (no compiled worker)', path.join(REPO_ROOT, 'does-not-exist.js')],
])('background knowledge load %s', (_name, workerFile) => {
  test('gives the same version, concepts, dialogues and lookups as the one-go load', async () => {
    if (workerFile === WORKER) expect(existsSync(WORKER)).toBe(true); // run `npm run build` first
    const loader = createBackgroundLoader({ workerFile });
    try {
      expect(loader.threaded).toBe(workerFile === WORKER);
      const dir = path.join(REPO_ROOT, 'knowledge');
      const [background, direct] = await Promise.all([loader.load(dir), loadKnowledge(dir)]);
      if (!background.ok || !direct.ok) throw new Error('the shipped knowledge must load');
      expect(background.snapshot.version).toBe(direct.snapshot.version);
      expect(background.snapshot.concepts).toEqual(direct.snapshot.concepts);
      expect([...background.snapshot.dialoguesById]).toEqual([...direct.snapshot.dialoguesById]);
      for (const q of QUERIES) expect(background.snapshot.index.lookup(q)).toEqual(direct.snapshot.index.lookup(q));
    } finally {
      await loader.close();
    }
  });

  test('reports problems of broken knowledge like the one-go load', async () => {
    const loader = createBackgroundLoader({ workerFile });
    try {
      const missing = path.join(SMALL_KNOWLEDGE, 'no-such-folder');
      const [background, direct] = await Promise.all([loader.load(missing), loadKnowledge(missing)]);
      expect(background.ok).toBe(false);
      expect(background).toEqual(direct);
    } finally {
      await loader.close();
    }
  });
});

/** Linux: the nice value of every thread of this process, from /proc (field 19 of a thread's stat line). */
function threadNiceValues(): number[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

describe('the knowledge worker thread', () => {
  const linux = existsSync('/proc/self/task');
  (linux ? test : test.skip)('runs at the lowest priority, while the threads that answer users keep theirs', async () => {
    const before = threadNiceValues();
    const loader = createBackgroundLoader({ workerFile: WORKER });
    try {
      const result = await loader.load(SMALL_KNOWLEDGE);
      expect(result.ok).toBe(true);
      const after = threadNiceValues();
      expect(after.filter((n) => n === 19).length).toBe(before.filter((n) => n === 19).length + 1);
      expect(Math.min(...after)).toBe(Math.min(...before)); // this (main) thread was not lowered
    } finally {
      await loader.close();
    }
  });
});
