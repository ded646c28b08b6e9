import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createFakeChannel } from '../helpers/fake-channel.js';
import { makeKnowledgeDir } from '../helpers/knowledge-dir.js';
import { loadSnapshot, SMALL_KNOWLEDGE } from '../helpers/snapshot.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import { StoreError, type Store } from '../../src/storage/port.js';
import type { KnowledgeSnapshot } from '../../src/knowledge/snapshot.js';
import type { GroupSession, MemberVotes } from '../../src/bot/dialogues/session.js';
import type { SummaryReply, TallyReply } from '../../src/bot/replies.js';

let snapshot: KnowledgeSnapshot;
beforeAll(async () => {
  snapshot = await loadSnapshot(SMALL_KNOWLEDGE);
});

const conversation = { key: 'kanaal', scope: 'channel' } as const;
const votePayload = (step: string, v: string) => JSON.stringify({ a: 'vote', r: 'id1', s: step, v });
const voteKeys = async (store: Store) => (await store.list('vote:')).map(decodeURIComponent).sort();

describe('group sessions in the store: one record per member, counts in the session', () => {
  test("each member's answers are in their own record; the session holds only the counts", async () => {
    const chat = createFakeChannel({ snapshot: () => snapshot, conversation });
    await chat.say('start kort', 'lead');
    await chat.click('Optie A', 'anna', { from: 'lead' });
    await chat.click('Optie B', 'bram', { from: 'lead' });
    await chat.click('Optie B', 'anna', { from: 'lead' }); // anna changes her answer
    expect(await voteKeys(chat.store)).toEqual(['vote:kanaal:id1:u-anna', 'vote:kanaal:id1:u-bram']);
    const anna = await chat.store.get<MemberVotes>('vote:kanaal:id1:u-anna');
    expect(anna).toMatchObject({ sessionId: 'id1', memberId: 'u-anna', rev: 2, votes: { a: { name: 'anna', value: { kind: 'choice', id: 'b' }, display: 'Optie B' } } });
    const session = await chat.store.get<GroupSession>('session:kanaal');
    expect(session).not.toHaveProperty('votes');
    expect(session!.tallies).toEqual({ a: { respondents: 2, counts: { 'c:b': 2 }, labels: { 'c:a': 'Optie A', 'c:b': 'Optie B' }, texts: {} } });
  });

  test('a vote that arrives after the lead moved on is not counted and leaves no record behind', async () => {
    const chat = createFakeChannel({ snapshot: () => snapshot, conversation });
    await chat.say('start kort', 'lead');
    await chat.click('Optie A', 'bram', { from: 'lead' });
    await chat.say('volgende', 'lead');
    // dirk's vote and the lead's move cross: the session is read on the first step, counted after the move
    const store = chat.store;
    const get = store.get.bind(store);
    let crossed = false;
    store.get = (async (key: string) => {
      const value = await get(key);
      if (key === 'session:kanaal' && !crossed) {
        crossed = true;
        return { ...(value as GroupSession), stepId: 'a' };
      }
      return value;
    }) as Store['get'];
    await chat.action(votePayload('a', 'b'), 'dirk');
    expect(chat.text('dirk')).toContain('Deze vraag is al voorbij');
    expect(await voteKeys(store)).toEqual(['vote:kanaal:id1:u-bram']);
    expect((await get<GroupSession>('session:kanaal'))!.tallies['a']).toMatchObject({ respondents: 1, counts: { 'c:a': 1 } });
  });

  test('when counting fails (store down), the member gets the friendly message and their record is put back', async () => {
    const inner = createMemoryStore();
    let failSession = false;
    const store: Store = {
      ...inner,
      update: (key, fn, opts) => (failSession && key.startsWith('session:') ? Promise.reject(new StoreError('STORE_WRITE_FAILED', 'disk full')) : inner.update(key, fn, opts)),
    };
    const chat = createFakeChannel({ snapshot: () => snapshot, conversation, store });
    await chat.say('start kort', 'lead');
    await chat.click('Optie A', 'bram', { from: 'lead' });
    failSession = true;
    await chat.click('Optie B', 'bram', { from: 'lead' });
    expect(chat.text('bram')).toContain('door een storing');
    failSession = false;
    expect((await inner.get<MemberVotes>('vote:kanaal:id1:u-bram'))!.votes['a']!.value).toEqual({ kind: 'choice', id: 'a' });
    await chat.click('Optie B', 'bram', { from: 'lead' });
    const t = chat.last('bram').find((r): r is TallyReply => r.kind === 'tally')!;
    expect(t).toMatchObject({ respondents: 1, counts: [{ label: 'Optie A', count: 0 }, { label: 'Optie B', count: 1 }] });
  });

  test('a session stored before version 0.2 (answers inside) is split on first use and goes on with the same answers', async () => {
    const store = createMemoryStore();
    const chat = createFakeChannel({ snapshot: () => snapshot, conversation, store });
    await chat.say('start kort', 'lead');
    const { tallies: _tallies, ...rest } = (await store.get<GroupSession>('session:kanaal'))!;
    const vote = (name: string, id: 'a' | 'b') => ({ name, value: { kind: 'choice', id }, display: id === 'a' ? 'Optie A' : 'Optie B' });
    await store.update('session:kanaal', () => ({ ...rest, votes: { a: { 'u-anna': vote('anna', 'a'), 'u-bram': vote('bram', 'a') } } }));

    await chat.click('Optie B', 'anna', { from: 'lead' }); // a changed answer: her old one is taken off the count
    const t = chat.last('anna').find((r): r is TallyReply => r.kind === 'tally')!;
    expect(t).toMatchObject({ respondents: 2, counts: [{ label: 'Optie A', count: 1 }, { label: 'Optie B', count: 1 }] });
    expect(await voteKeys(store)).toEqual(['vote:kanaal:id1:u-anna', 'vote:kanaal:id1:u-bram']);
    expect(await store.get('session:kanaal')).not.toHaveProperty('votes');
  });

  test('vergeet mij also reaches a session stored before version 0.2, and takes the answer off its count', async () => {
    const store = createMemoryStore();
    const chat = createFakeChannel({ snapshot: () => snapshot, conversation, store });
    await chat.say('start kort', 'lead');
    const { tallies: _tallies, ...rest } = (await store.get<GroupSession>('session:kanaal'))!;
    const vote = (name: string) => ({ name, value: { kind: 'choice', id: 'a' }, display: 'Optie A' });
    await store.update('session:kanaal', () => ({ ...rest, votes: { a: { 'u-anna': vote('anna'), 'u-bram': vote('bram') } } }));
    const personal = createFakeChannel({ snapshot: () => snapshot, store });
    await personal.say('vergeet mij', 'anna');
    await personal.click('Ja, wis alles', 'anna');
    expect(personal.text('anna')).toContain('ik heb 1 opgeslagen item over jou gewist');
    expect(await voteKeys(store)).toEqual(['vote:kanaal:id1:u-bram']);
    expect((await store.get<GroupSession>('session:kanaal'))!.tallies['a']).toMatchObject({ respondents: 1, counts: { 'c:a': 1 } });
  });

  test('a reload that changes the dialogue recounts the session from the records; answers that no longer fit drop out', async () => {
    const dialogue = (options: string[]) => ({
      'concepts/a.yaml': readFileSync(path.join(SMALL_KNOWLEDGE, 'concepts/basis.yaml'), 'utf8'),
      'dialogues/kort.yaml': [
        'id: kort', 'title: Kort gesprek', 'description: Twee vragen.', 'intro: Kort.', 'steps:',
        `  - {id: a, kind: choice, title: A, prompt: Kies., choices: [${options.join(', ')}]}`,
        '  - {id: b, kind: scale, title: B, prompt: Score?}',
      ].join('\n'),
    });
    const v1 = makeKnowledgeDir(dialogue(['{id: a, label: Optie A}', '{id: b, label: Optie B}']));
    const v2 = makeKnowledgeDir(dialogue(['{id: a, label: Eerste optie}', '{id: c, label: Optie C}']));
    let live = await loadSnapshot(v1.dir);
    const s2 = await loadSnapshot(v2.dir);
    [v1, v2].forEach((k) => k.cleanup());

    const chat = createFakeChannel({ snapshot: () => live, conversation });
    await chat.say('start kort', 'lead');
    await chat.click('Optie A', 'anna', { from: 'lead' });
    await chat.click('Optie B', 'bram', { from: 'lead' });
    live = s2;
    await chat.say('verder', 'chris');
    expect(chat.text('chris')).toContain('Dit gesprek is bijgewerkt sinds je begon');
    const t = chat.last('chris').find((r): r is TallyReply => r.kind === 'tally')!;
    expect(t).toMatchObject({ respondents: 1, counts: [{ label: 'Eerste optie', count: 1 }, { label: 'Optie C', count: 0 }] });
    await chat.click('Optie C', 'chris');
    await chat.say('stop', 'lead');
    const summary = chat.last('lead').find((r): r is SummaryReply => r.kind === 'summary')!;
    expect(summary.items[0]).toEqual({
      title: 'A', prompt: 'Kies.', lines: ['2 antwoorden', 'Eerste optie: 1', 'Optie C: 1'],
      result: { respondents: 2, counts: [{ label: 'Eerste optie', count: 1 }, { label: 'Optie C', count: 1 }], texts: [] },
    });
  });

  test('500 members voting at once: every vote counted, one record each', async () => {
    const chat = createFakeChannel({ snapshot: () => snapshot, conversation });
    await chat.say('start kort', 'lead');
    await Promise.all(Array.from({ length: 500 }, (_, i) => chat.action(votePayload('a', i % 5 === 0 ? 'b' : 'a'), `lid${i}`)));
    expect((await chat.store.list('vote:')).length).toBe(500);
    await chat.say('verder', 'lead');
    const t = chat.last('lead').find((r): r is TallyReply => r.kind === 'tally')!;
    expect(t).toMatchObject({ respondents: 500, counts: [{ label: 'Optie A', count: 400 }, { label: 'Optie B', count: 100 }] });
  });
});
