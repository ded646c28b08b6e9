import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBot, type Bot } from '../../src/bot/bot.js';
import type { Actor, ConversationRef } from '../../src/bot/events.js';
import type { Reply } from '../../src/bot/replies.js';
import type { AdminPort } from '../../src/bot/turn.js';
import { renderText } from '../../src/cli/render-text.js';
import { replyToMessage } from '../../src/adapters/slack/render.js';
import { replyToCard } from '../../src/adapters/teams/render.js';
import { createLiveKnowledge, type LiveKnowledge } from '../../src/knowledge/live.js';
import { createLogger } from '../../src/log.js';
import { createReloader, type Reloader } from '../../src/ops/reloader.js';
import { createUnansweredLog, type UnansweredLog } from '../../src/ops/unanswered.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import { SMALL_KNOWLEDGE } from '../helpers/snapshot.js';

/** Admin commands in the core with the real reloader and counts, next to a dialogue in progress. */

const silent = createLogger({ level: 'silent' });
const conversation: ConversationRef = { key: 'chat-admin', scope: 'personal' };
const admin: Actor = { id: 'u-admin', name: 'Beheerder', isAdmin: true };
const user: Actor = { id: 'u-anna', name: 'Anna', isAdmin: false };

let dir: string;
let knowledge: LiveKnowledge;
let reloader: Reloader;
let unanswered: UnansweredLog;
let bot: Bot;
const refused: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rp-conv-admin-'));
  await cp(SMALL_KNOWLEDGE, dir, { recursive: true });
  knowledge = await createLiveKnowledge(dir);
  const store = createMemoryStore();
  reloader = createReloader({ knowledge, store, log: silent });
  unanswered = createUnansweredLog({ store, log: silent, flushEveryMs: 60 * 60 * 1000 });
  const port: AdminPort = {
    reload: (actor) => reloader.reload({ by: `${actor.name} (${actor.id})`, via: 'chat' }),
    status: () => reloader.status(),
    unanswered: (limit) => unanswered.top(limit),
    refused: (actor, command) => refused.push(`${actor.id}:${command}`),
  };
  bot = createBot({
    knowledge, store, admin: port,
    observer: { lookup: (r) => (r.outcome === 'match' ? undefined : unanswered.note(r.query, r.outcome)) },
  });
});
afterAll(async () => {
  await unanswered.close();
  await rm(dir, { recursive: true, force: true });
});

const say = async (text: string, actor: Actor = admin): Promise<{ replies: Reply[]; text: string }> => {
  const replies = await bot.handle({ kind: 'message', conversation: actor === admin ? conversation : { key: 'chat-anna', scope: 'personal' }, actor, text });
  return { replies, text: renderText(replies).text };
};

test('a non-admin is refused privately and the port hears of it', async () => {
  const { replies, text } = await say('herlaad kennis', user);
  expect(text).toContain('Dat mag alleen een beheerder');
  expect(replies).toEqual([expect.objectContaining({ kind: 'notice', private: true, tone: 'warning' })]);
  expect(refused).toEqual(['u-anna:reload']);
});

test('without an admin port the commands say they are not available here', async () => {
  const plain = createBot({ knowledge, store: createMemoryStore() });
  const replies = await plain.handle({ kind: 'message', conversation, actor: admin, text: 'status' });
  expect(renderText(replies).text).toContain('Beheeropdrachten zijn hier niet beschikbaar');
});

test('an admin in the middle of a dialogue reloads a change to it; the dialogue goes on safely', async () => {
  expect((await say('start kort')).text).toContain('Kies A of B.');
  expect((await say('1')).text).toContain('Score?');

  const kort = path.join(dir, 'dialogues/kort.yaml');
  const original = await readFile(kort, 'utf8');
  await writeFile(kort, original.replace('  - id: b\n', '  - id: nieuw\n    kind: text\n    title: Nieuw\n    prompt: Een nieuwe vraag?\n    maxLength: 100\n  - id: b\n'));
  const reload = await say('herlaad kennis');
  expect(reload.replies).toEqual([expect.objectContaining({ kind: 'notice', private: true, tone: 'info' })]);
  expect(reload.text).toContain('Kennis herladen');
  expect(reload.text).toContain('gewijzigd 1 (kort)');

  const next = await say('3');
  expect(next.text).toContain('Dit gesprek is bijgewerkt sinds je begon');
  expect(next.text).toContain('Een nieuwe vraag?');
  expect((await say('Iets nieuws')).text).toContain('Score?');

  // removed while the run is open: a summary of what was answered, not an error
  await unlink(kort);
  expect((await say('herlaad')).text).toContain('verwijderd 1 (kort)');
  const gone = await say('5');
  expect(gone.text).toContain('bestaat niet meer');
  expect(gone.replies.find((r) => r.kind === 'summary')).toMatchObject({ items: [{ title: 'A', lines: ['Optie A'] }, { title: 'Nieuw', lines: ['Iets nieuws'] }] });
  expect((await say('verder')).text).toContain('Je hebt geen gesprek dat nog loopt');
});

test('status and onbeantwoord answer the admin privately with the history and the counts', async () => {
  await say('wie is de burgemeester van 1234 Utrecht', user);
  await say('Wie is de burgemeester van 5678 utrecht?', user);
  const status = await say('status');
  expect(status.text).toContain(`Actieve kennisversie: `);
  expect(status.text).toContain(reloader.active().version);
  expect(status.text).toContain('door Beheerder u-admin (via de chat)'); // display names lose markup characters, brackets included
  const list = await say('onbeantwoord');
  expect(list.replies).toEqual([expect.objectContaining({ kind: 'notice', private: true })]);
  expect(list.text).toContain('"wie is de burgemeester van … utrecht": 2×'); // the masked number stays visible
  expect(list.text).not.toContain('u-anna');
});

test('help lists the admin commands for admins only', async () => {
  expect((await say('help')).text).toContain('herlaad kennis');
  expect((await say('help', user)).text).not.toContain('herlaad kennis');
});

test('a failed reload lists each problem as plain lines, file names with underscores and all, in Teams and Slack alike', async () => {
  const broken = path.join(dir, 'concepts', 'sociale_basis_v2.yaml');
  await writeFile(broken, 'concepts:\n  - id: x_y\n    term: <!channel> *vet*\n');
  try {
    const { replies, text } = await say('herlaad');
    const [report] = replies;
    expect(report).toMatchObject({ kind: 'notice', tone: 'warning', private: true });
    expect(text).toContain('Herladen is niet gelukt');
    expect(text).toContain('x_y.id: de id mag alleen kleine letters, cijfers en losse streepjes bevatten'); // underscores stay
    const details = (report as Extract<Reply, { kind: 'notice' }>).details ?? [];
    expect(details.some((l) => l.startsWith('• concepts/sociale_basis_v2.yaml:'))).toBe(true);
    // shown as they are, never parsed: Slack plain_text, Teams TextRun
    const slack = replyToMessage(report!).blocks.find((b) => (b as { text?: { type: string } }).text?.type === 'plain_text') as { text: { text: string } };
    expect(slack.text.text).toContain('sociale_basis_v2.yaml');
    expect(JSON.stringify(replyToCard(report!))).toContain('"type":"TextRun","text":"• concepts/sociale_basis_v2.yaml:');
  } finally {
    await unlink(broken);
    await say('herlaad');
  }
});
