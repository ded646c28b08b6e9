import { existsSync } from 'node:fs';
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
const QUERIES = ['wat is de sociale basis?', 'wmo', 'vijf knopen', 'betaalbre soc. kwaliteit', 'mantelzorg', 'dansen op het ijs'];

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
      expect([...background.snapshot.dialogueHashes]).toEqual([...direct.snapshot.dialogueHashes]);
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
