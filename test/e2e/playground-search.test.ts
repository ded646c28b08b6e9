import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../helpers/knowledge-dir.js';

/**
 * The message extension end to end with a real Teams client: Microsoft 365 Agents Playground sends
 * `composeExtension/query` invokes (its own invoke API, as its compose box does) to `npm start`'s server in
 * local mode, inside a loopback-only network namespace (playground-run.sh, with playground-search.mjs as the
 * driver). .ci/run installs the playground into .cache/agents-playground.
 */
const PLAYGROUND = process.env['AGENTS_PLAYGROUND_DIR'] ?? path.join(REPO_ROOT, '.cache/agents-playground');
const available = existsSync(path.join(PLAYGROUND, 'node_modules/.bin/agentsplayground'));

interface Searched {
  said: string;
  status: number;
  body: { composeExtension?: { type: string; attachmentLayout: string; attachments: Array<{ contentType: string; content: unknown; preview: { content: { title: string } } }> } };
}

(available ? describe : describe.skip)('the Teams message extension through Microsoft 365 Agents Playground', () => {
  test('a typo\'d search ("mantelzrog") returns the Mantelzorg concept card first; the opening search returns ten', async () => {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: REPO_ROOT });
    const run = path.join(REPO_ROOT, 'test/e2e/playground-run.sh');
    const { stdout } = await promisify(execFile)('unshare', ['-n', 'sh', run, REPO_ROOT, PLAYGROUND, path.join(REPO_ROOT, 'test/e2e/playground-search.mjs')], { timeout: 120_000 });
    const [typo, opening] = stdout.trim().split('\n').map((l) => JSON.parse(l) as Searched);
    expect(typo).toMatchObject({ said: 'mantelzrog', status: 200, body: { composeExtension: { type: 'result', attachmentLayout: 'list' } } });
    const [first] = typo!.body.composeExtension!.attachments;
    expect(first!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(first!.preview.content.title).toBe('Mantelzorg');
    const card = JSON.stringify(first!.content);
    expect(card).toContain('"version":"1.5"');
    expect(card).toContain('Mantelzorg is onbetaalde hulp');
    expect(opening).toMatchObject({ said: 'initialRun', status: 200 });
    expect(opening!.body.composeExtension!.attachments).toHaveLength(10);
  }, 180_000);
});

if (!available) {
  test.skip(`Agents Playground not installed in ${PLAYGROUND} (.ci/run installs it)`, () => undefined);
}
