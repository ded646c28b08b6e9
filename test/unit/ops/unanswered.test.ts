import { createLogger } from '../../../src/log.js';
import { createUnansweredLog, normaliseQuery, UNANSWERED_KEY, type UnansweredLog } from '../../../src/ops/unanswered.js';
import { createMemoryStore } from '../../../src/storage/memory-store.js';
import type { Store } from '../../../src/storage/port.js';
import { createFailingStore } from '../../helpers/failing-store.js';

/** The unanswered-question counts: normalised, buffered, added up in the shared store, nothing personal. */

const silent = createLogger({ level: 'silent' });
const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);

const logs: UnansweredLog[] = [];
afterEach(async () => {
  for (const log of logs.splice(0)) await log.close().catch(() => undefined);
});

function makeLog(store: Store, clock: { now: number }): UnansweredLog {
  // a long flush interval: the tests flush explicitly
  const log = createUnansweredLog({ store, log: silent, now: () => clock.now, flushEveryMs: 60 * 60 * 1000 });
  logs.push(log);
  return log;
}

describe('normaliseQuery', () => {
  test('folds case, accents and punctuation', () => {
    expect(normaliseQuery('  Wat is de SOCIALE basis?! ')).toBe('wat is de sociale basis');
    expect(normaliseQuery('Coöperatie — één café…')).toBe('cooperatie een cafe');
    expect(normaliseQuery('wat-is_de sociale,basis')).toBe(normaliseQuery('Wat is de sociale basis'));
  });

  test('numbers of three digits or more become #; shorter ones stay', () => {
    expect(normaliseQuery('mijn BSN is 123456782')).toBe('mijn bsn is #');
    // digits written in groups count together, so a phone number is masked whole
    expect(normaliseQuery('bel 06-12345678 of 020 1234567')).toBe('bel # of #');
    expect(normaliseQuery('mijn nummer is 06 12 34 56 78')).toBe('mijn nummer is #');
    expect(normaliseQuery('zaak 999 in 2026')).toBe('zaak # in #');
    expect(normaliseQuery('de 3 doelen en 12 taken')).toBe('de 3 doelen en 12 taken');
  });

  test('empty or punctuation-only questions normalise to nothing', () => {
    expect(normaliseQuery('?!...')).toBe('');
  });
});

