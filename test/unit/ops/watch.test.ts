import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger } from '../../../src/log.js';
import { watchKnowledge, type KnowledgeWatcher } from '../../../src/ops/watch.js';
import { until } from '../../helpers/app.js';

/** KNOWLEDGE_WATCH: one reload per burst of saves, and a folder that is removed or replaced is followed. */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('knowledge folder watching', () => {
  let root: string;
  let dir: string;
  let watcher: KnowledgeWatcher | undefined;
  let calls = 0;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'rp-watch-'));
    dir = path.join(root, 'knowledge');
    mkdirSync(path.join(dir, 'concepts'), { recursive: true });
    calls = 0;
    watcher = watchKnowledge(dir, () => calls++, { log: createLogger({ level: 'silent' }), debounceMs: 80, checkMs: 100 });
  });
  afterEach(() => {
    watcher?.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('an editor saving in steps gives one change', async () => {
    for (let i = 0; i < 5; i++) {
      writeFileSync(path.join(dir, 'concepts/a.yaml.tmp'), `stap ${i}`);
      renameSync(path.join(dir, 'concepts/a.yaml.tmp'), path.join(dir, 'concepts/a.yaml'));
      await sleep(10);
    }
    await until(() => calls > 0, 3000);
    await sleep(300);
    expect(calls).toBe(1);
  });

  test('a folder moved away is a change, and a new folder at the same path is watched again', async () => {
    renameSync(dir, path.join(root, 'old'));
    await until(() => calls >= 1, 3000);
    mkdirSync(path.join(dir, 'concepts'), { recursive: true });
    await until(() => calls >= 2, 3000); // attached to the new folder: its contents are loaded
    await sleep(300);
    const before = calls;
    writeFileSync(path.join(dir, 'concepts/b.yaml'), 'concepts: []');
    await until(() => calls > before, 3000);
  });
});
