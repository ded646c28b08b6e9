import { chmod, cp, mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createLiveKnowledge, type LiveKnowledge } from '../../../src/knowledge/live.js';
import type { ReloadAttempt, ReloadFailure, ReloadReport, ReloadSuccess } from '../../../src/knowledge/reload-report.js';
import { createLogger } from '../../../src/log.js';
import { createReloader, ACTIVE_KEY, RELOAD_HISTORY_KEY, type Reloader } from '../../../src/ops/reloader.js';
import { createMemoryStore } from '../../../src/storage/memory-store.js';
import type { Store } from '../../../src/storage/port.js';
import { createFailingStore } from '../../helpers/failing-store.js';
import { SMALL_KNOWLEDGE } from '../../helpers/snapshot.js';

/** The reloader on a real knowledge folder (a temp copy of the small fixture) and a memory store. */

const BASIS = 'concepts/basis.yaml';
const KORT = 'dialogues/kort.yaml';

interface Setup {
  dir: string;
  knowledge: LiveKnowledge;
  store: Store;
  reloader: Reloader;
  read(rel: string): Promise<string>;
  write(rel: string, text: string): Promise<void>;
  edit(rel: string, from: string, to: string): Promise<void>;
}

const temps: string[] = [];
afterAll(async () => {
  for (const dir of temps) {
    await chmod(path.join(dir, BASIS), 0o644).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
});

async function setup(opts: { store?: Store; knowledge?: (live: LiveKnowledge) => LiveKnowledge; logs?: string[] } = {}): Promise<Setup> {
  const dir = await mkdtemp(path.join(tmpdir(), 'rp-reloader-'));
  temps.push(dir);
  await cp(SMALL_KNOWLEDGE, dir, { recursive: true });
  const live = await createLiveKnowledge(dir);
  const knowledge = opts.knowledge ? opts.knowledge(live) : live;
  const store = opts.store ?? createMemoryStore();
  const logs = opts.logs;
  const log = logs ? createLogger({ level: 'info', destination: new Writable({ write: (chunk: Buffer, _e, cb) => (logs.push(chunk.toString()), cb()) }) }) : createLogger({ level: 'silent' });
  const reloader = createReloader({ knowledge, store, log });
  const read = (rel: string) => readFile(path.join(dir, rel), 'utf8');
  const write = (rel: string, text: string) => writeFile(path.join(dir, rel), text);
  return {
    dir, knowledge, store, reloader, read, write,
    async edit(rel, from, to) {
      const text = await read(rel);
      if (!text.includes(from)) throw new Error(`"${from}" not in ${rel}`);
      await write(rel, text.replace(from, to));
    },
  };
}

const trigger = { by: 'teams:admin', via: 'chat' } as const;

test('a failed reload logs every problem with file and line, whatever started it (file watching here)', async () => {
  const logs: string[] = [];
  const s = await setup({ logs });
  await s.write('concepts/kapot.yaml', 'concepts: [');
  const report = await s.reloader.reload({ by: 'watch', via: 'watch' });
  expect(report.ok).toBe(false);
  const problems = logs.filter((l) => l.includes('"msg":"knowledge problem"'));
  expect(problems).toHaveLength((report as ReloadFailure).errors.length);
  expect(problems[0]).toMatch(/"via":"watch","problem":"concepts\/kapot\.yaml:\d+:\d+/);
});

function success(report: ReloadReport): ReloadSuccess {
  if (!report.ok) throw new Error(`expected a successful reload, got errors: ${JSON.stringify(report.errors)}`);
  return report;
}

function failure(report: ReloadReport): ReloadFailure {
  if (report.ok) throw new Error('expected a failed reload, but it succeeded');
  return report;
}

/** The lookup still answers with the old content. */
function expectStillAnswers(knowledge: LiveKnowledge): void {
  const result = knowledge.current().index.lookup('wat is de sociale basis?');
  expect(result.outcome).toBe('match');
  expect(result.hits[0]!.concept.id).toBe('sociale-basis');
  expect(result.hits[0]!.concept.short).toBe('Alles wat vrij toegankelijk is en mensen helpt elkaar te ontmoeten en mee te doen.');
  expect(knowledge.current().dialoguesById.has('kort')).toBe(true);
}

describe('reloader: what changed', () => {
  test('a concept added, one changed, one removed and a dialogue changed: the report names exactly those ids', async () => {
    const s = await setup();
    const before = s.knowledge.current().version;
    await s.write(BASIS, [
      'concepts:',
      '  - id: sociale-basis',
      '    term: Sociale basis',
      '    aliases: [soc basis]',
      '    category: sociale-basis',
      '    short: Een nieuwe korte uitleg van de sociale basis.',
      '    explanation: Uitleg.',
      '    related: [nieuw-begrip]',
      '  - id: nieuw-begrip',
      '    term: Nieuw begrip',
      '    category: stelsel',
      '    short: Een begrip dat er net bij is gekomen.',
      '    explanation: Uitleg over het nieuwe begrip.',
      '    related: [sociale-basis]',
      '',
    ].join('\n'));
    await s.edit(KORT, 'prompt: Kies A of B.', 'prompt: Kies nu A of B.');

    const report = success(await s.reloader.reload(trigger));
    expect(report).toMatchObject({
      ok: true,
      changed: true,
      previousVersion: before,
      by: 'teams:admin',
      via: 'chat',
      counts: { concepts: 2, dialogues: 2 },
      concepts: { added: ['nieuw-begrip'], changed: ['sociale-basis'], removed: ['preventie'] },
      dialogues: { added: [], changed: ['kort'], removed: [] },
    });
    expect(report.version).not.toBe(before);
    expect(s.knowledge.current().version).toBe(report.version);
    expect(s.reloader.active()).toMatchObject({ version: report.version, loadedBy: 'teams:admin', via: 'chat', concepts: 2, dialogues: 2 });
    expect(s.knowledge.current().index.lookup('nieuw begrip').hits[0]!.concept.id).toBe('nieuw-begrip');
  });

  test('a dialogue added and one removed are reported as such', async () => {
    const s = await setup();
    const proef = await s.read('dialogues/proef.yaml');
    await unlink(path.join(s.dir, 'dialogues/proef.yaml'));
    await s.write('dialogues/ander.yaml', proef.replace('id: proefgesprek', 'id: ander-gesprek').replace('aliases: [proef]', 'aliases: [ander]'));
    const report = success(await s.reloader.reload(trigger));
    expect(report.dialogues).toEqual({ added: ['ander-gesprek'], changed: [], removed: ['proefgesprek'] });
    expect(report.concepts).toEqual({ added: [], changed: [], removed: [] });
  });

  test('identical files: changed=false, same version, nothing listed', async () => {
    const s = await setup();
    const before = s.knowledge.current().version;
    const report = success(await s.reloader.reload(trigger));
    expect(report).toMatchObject({
      changed: false,
      version: before,
      previousVersion: before,
      concepts: { added: [], changed: [], removed: [] },
      dialogues: { added: [], changed: [], removed: [] },
    });
    const [attempt] = (await s.reloader.status()).attempts;
    expect(attempt).toMatchObject({ ok: true, version: before, changes: 0 });
  });
});

describe('reloader: broken knowledge keeps the previous version', () => {
  async function expectRefused(s: Setup, before: string): Promise<ReloadFailure> {
    const report = failure(await s.reloader.reload(trigger));
    expect(report.activeVersion).toBe(before);
    expect(report.errors.length).toBeGreaterThan(0);
    expect(s.knowledge.current().version).toBe(before);
    expect(s.reloader.active().version).toBe(before);
    expectStillAnswers(s.knowledge);
    const [attempt] = (await s.reloader.status()).attempts;
    expect(attempt).toMatchObject({ ok: false, version: before, errors: report.errors.length, by: 'teams:admin', via: 'chat' });
    return report;
  }

  test('(a) a YAML syntax error names the file and the line', async () => {
    const s = await setup();
    const before = s.knowledge.current().version;
    const lines = (await s.read(BASIS)).split('\n');
    const at = lines.findIndex((l) => l.includes('term: Preventie'));
    lines[at] = '    term: [Preventie';
    await s.write(BASIS, lines.join('\n'));
    const report = await expectRefused(s, before);
    expect(report.errors[0]).toMatchObject({ file: BASIS });
    expect(report.errors[0]!.line).toBeGreaterThanOrEqual(at + 1);
  });

  test('(b) a schema error (a required field missing) names the file, line and field', async () => {
    const s = await setup();
    const before = s.knowledge.current().version;
    const lines = (await s.read(BASIS)).split('\n');
    const at = lines.findIndex((l) => l.includes('short: Voorkomen dat problemen'));
    lines.splice(at, 1);
    await s.write(BASIS, lines.join('\n'));
    const report = await expectRefused(s, before);
    const problem = report.errors.find((p) => p.file === BASIS && /short/.test(`${p.field} ${p.message}`));
    expect(problem).toBeDefined();
    expect(problem!.line).toBeGreaterThan(0);
  });

  test('(c) a related reference to a concept that does not exist names the file, line and the id', async () => {
    const s = await setup();
    const before = s.knowledge.current().version;
    await s.edit(BASIS, 'related: [sociale-basis]', 'related: [bestaat-niet]');
    const report = await expectRefused(s, before);
    const problem = report.errors.find((p) => p.file === BASIS && p.message.includes('bestaat-niet'));
    expect(problem).toBeDefined();
    expect(problem!.line).toBeGreaterThan(0);
  });

  test('(d) a deleted concepts folder names the folder', async () => {
    const s = await setup();
    const before = s.knowledge.current().version;
    await rm(path.join(s.dir, 'concepts'), { recursive: true });
    const report = await expectRefused(s, before);
    // the dialogues' references to its concepts fail too; the folder itself comes first
    expect(report.errors[0]).toMatchObject({ file: 'concepts', message: expect.stringContaining('bestaat niet') });
  });

  test('(e) an unreadable file names the file', async () => {
    const s = await setup();
    const before = s.knowledge.current().version;
    const file = path.join(s.dir, BASIS);
    if (process.getuid?.() === 0) {
      // root reads files whatever their mode: a folder with the file's name cannot be read as a file either
      await unlink(file);
      await mkdir(file);
      const report = await expectRefused(s, before);
      expect(report.errors[0]).toMatchObject({ file: BASIS, message: expect.stringContaining('het is een map, geen bestand') });
    } else {
      await chmod(file, 0o000);
      const report = await expectRefused(s, before);
      expect(report.errors[0]).toMatchObject({ file: BASIS, message: expect.stringContaining('geen leesrechten') });
      await chmod(file, 0o644);
    }
  });

  test('after a failure, fixing the files reloads normally', async () => {
    const s = await setup();
    const before = s.knowledge.current().version;
    const good = await s.read(BASIS);
    await s.write(BASIS, `${good}\n  - id: [kapot\n`);
    failure(await s.reloader.reload(trigger));
    await s.write(BASIS, good.replace('Uitleg over preventie.', 'Betere uitleg over preventie.'));
    const report = success(await s.reloader.reload(trigger));
    expect(report).toMatchObject({ changed: true, previousVersion: before, concepts: { added: [], changed: ['preventie'], removed: [] } });
  });
});

describe('reloader: history', () => {
  test('attempts are recorded newest first with by, via and ok, capped at 50; the active record is kept', async () => {
    const s = await setup();
    await s.reloader.recordStart('instance-1');
    const good = await s.read(BASIS);
    for (let i = 0; i < 54; i++) {
      if (i % 3 === 2) await s.write(BASIS, `${good}\n  - id: [kapot\n`);
      else await s.write(BASIS, good.replace('Uitleg over preventie.', `Uitleg over preventie ${i}.`));
      await s.reloader.reload({ by: `admin-${i}`, via: i % 2 === 0 ? 'http' : 'chat' });
    }
    const stored = await s.store.get<ReloadAttempt[]>(RELOAD_HISTORY_KEY);
    expect(stored).toHaveLength(50);
    const { attempts, active } = await s.reloader.status(100);
    expect(attempts).toHaveLength(50);
    expect(attempts.map((a) => a.by)).toEqual(Array.from({ length: 50 }, (_, k) => `admin-${53 - k}`));
    expect(attempts.every((a, k) => a.ok === ((53 - k) % 3 !== 2) && a.via === ((53 - k) % 2 === 0 ? 'http' : 'chat'))).toBe(true);
    expect(attempts.some((a) => a.via === 'start')).toBe(false); // the start record fell off the end
    expect((await s.reloader.status()).attempts).toHaveLength(10); // default limit
    // the last successful reload (53 fails: 53 % 3 === 2, so 52 is the last good one) is the active version
    expect(active).toMatchObject({ loadedBy: 'admin-52', via: 'http' });
    expect(await s.store.get(ACTIVE_KEY)).toEqual(active);
    expect(attempts[0]).toMatchObject({ ok: false, version: active.version });
  });

  test('recordStart records the first load', async () => {
    const s = await setup();
    await s.reloader.recordStart('instance-1');
    const { attempts, active } = await s.reloader.status();
    expect(attempts).toEqual([expect.objectContaining({ by: 'instance-1', via: 'start', ok: true, version: s.knowledge.current().version })]);
    expect(active).toMatchObject({ loadedBy: 'instance-1', via: 'start', version: s.knowledge.current().version });
  });

  test('a store that fails while recording does not fail the reload', async () => {
    const { store, inner, fail } = createFailingStore();
    const s = await setup({ store });
    const before = s.knowledge.current().version;
    await s.edit(BASIS, 'Uitleg over preventie.', 'Andere uitleg over preventie.');
    fail(true);
    const report = success(await s.reloader.reload(trigger));
    expect(report.changed).toBe(true);
    expect(s.knowledge.current().version).toBe(report.version);
    expect(report.version).not.toBe(before);
    // status still answers (the active version) while the history cannot be read
    const status = await s.reloader.status();
    expect(status.active.version).toBe(report.version);
    expect(status.attempts).toEqual([]);
    // a failed reload with a failing store is reported as failed, not thrown
    await s.write(BASIS, 'concepts: [kapot');
    expect(failure(await s.reloader.reload(trigger)).activeVersion).toBe(report.version);
    fail(false);
    expect(await inner.get(RELOAD_HISTORY_KEY)).toBeUndefined();
  });
});

describe('reloader: serialised', () => {
  test('concurrent reload() calls run one at a time and their reports chain', async () => {
    let running = 0;
    let most = 0;
    const s = await setup({
      knowledge: (live) => ({
        current: () => live.current(),
        async reload() {
          running++;
          most = Math.max(most, running);
          try {
            await new Promise((r) => setImmediate(r));
            return await live.reload();
          } finally {
            running--;
          }
        },
      }),
    });
    const first = s.knowledge.current().version;
    await s.edit(BASIS, 'Uitleg over preventie.', 'Nieuwe uitleg over preventie.');
    const reports = (await Promise.all([1, 2, 3, 4, 5].map((n) => s.reloader.reload({ by: `admin-${n}`, via: 'http' })))).map(success);
    expect(most).toBe(1);
    expect(reports.map((r) => r.by)).toEqual(['admin-1', 'admin-2', 'admin-3', 'admin-4', 'admin-5']);
    expect(reports[0]).toMatchObject({ changed: true, previousVersion: first });
    for (let i = 1; i < reports.length; i++) {
      expect(reports[i]).toMatchObject({ changed: false, previousVersion: reports[0]!.version, version: reports[0]!.version });
    }
    const { attempts } = await s.reloader.status();
    expect(attempts.map((a) => a.by)).toEqual(['admin-5', 'admin-4', 'admin-3', 'admin-2', 'admin-1']);
  });

  test('a reload that throws does not block the ones queued after it', async () => {
    let calls = 0;
    const s = await setup({
      knowledge: (live) => ({
        current: () => live.current(),
        reload: () => (++calls === 1 ? Promise.reject(new Error('disk gone')) : live.reload()),
      }),
    });
    const [a, b] = await Promise.allSettled([s.reloader.reload(trigger), s.reloader.reload(trigger)]);
    expect(a.status).toBe('rejected');
    expect(b).toMatchObject({ status: 'fulfilled', value: { ok: true, changed: false } });
  });
});
