import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../helpers/knowledge-dir.js';
import { visibleText } from '../helpers/visible-text.js';

/**
 * Issue 17 end to end with a real Teams client: Microsoft 365 Agents Playground (its own HTTP API, as its web page
 * uses it) against `npm start`'s server in local mode, inside a loopback-only network namespace
 * (playground-run.sh with a driver of its own). The message extension's search, and the content team's loop
 * from a personal chat to a team channel and back. .ci/run installs the playground into .cache/agents-playground.
 */
const PLAYGROUND = process.env['AGENTS_PLAYGROUND_DIR'] ?? path.join(REPO_ROOT, '.cache/agents-playground');
const available = existsSync(path.join(PLAYGROUND, 'node_modules/.bin/agentsplayground'));
/** The playground's own user (its default configuration): the admin of this run. */
const PLAYGROUND_USER_AAD = '00000000-0000-0000-0000-0000000000020';

interface Searched {
  said: string;
  status: number;
  body: { composeExtension?: { type: string; attachmentLayout: string; attachments: Array<{ contentType: string; content: unknown; preview: { content: { title: string } } }> } };
}
interface Shown {
  action: string;
  conversation: string;
  id: string;
  attachments: Array<{ content: unknown }>;
}

function runWith(driver: string, env: Record<string, string> = {}): Promise<string[]> {
  const run = path.join(REPO_ROOT, 'test/e2e/playground-run.sh');
  return promisify(execFile)('unshare', ['-n', 'sh', run, REPO_ROOT, PLAYGROUND, path.join(REPO_ROOT, 'test/e2e', driver)], { timeout: 150_000, env: { ...process.env, ...env } })
    .then(({ stdout }) => stdout.trim().split('\n'));
}

(available ? describe : describe.skip)('issue 17 through Microsoft 365 Agents Playground', () => {
  beforeAll(() => {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: REPO_ROOT });
  });

  test('the message extension: a typo\'d search ("mantelzrog") returns the Mantelzorg concept card first; the opening search returns ten', async () => {
    const [typo, opening] = (await runWith('playground-search.mjs')).map((l) => JSON.parse(l) as Searched);
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

  test('the content team: a question from the personal chat reaches the channel as a new post, is answered there, arrives back in the personal chat, and the card is updated in place', async () => {
    const shown = (await runWith('playground-experts.mjs', { TEAMS_ADMIN_IDS: PLAYGROUND_USER_AAD })).map((l) => JSON.parse(l) as Shown);
    const text = (m: Shown | undefined) => visibleText(m?.attachments ?? []);
    const posted = shown.find((m) => m.action === 'createMessage' && text(m).includes('Vraag voor de kennisredactie'))!;
    expect(posted.conversation).not.toContain(';messageid='); // a new post in the channel, not a reply
    expect(text(posted)).toContain('“wat is een buurtkamer?”');
    expect(text(posted)).toContain('Gesteld door Alex Wilber');

    const answer = shown.find((m) => text(m).includes('Antwoord van de kennisredactie'))!;
    expect(answer.conversation).not.toBe(posted.conversation);
    expect(text(answer)).toContain('Een buurtkamer is een ruimte in de wijk waar bewoners elkaar ontmoeten.');
    expect(text(answer)).toContain('Beantwoord door Alex Wilber van de kennisredactie.');
    expect(shown.find((m) => text(m).includes('Je vraag is naar de kennisredactie gestuurd'))!.conversation).toBe(answer.conversation);

    const updated = shown.filter((m) => m.action === 'updateMessage' && m.id === posted.id).at(-1)!;
    expect(text(updated)).toContain('Het antwoord is bezorgd bij de vrager.');
  }, 180_000);
});

if (!available) {
  test.skip(`Agents Playground not installed in ${PLAYGROUND} (.ci/run installs it)`, () => undefined);
}
