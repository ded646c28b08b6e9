import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBot } from '../../../src/bot/bot.js';
import type { AnswerReply } from '../../../src/bot/replies.js';
import { createLiveKnowledge } from '../../../src/knowledge/live.js';
import type { ReloadReport } from '../../../src/knowledge/reload-report.js';
import type { KnowledgeSnapshot } from '../../../src/knowledge/snapshot.js';
import { createLogger } from '../../../src/log.js';
import { createReloader } from '../../../src/ops/reloader.js';
import { createMemoryStore } from '../../../src/storage/memory-store.js';
import { SMALL_KNOWLEDGE } from '../../helpers/snapshot.js';

/**
 * Reload under load: lookups and whole bot turns run continuously while the knowledge is reloaded 20 times,
 * alternating a valid version (A or B, which differ in one concept's short text) and a broken one. No
 * lookup may fail and every answer must belong to exactly one version.
 */

const TEXT_A = 'Alles wat vrij toegankelijk is en mensen helpt elkaar te ontmoeten en mee te doen.';
const TEXT_B = 'Versie B, de voorzieningen die voor iedereen open staan, zonder indicatie.';
const QUERY = 'wat is de sociale basis?';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rp-load-'));
  await cp(SMALL_KNOWLEDGE, dir, { recursive: true });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

test('20 reloads (A/B/broken) under continuous lookups and turns: no failed lookup, no mixed answer', async () => {
  const basis = path.join(dir, 'concepts/basis.yaml');
  const broken = path.join(dir, 'concepts/kapot.yaml');
  const original = await readFile(basis, 'utf8');
  expect(original).toContain(TEXT_A);
  const knowledge = await createLiveKnowledge(dir);
  const store = createMemoryStore();
  const reloader = createReloader({ knowledge, store, log: createLogger({ level: 'silent' }) });

  // the version each text belongs to, learnt from the reload reports (the first version is A)
  const textOf = new Map<string, string>([[knowledge.current().version, TEXT_A]]);

  // every snapshot a turn takes, so its answer can be checked against the version it answered from
  let taken: KnowledgeSnapshot[] = [];
  const bot = createBot({
    knowledge: {
      current: () => {
        const s = knowledge.current();
        taken.push(s);
        return s;
      },
    },
    store,
  });

  let done = false;
  let failures = 0;
  const lookups: Array<{ version: string; text: string }> = [];
  const turns: Array<{ versions: string[]; text: string }> = [];
  const failed: unknown[] = [];

  const lookupLoop = (async () => {
    while (!done) {
      try {
        const s = knowledge.current();
        const result = s.index.lookup(QUERY);
        if (result.outcome !== 'match' || result.hits[0]?.concept.id !== 'sociale-basis') throw new Error(`lookup gave ${result.outcome}`);
        lookups.push({ version: s.version, text: result.hits[0].concept.short });
      } catch (err) {
        failures++;
        failed.push(err);
      }
      await new Promise((r) => setImmediate(r));
    }
  })();

  const turnLoop = (async () => {
    let n = 0;
    while (!done) {
      try {
        taken = [];
        const replies = await bot.handle({
          kind: 'message',
          conversation: { key: `load-${n % 3}`, scope: 'personal' },
          actor: { id: `u-${n++ % 3}`, name: 'Anna', isAdmin: false },
          text: QUERY,
        });
        const answer = replies.find((r): r is AnswerReply => r.kind === 'answer');
        if (!answer || answer.conceptId !== 'sociale-basis') throw new Error(`turn gave ${JSON.stringify(replies.map((r) => r.kind))}`);
        turns.push({ versions: taken.map((s) => s.version), text: answer.short });
      } catch (err) {
        failures++;
        failed.push(err);
      }
      await new Promise((r) => setImmediate(r));
    }
  })();

  /** Waits until both loops made progress, so every version is seen under load. */
  const progress = async () => {
    const [l, t] = [lookups.length, turns.length];
    while (lookups.length < l + 3 || turns.length < t + 3) await new Promise((r) => setTimeout(r, 1));
  };

  const reports: ReloadReport[] = [];
  try {
    await progress();
    let useB = true;
    for (let i = 0; i < 20; i++) {
      if (i % 2 === 0) {
        const text = useB ? TEXT_B : TEXT_A;
        useB = !useB;
        await unlink(broken).catch(() => undefined);
        await writeFile(basis, original.replace(TEXT_A, text));
        const report = await reloader.reload({ by: 'load-test', via: 'watch' });
        if (report.ok) textOf.set(report.version, text);
        reports.push(report);
      } else {
        await writeFile(broken, 'concepts:\n  - id: [kapot\n');
        reports.push(await reloader.reload({ by: 'load-test', via: 'watch' }));
      }
      await progress();
    }
  } finally {
    done = true;
    await Promise.all([lookupLoop, turnLoop]);
  }

  expect(failed).toEqual([]);
  expect(failures).toBe(0);
  expect(reports).toHaveLength(20);
  expect(reports.filter((r) => !r.ok)).toHaveLength(10);
  expect(reports.filter((r) => r.ok && r.changed)).toHaveLength(10);
  // exactly two versions (A and B): the files alternate between the same two contents
  expect(new Set(textOf.values())).toEqual(new Set([TEXT_A, TEXT_B]));
  expect(textOf.size).toBe(2);
  for (let i = 1; i < 20; i += 2) {
    const prev = reports[i - 1]!;
    expect(reports[i]).toMatchObject({ ok: false, activeVersion: prev.ok ? prev.version : '' });
  }

  // every lookup saw one whole version: its text is that version's text
  expect(lookups.length).toBeGreaterThan(60);
  for (const l of lookups) expect(l.text).toBe(textOf.get(l.version));
  expect(new Set(lookups.map((l) => l.text))).toEqual(new Set([TEXT_A, TEXT_B]));

  // every turn took one snapshot and answered from it
  expect(turns.length).toBeGreaterThan(60);
  for (const t of turns) {
    expect(new Set(t.versions).size).toBe(1);
    expect(t.text).toBe(textOf.get(t.versions[0]!));
  }
  expect(new Set(turns.map((t) => t.text))).toEqual(new Set([TEXT_A, TEXT_B]));

  const { attempts } = await reloader.status(50);
  expect(attempts).toHaveLength(20);
  expect(attempts.filter((a) => !a.ok)).toHaveLength(10);
});
