import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../helpers/knowledge-dir.js';
import { SMALL_KNOWLEDGE } from '../helpers/snapshot.js';

/**
 * The real process (`node dist/src/main.js`; `npm test` builds first) started on a really full disk: a 16 KiB
 * tmpfs, filled up, mounted in a mount namespace of the test's own (`unshare -rm`: no root needed where user
 * namespaces are allowed, and nothing is mounted outside it). Where that cannot be done, the test is skipped
 * and its name says why; the same fault is tested with a fake full disk in test/unit/storage/lowdb-faults.test.ts.
 */

const mountPoint = mkdtempSync(path.join(tmpdir(), 'rp-full-disk-'));
afterAll(() => rmSync(mountPoint, { recursive: true, force: true }));

/** Why a private tmpfs cannot be mounted here, or undefined when it can. */
function cannotMount(): string | undefined {
  const probe = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=16k tmpfs "$0"', mountPoint], { encoding: 'utf8' });
  if (probe.error) return `unshare is not available (${probe.error.message})`;
  return probe.status === 0 ? undefined : `cannot mount a private tmpfs: ${probe.stderr.trim() || `exit ${probe.status}`}`;
}

const why = cannotMount();

(why ? test.skip : test)(`starting on a full disk says the disk is full and exits 1${why ? ` (skipped: ${why})` : ''}`, () => {
  const script = [
    'mount -t tmpfs -o size=16k tmpfs "$MNT"',
    '{ dd if=/dev/zero of="$MNT/fill" bs=1k count=64 2>/dev/null || true; }', // fills it: dd stops at ENOSPC
    'exec "$NODE" "$MAIN"',
  ].join(' && ');
  const run = spawnSync('unshare', ['-rm', 'sh', '-c', script], {
    encoding: 'utf8',
    timeout: 20_000,
    env: {
      PATH: process.env['PATH'] ?? '',
      MNT: mountPoint,
      NODE: process.execPath,
      MAIN: path.join(REPO_ROOT, 'dist/src/main.js'),
      HOST: '127.0.0.1',
      PORT: '0',
      KNOWLEDGE_DIR: SMALL_KNOWLEDGE,
      DATA_DIR: path.join(mountPoint, 'data'),
    },
  });
  expect(run.stderr).toContain(`Cannot start: cannot lock the data folder ${path.join(mountPoint, 'data')}: the disk holding DATA_DIR is full (ENOSPC) (STORE_WRITE_FAILED)`);
  expect(run.status).toBe(1);
});
