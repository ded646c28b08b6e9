import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyPatch, parsePatch } from 'diff';
import type { ConversationRef } from '../../src/bot/events.js';
import { feedbackCommand, proposalsCommand } from '../../src/cli/experts-cli.js';
import type { Io } from '../../src/cli/knowledge-cli.js';
import { validateCommand } from '../../src/cli/knowledge-cli.js';
import { withAlias } from '../../src/cli/proposals-yaml.js';
import { loadConfig } from '../../src/config.js';
import type { KnowledgeSnapshot } from '../../src/knowledge/snapshot.js';
import { createLowdbStore } from '../../src/storage/lowdb-store.js';
import { startTestApp } from '../helpers/app.js';
import { createFakeChannel } from '../helpers/fake-channel.js';
import { setupExperts } from '../helpers/experts-world.js';
import { loadSnapshot, SHIPPED_KNOWLEDGE, SMALL_KNOWLEDGE } from '../helpers/snapshot.js';

/**
 * From answer to knowledge, and knowledge into other chats: the experts' answers become proposals that pass
 * `validate`, votes show in `routeplanner feedback` and `/metrics`, and the core functions behind the Teams
 * message extension and the Slack shortcut find concepts in what people type.
 */

function captureIo(): Io & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

/** Linked questions that describe a concept in other words: they become example questions, not aliases. */
const KOFFIE = 'Waar kunnen bewoners  zonder indicatie binnenlopen voor een kop koffie en een praatje? ';
const GELD = 'Mijn vraag: waar kan ik als bewoner #hulp krijgen bij geldzorgen?';