describe('unanswered log', () => {
  test('counts per normalised query, with the last outcome and time', async () => {
    const clock = { now: T0 };
    const log = makeLog(createMemoryStore(), clock);
    log.note('Wat is een buurtteam?', 'suggest');
    clock.now += 1000;
    log.note('wat is een BUURTTEAM', 'none');
    clock.now += 1000;
    log.note('hoe laat is het', 'none');
    expect(await log.top(10)).toEqual([
      { query: 'wat is een buurtteam', count: 2, lastSeen: new Date(T0 + 1000).toISOString(), outcome: 'none' },
      { query: 'hoe laat is het', count: 1, lastSeen: new Date(T0 + 2000).toISOString(), outcome: 'none' },
    ]);
  });

  test('the outcome is the one of the most recent time it was asked (suggest vs none)', async () => {
    const clock = { now: T0 };
    const log = makeLog(createMemoryStore(), clock);
    log.note('buurtkracht', 'none');
    clock.now += 10;
    log.note('buurtkracht', 'suggest');
    log.note('dorpsraad', 'suggest');
    clock.now += 10;
    log.note('dorpsraad', 'none');
    const top = await log.top(10);
    expect(top.find((e) => e.query === 'buurtkracht')).toMatchObject({ count: 2, outcome: 'suggest' });
    expect(top.find((e) => e.query === 'dorpsraad')).toMatchObject({ count: 2, outcome: 'none' });
  });

  test('top: the most asked first, ties the most recent first, limited', async () => {
    const clock = { now: T0 };
    const log = makeLog(createMemoryStore(), clock);
    const ask = (q: string, times: number) => {
      for (let i = 0; i < times; i++) {
        clock.now += 1000;
        log.note(q, 'none');
      }
    };
    ask('oud twee', 2);
    ask('drie keer', 3);
    ask('een keer', 1);
    ask('nieuw twee', 2);
    expect((await log.top(10)).map((e) => [e.query, e.count])).toEqual([
      ['drie keer', 3],
      ['nieuw twee', 2],
      ['oud twee', 2],
      ['een keer', 1],
    ]);
    expect((await log.top(2)).map((e) => e.query)).toEqual(['drie keer', 'nieuw twee']);
  });

  test('flush writes the counts to the store and adds to what is there', async () => {
    const store = createMemoryStore();
    const clock = { now: T0 };
    const log = makeLog(store, clock);
    log.note('wijkteam', 'none');
    expect(await store.get(UNANSWERED_KEY)).toBeUndefined(); // buffered: a lookup never waits for a write
    await log.flush();
    expect(await store.get(UNANSWERED_KEY)).toEqual({ wijkteam: { n: 1, t: T0, o: 'none' } });
    log.note('Wijkteam!', 'suggest');
    await log.flush();
    expect(await store.get(UNANSWERED_KEY)).toEqual({ wijkteam: { n: 2, t: T0, o: 'suggest' } });
    await log.flush(); // nothing pending: nothing changes
    expect(await store.get(UNANSWERED_KEY)).toEqual({ wijkteam: { n: 2, t: T0, o: 'suggest' } });
  });

  test('close flushes what is pending', async () => {
    const store = createMemoryStore();
    const log = createUnansweredLog({ store, log: silent, now: () => T0, flushEveryMs: 60 * 60 * 1000 });
    log.note('mantelzorg boete', 'none');
    await log.close();
    expect(await store.get(UNANSWERED_KEY)).toEqual({ 'mantelzorg boete': { n: 1, t: T0, o: 'none' } });
  });

  test('two logs (two instances) on one store add up instead of overwriting each other', async () => {
    const store = createMemoryStore();
    const clock = { now: T0 };
    const a = makeLog(store, clock);
    const b = makeLog(store, clock);
    a.note('jongerenwerk', 'none');
    a.note('jongerenwerk', 'none');
    b.note('Jongerenwerk?', 'suggest');
    b.note('alleen b', 'none');
    await Promise.all([a.flush(), b.flush()]);
    const fromA = await a.top(10);
    expect(fromA.map((e) => [e.query, e.count])).toEqual([
      ['jongerenwerk', 3],
      ['alleen b', 1],
    ]);
    expect(await b.top(10)).toEqual(fromA);
  });

  test('a store failure keeps the counts for the next flush', async () => {
    const { store, inner, fail } = createFailingStore();
    fail(true);
    const clock = { now: T0 };
    const log = makeLog(store, clock);
    log.note('wat is een sociaal makelaar', 'none');
    await expect(log.flush()).resolves.toBeUndefined(); // never throws at the caller
    expect(await inner.get(UNANSWERED_KEY)).toBeUndefined();
    log.note('wat is een sociaal makelaar', 'suggest'); // noted while the store was down
    await log.flush();
    fail(false);
    await log.flush();
    expect(await inner.get(UNANSWERED_KEY)).toEqual({ 'wat is een sociaal makelaar': { n: 2, t: T0, o: 'suggest' } });
  });

  test('no user ids, conversation ids or raw text are stored: only normalised query, count, time and outcome', async () => {
    const store = createMemoryStore();
    const clock = { now: T0 };
    const log = makeLog(store, clock);
    log.note('Mijn BSN is 123456782, kan Anna de Vries (u-anna) hulp krijgen?', 'none');
    await log.flush();
    expect(await store.list('')).toEqual([UNANSWERED_KEY]);
    const stored = await store.get<Record<string, unknown>>(UNANSWERED_KEY);
    expect(stored).toEqual({ 'mijn bsn is # kan anna de vries u anna hulp krijgen': { n: 1, t: T0, o: 'none' } });
    expect(JSON.stringify(stored)).not.toMatch(/123456782|BSN|\?/);
    // the entry holds exactly these fields: nothing per user
    expect(Object.keys(Object.values(stored!)[0] as object).sort()).toEqual(['n', 'o', 't']);
  });

  test('empty questions are not counted; long ones are cut', async () => {
    const store = createMemoryStore();
    const log = makeLog(store, { now: T0 });
    log.note('???', 'none');
    log.note(`${'heel lang '.repeat(50)}`, 'none');
    const top = await log.top(10);
    expect(top).toHaveLength(1);
    expect(top[0]!.query.length).toBeLessThanOrEqual(120);
  });
});
