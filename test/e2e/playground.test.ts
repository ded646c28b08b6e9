import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../helpers/knowledge-dir.js';
import { visibleText } from '../helpers/visible-text.js';

/**
 * End to end with a real Teams client: Microsoft 365 Agents Playground (a test tool under a pre-release
 * evaluation licence, never a dependency of the product) talks to `npm start`'s server in local mode, all of
 * it inside a loopback-only network namespace. .ci/run installs the playground into .cache/agents-playground.
 *
 * The playground has a group chat with members and takes invokes from any member, but it does not do per-user
 * views: a card's `refresh` is logged as an unsupported feature and never invoked. The driver sends the refresh
 * invoke Teams would send through the playground's invoke API instead (see playground-drive.mjs).
 */
const PLAYGROUND = process.env['AGENTS_PLAYGROUND_DIR'] ?? path.join(REPO_ROOT, '.cache/agents-playground');
const available = existsSync(path.join(PLAYGROUND, 'node_modules/.bin/agentsplayground'));

interface Line {
  said: string;
  chat?: string;
  who?: string;
  button?: string;
  note?: string;
  userIds?: string[];
  message?: { attachments?: Array<{ content: unknown }> };
  response?: { type: string; value: unknown };
}

const cardOf = (l: Line): string => visibleText(l.message?.attachments?.[0]?.content ?? l.response?.value ?? {});

(available ? describe : describe.skip)('Teams end to end through Microsoft 365 Agents Playground', () => {
  let lines: Line[] = [];
  beforeAll(async () => {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: REPO_ROOT });
    const { stdout } = await promisify(execFile)('unshare', ['-n', 'sh', path.join(REPO_ROOT, 'test/e2e/playground-run.sh'), REPO_ROOT, PLAYGROUND], { timeout: 150_000 });
    lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Line);
  }, 180_000);

  test('a concept question gets the answer card, a dialogue starts with its first question', () => {
    const cards = lines.filter((l) => l.said === 'reply' && l.chat === 'personal').map((l) => JSON.stringify(l.message?.attachments?.[0]?.content));
    expect(cards.some((c) => c.includes('"version":"1.5"') && c.includes('Sociale basis') && c.includes('Lees meer'))).toBe(true);
    expect(cards.some((c) => c.includes('We beginnen met **Zelfscan vijf knoppen**'))).toBe(true);
    expect(cards.some((c) => c.includes('Knop 1 gaat over een visie voor de korte en de lange termijn'))).toBe(true);
  });

  test('an Action.Execute click in personal chat is answered with the next question, in place', () => {
    const click = lines.find((l) => l.said === 'invoke' && l.chat === 'personal')!;
    expect(click.response?.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardOf(click)).toContain('Zelfscan vijf knoppen · Vraag 2');
  });

  test('a group chat with three members: answers marked per member, a refusal only the clicker sees, the summary', () => {
    const votes = lines.filter((l) => l.said === 'invoke' && l.chat === 'group' && /^\d$/.test(l.button ?? ''));
    expect(votes.map((v) => v.who)).toHaveLength(3);
    expect(votes.map((v) => cardOf(v).match(/Jouw antwoord: \d/)?.[0])).toEqual(['Jouw antwoord: 4', 'Jouw antwoord: 4', 'Jouw antwoord: 2']);

    const from = lines.findIndex((l) => l.note === 'before the refusal');
    const to = lines.findIndex((l) => l.note === 'after the refusal');
    const between = lines.slice(from + 1, to);
    expect(between.map((l) => l.said)).toEqual(['invoke']); // nothing posted or updated in the chat
    expect(cardOf(between[0]!)).toContain('(de gespreksleider) of een beheerder kan het gesprek verder zetten');

    const ids = lines.find((l) => l.said === 'refresh-card')!.userIds!;
    expect(ids).toHaveLength(3);
    const [member, lead] = lines.filter((l) => l.said === 'refresh');
    expect(cardOf(member!)).toContain('Jouw antwoord: 4');
    expect(cardOf(member!)).not.toContain('Volgende vraag');
    expect(cardOf(lead!)).toContain('Volgende vraag');

    const summary = lines.filter((l) => l.said === 'reply' && l.chat === 'group').map(cardOf).find((t) => t.includes('Zelfscan vijf knoppen: samenvatting'));
    expect(summary).toContain('3 antwoorden');
  });
});

if (!available) {
  test.skip(`Agents Playground not installed in ${PLAYGROUND} (.ci/run installs it)`, () => undefined);
}