describe('routeplanner proposals and feedback, from what the bot stored', () => {
  let dataDir: string;
  let knowledgeDir: string;
  let outDir: string;
  const config = () => loadConfig({ KNOWLEDGE_DIR: knowledgeDir, DATA_DIR: dataDir });

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'rp-experts-data-'));
    knowledgeDir = await mkdtemp(path.join(tmpdir(), 'rp-experts-knowledge-'));
    outDir = await mkdtemp(path.join(tmpdir(), 'rp-experts-out-'));
    await cp(SMALL_KNOWLEDGE, knowledgeDir, { recursive: true });
    const snapshot = await loadSnapshot(knowledgeDir);
    const store = await createLowdbStore({ dir: dataDir });
    const { fake, anna, redactie } = await setupExperts(() => snapshot, { store });
    const ask = async (question: string, expert: (card: ReturnType<typeof fake.last>) => Promise<unknown>) => {
      await anna.say(question);
      await anna.click('Vraag het de kennisredactie');
      // the form holds the question (typed in by the user when it came from under an answer)
      await anna.click('Stuur mijn vraag met mijn naam', 'anna', { text: question });
      await expert(redactie.see(fake.last('experts'), 'bea'));
    };
    await ask('wat is een buurtkamer?', () => redactie.click('Koppel aan begrip', 'bea', { values: ['sociale-basis'] }));
    await ask('hoe voorkom je schulden?', () => redactie.click('Koppel aan begrip', 'bea', { values: ['preventie'] }));
    await ask('wat is een wijkcentrum?', () => redactie.click('Beantwoorden', 'bea', { text: 'Een wijkcentrum is een gebouw in de wijk. Bewoners kunnen er terecht voor activiteiten en hulp.' }));
    await ask('wat is soc basis?', () => redactie.click('Koppel aan begrip', 'bea', { values: ['sociale-basis'] }));
    await ask('wat is een ruilwinkel?', () => redactie.click('Geen antwoord', 'bea'));
    await ask(KOFFIE, () => redactie.click('Koppel aan begrip', 'bea', { values: ['sociale-basis'] }));
    await ask(GELD, () => redactie.click('Koppel aan begrip', 'bea', { values: ['preventie'] }));
    // the same question again, typed a little differently: one example question is enough
    await ask('waar kunnen bewoners zonder indicatie binnenlopen voor een kop koffie en een praatje', () => redactie.click('Koppel aan begrip', 'bea', { values: ['sociale-basis'] }));
    await anna.say('sociale basis');
    await anna.click('nee');
    await anna.say('preventie', 'bob');
    await anna.click('ja', 'bob');
    await store.close();
  });
  afterAll(async () => {
    for (const dir of [dataDir, knowledgeDir, outDir]) await rm(dir, { recursive: true, force: true });
  });

  test('lists aliases from links and drafts from answers, nothing of the asker; skips a name that exists', async () => {
    const io = captureIo();
    expect(await proposalsCommand(config(), { json: true }, io)).toBe(0);
    const out = JSON.parse(io.stdout) as { aliases: unknown[]; questions: unknown[]; drafts: unknown[]; skipped: unknown[]; written: unknown[] };
    expect(out.aliases).toEqual([expect.objectContaining({ conceptId: 'sociale-basis', alias: 'buurtkamer', expert: 'bea' })]);
    // a question word or a long description: the user's words, trimmed, become an example question
    expect(out.questions).toEqual([
      expect.objectContaining({ conceptId: 'preventie', question: 'hoe voorkom je schulden?', expert: 'bea' }),
      expect.objectContaining({ conceptId: 'sociale-basis', question: KOFFIE.trim().replace(/\s+/g, ' '), expert: 'bea' }),
      expect.objectContaining({ conceptId: 'preventie', question: GELD, expert: 'bea' }),
    ]);
    expect(out.drafts).toEqual([expect.objectContaining({ id: 'wijkcentrum', term: 'Wijkcentrum', short: expect.stringContaining('Een wijkcentrum is een gebouw'), expert: 'bea' })]);
    expect(out.skipped).toEqual([
      expect.objectContaining({ reason: '"soc basis" is already a name of "sociale-basis"' }),
      expect.objectContaining({ reason: expect.stringMatching(/^".*koffie en een praatje" is already an example question of "sociale-basis"$/) }),
    ]);
    expect(out.written).toEqual([]);
    expect(io.stdout).not.toMatch(/anna|u-anna|chat-anna/);
  });

  test('--out writes a patch and a concepts file; applied to the knowledge they pass validate, and the lookup finds them', async () => {
    const io = captureIo();
    expect(await proposalsCommand(config(), { json: false, out: outDir }, io)).toBe(0);
    expect(io.stdout).toContain(`Wrote ${path.join(outDir, 'aliassen.patch')}`);
    expect(io.stdout).toContain('aliassen.patch adds 1 alias and 3 example questions.');
    const patch = await readFile(path.join(outDir, 'aliassen.patch'), 'utf8');
    expect(patch).toContain('--- a/concepts/basis.yaml\n+++ b/concepts/basis.yaml');
    expect(patch).toContain('+    questions:\n+      - hoe voorkom je schulden?\n+      - "Mijn vraag: waar kan ik als bewoner #hulp krijgen bij geldzorgen?"\n');
    const drafts = await readFile(path.join(outDir, 'concepts/voorstellen.yaml'), 'utf8');
    expect(drafts).toContain('# voorstel van bea, ');
    expect(drafts).toContain('verified: false');

    const applied = await mkdtemp(path.join(tmpdir(), 'rp-experts-applied-'));
    try {
      await cp(knowledgeDir, applied, { recursive: true });
      for (const filePatch of parsePatch(patch)) {
        const file = path.join(applied, filePatch.newFileName!.replace(/^b\//, ''));
        const result = applyPatch(await readFile(file, 'utf8'), filePatch);
        expect(result).not.toBe(false);
        await writeFile(file, result as string);
      }
      await writeFile(path.join(applied, 'concepts/voorstellen.yaml'), drafts);
      const check = captureIo();
      expect({ code: await validateCommand(applied, check), errors: check.stderr.split('\n').filter((l) => l && !l.includes('let op')) }).toEqual({ code: 0, errors: [] });
      const proposed = await loadSnapshot(applied);
      expect(proposed.index.lookup('buurtkamer').hits[0]?.concept.id).toBe('sociale-basis');
      // the quoted question reads back as the user typed it
      expect(proposed.conceptsById.get('preventie')?.questions).toEqual(['hoe voorkom je schulden?', GELD]);
      // no answer before; with the example questions in place the lookup points to the linked concept
      const before = await loadSnapshot(knowledgeDir);
      for (const [question, id] of [[KOFFIE, 'sociale-basis'], [GELD, 'preventie'], ['hoe voorkom je schulden?', 'preventie']] as const) {
        expect(before.index.lookup(question).hits[0]?.concept.id).not.toBe(id);
        const after = proposed.index.lookup(question);
        expect({ question, outcome: after.outcome, first: after.hits[0]?.concept.id }).toEqual({ question, outcome: expect.stringMatching(/^(match|suggest)$/), first: id });
      }
      expect(proposed.index.lookup('wijkcentrum').hits[0]?.concept).toMatchObject({ id: 'wijkcentrum', verified: false });
      // run again on the knowledge with the patch in: everything is in place, so nothing is proposed twice
      const again = captureIo();
      expect(await proposalsCommand(loadConfig({ KNOWLEDGE_DIR: applied, DATA_DIR: dataDir }), { json: true }, again)).toBe(0);
      const rerun = JSON.parse(again.stdout) as { aliases: unknown[]; questions: unknown[]; skipped: Array<{ reason: string }> };
      expect({ aliases: rerun.aliases, questions: rerun.questions }).toEqual({ aliases: [], questions: [] });
      expect(rerun.skipped.map((s) => s.reason)).toEqual(expect.arrayContaining([
        '"hoe voorkom je schulden?" is already an example question of "preventie"',
        `"${GELD}" is already an example question of "preventie"`,
      ]));
    } finally {
      await rm(applied, { recursive: true, force: true });
    }
  });

  test('routeplanner feedback lists ja and nee per concept', async () => {
    const io = captureIo();
    expect(await feedbackCommand(config(), true, io)).toBe(0);
    expect(JSON.parse(io.stdout)).toEqual({ feedback: [
      { conceptId: 'sociale-basis', term: 'Sociale basis', ja: 0, nee: 1 },
      { conceptId: 'preventie', term: 'Preventie', ja: 1, nee: 0 },
    ] });
  });
});

