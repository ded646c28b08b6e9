import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../helpers/knowledge-dir.js';

/**
 * End to end with a real Teams client: Microsoft 365 Agents Playground (a test tool under a pre-release
 * evaluation licence, never a dependency of the product) talks to `npm start`'s server in local mode, all of
 * it inside a loopback-only network namespace. .ci/run installs the playground into .cache/agents-playground.
 */
const PLAYGROUND = process.env['AGENTS_PLAYGROUND_DIR'] ?? path.join(REPO_ROOT, '.cache/agents-playground');
const available = existsSync(path.join(PLAYGROUND, 'node_modules/.bin/agentsplayground'));

(available ? describe : describe.skip)('Teams end to end through Microsoft 365 Agents Playground', () => {
  test('a concept question gets the answer card, a dialogue starts with its first question', async () => {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: REPO_ROOT });
    const { stdout } = await promisify(execFile)('unshare', ['-n', 'sh', path.join(REPO_ROOT, 'test/e2e/playground-run.sh'), REPO_ROOT, PLAYGROUND], { timeout: 120_000 });
    const messages = stdout.trim().split('\n').map((l) => JSON.parse(l).message as { attachments?: Array<{ content: unknown }> });
    const cards = messages.flatMap((m) => m.attachments ?? []).map((a) => JSON.stringify(a.content));
    expect(cards.some((c) => c.includes('"version":"1.5"') && c.includes('Sociale basis') && c.includes('Lees meer'))).toBe(true);
    expect(cards.some((c) => c.includes('We beginnen met **Zelfscan vijf knoppen**'))).toBe(true);
    expect(cards.some((c) => c.includes('Knop 1 gaat over een visie voor de korte en de lange termijn'))).toBe(true);
  }, 180_000);
});

if (!available) {
  test.skip(`Agents Playground not installed in ${PLAYGROUND} (.ci/run installs it)`, () => undefined);
}
