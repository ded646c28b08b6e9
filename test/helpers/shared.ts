import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, SHARED_DIR } from './knowledge-dir.js';

/**
 * Material in ../shared (the seed texts, the shared eval set, official schemas) lies beside the repository on
 * the developers' machines and in CI, but not in a fresh clone, where `npm test` must pass all the same. Tests
 * that need it run only when it is there; otherwise they are skipped under a name that says what is missing
 * (test/tools/skipped-reporter.mjs lists them at the end of the run). CI sets REQUIRE_SHARED=true, so there a
 * missing file fails instead of being skipped.
 */
const required = process.env['REQUIRE_SHARED'] === 'true';

/**
 * `test(name, fn)`, unless `file` lies in ../shared and is not there: then a skipped test whose name says so.
 * A missing file anywhere else is not skipped (the test fails on it, as it should).
 */
export function testWithShared(file: string, name: string, fn: () => void | Promise<unknown>, timeoutMs?: number): void {
  const inShared = file.startsWith(SHARED_DIR + path.sep);
  if (!inShared || existsSync(file)) {
    test(name, async () => {
      await fn();
    }, timeoutMs);
    return;
  }
  const shown = path.relative(REPO_ROOT, file);
  if (required) test(`${name} (${shown} is missing, and REQUIRE_SHARED=true)`, () => expect(existsSync(file)).toBe(true));
  else test.skip(`${name} (skipped: ${shown} is not beside this clone)`, () => undefined);
}