test('an alias goes into a block list, a flow list or a new line, every other byte kept', () => {
  const file = 'concepts:\n  - id: a\n    term: A\n    aliases:\n      - een # uitleg\n      - "twee"\n    category: praktijk\n  - id: b\n    term: B\n    category: praktijk\n  - id: c\n    term: C\n    aliases: []\n';
  expect(withAlias(file, 'a', 'drie')).toBe(file.replace('      - "twee"\n', '      - "twee"\n      - drie\n'));
  expect(withAlias(file, 'b', 'nieuw')).toBe(file.replace('    term: B\n', '    term: B\n    aliases: [nieuw]\n'));
  expect(withAlias(file, 'c', 'x')).toBe(file.replace('aliases: []', 'aliases: [x]'));
  expect(withAlias(file, 'd', 'x')).toBeUndefined();
});

test('/metrics shows the feedback counts per concept and vote, only for concepts in the knowledge', async () => {
  const app = await startTestApp();
  try {
    const anna = { id: 'teams:anna', name: 'Anna', isAdmin: false };
    const conversation: ConversationRef = { key: 'teams:a', scope: 'personal' };
    const [answer] = await app.bot.handle({ kind: 'message', conversation, actor: anna, text: 'sociale basis' });
    const no = answer?.kind === 'answer' ? answer.feedback?.no.payload : undefined;
    await app.bot.handle({ kind: 'action', conversation, actor: anna, payload: no! });
    await app.store.update('feedback:counts', (c: Record<string, unknown> | undefined) => ({ ...c, 'weg-begrip': { ja: 5, nee: 0 } }));
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toContain('routeplanner_feedback_total{concept="sociale-basis",vote="nee"} 1');
    expect(metrics).toContain('routeplanner_feedback_total{concept="sociale-basis",vote="ja"} 0');
    expect(metrics).not.toContain('weg-begrip');

    // the app wires no delivery yet (the adapters give no addresses): the user hears it plainly
    const form = await app.bot.handle({ kind: 'action', conversation, actor: anna, payload: JSON.stringify({ a: 'xsend', n: 0, t: 'Wat is een buurtkamer?' }) });
    expect(form).toEqual([expect.objectContaining({ kind: 'notice', text: expect.stringContaining('Vragen aan de kennisredactie kunnen hier (nog) niet') })]);
  } finally {
    await app.close();
  }
});

describe('knowledge where people talk', () => {
  let shipped: KnowledgeSnapshot;
  beforeAll(async () => {
    shipped = await loadSnapshot(SHIPPED_KNOWLEDGE);
  });
  const bot = () => createFakeChannel({ snapshot: () => shipped }).bot;

  test.each([
    ['socale bassis', 'sociale-basis'],
    ['betaalbre sociale kwalitiet', 'betaalbare-sociale-kwaliteit'],
    ['keukentafel', 'keukentafelgesprek'],
  ])('the message extension finds "%s" (typos, or half typed): %s first, shared answer objects', (query, id) => {
    const results = bot().searchConcepts(query, 5);
    expect(results[0]).toMatchObject({ kind: 'answer', conceptId: id });
    expect(results.length).toBeLessThanOrEqual(5);
    expect(Object.isFrozen(results[0])).toBe(true);
  });

  test('the message extension starts, before anything is typed, with the concepts others point to most', () => {
    const hubs = new Map<string, number>();
    for (const c of shipped.concepts) for (const id of c.related) hubs.set(id, (hubs.get(id) ?? 0) + 1);
    const most = Math.max(...hubs.values());
    const results = bot().searchConcepts('  ', 5);
    expect(results).toHaveLength(5);
    expect(hubs.get(results[0]!.conceptId)).toBe(most);
    const weights = results.map((r) => hubs.get(r.conceptId) ?? 0);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(bot().searchConcepts('', 0)).toEqual([]);
  });

  test('the shortcut explains the concepts named in a message, in order, privately, each with "Deel in de thread"', () => {
    const replies = bot().explainMessage('Kunnen we voor de Wmo-keukentafel ook naar de socale basis kijken, en naar preventie? <@U123>');
    expect(replies.map((r) => (r.kind === 'answer' ? r.conceptId : r.kind))).toEqual(['wmo', 'keukentafelgesprek', 'sociale-basis', 'preventie']);
    for (const r of replies) expect(r).toMatchObject({ private: true, actions: expect.arrayContaining([expect.objectContaining({ label: 'Deel in de thread' })]) });
    expect(bot().explainMessage('Tot morgen bij de koffie!')).toEqual([expect.objectContaining({ kind: 'notice', private: true, text: 'Ik vind in dit bericht geen begrippen die ik ken.' })]);
  });

  test('"Deel in de thread" answers the concept for everyone in the conversation', async () => {
    const chat = createFakeChannel({ snapshot: () => shipped, conversation: { key: 'slack:T:C:1', scope: 'channel' } });
    chat.see(chat.bot.explainMessage('wat vinden we van preventie'));
    const [shared] = await chat.click('Deel in de thread');
    expect(shared).toMatchObject({ kind: 'answer', conceptId: 'preventie' });
    expect(shared).not.toHaveProperty('private');
  });
});
