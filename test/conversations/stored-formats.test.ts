import { createFakeChannel } from '../helpers/fake-channel.js';
import { loadSnapshot, SMALL_KNOWLEDGE } from '../helpers/snapshot.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import type { KnowledgeSnapshot } from '../../src/knowledge/snapshot.js';
import type { SummaryReply, TallyReply } from '../../src/bot/replies.js';

/**
 * State stored by version 0.2 of the bot (personal states with runs, group sessions with their members'
 * records) and before it (a group session with every answer inside) loads and goes on. The records are
 * written here as literal JSON, exactly as that code stored them, so a change of the stored shape that
 * forgets to convert on read fails here.
 */

let snapshot: KnowledgeSnapshot;
let hash: string;
beforeAll(async () => {
  snapshot = await loadSnapshot(SMALL_KNOWLEDGE);
  hash = snapshot.dialoguesById.get('proefgesprek')!.hash;
});

const T0 = Date.UTC(2026, 10, 1);
const channel = { key: 'kanaal', scope: 'channel' } as const;

describe('stored state of earlier versions loads and goes on', () => {
  test('a personal state: a paused run two steps in, and a finished run', async () => {
    const store = createMemoryStore();
    const finished = {
      id: 'oud1', dialogueId: 'kort', dialogueTitle: 'Kort gesprek', hash: 'verouderd', stepId: 'einde', history: ['a', 'b', 'c'],
      answers: { a: { value: { kind: 'choice', id: 'b' }, title: 'A', prompt: 'Kies A of B.', display: 'Optie B' } }, startedAt: T0, updatedAt: T0,
    };
    await store.update('user:u-anna:conv:chat-1', () => ({
      active: {
        id: 'oud2', dialogueId: 'proefgesprek', dialogueTitle: 'Proefgesprek', hash, stepId: 'score', history: ['rol', 'prioriteiten'],
        answers: {
          rol: { value: { kind: 'choice', id: 'beleid' }, title: 'Rol', prompt: 'Wat is je rol?', display: 'Beleid' },
          prioriteiten: { value: { kind: 'multi', ids: ['kosten'] }, title: 'Prioriteiten', prompt: 'Wat vind je belangrijk?', display: 'Kosten' },
        },
        startedAt: T0, updatedAt: T0,
      },
      paused: true,
      finished,
    }));
    const chat = createFakeChannel({ snapshot: () => snapshot, store });
    await chat.say('sociale basis'); // paused: typed text is a question
    expect(chat.text()).toContain('Alles wat vrij toegankelijk is');
    await chat.say('verder');
    expect(chat.text()).toContain('Vraag 3: Score');
    await chat.say('terug');
    expect(chat.text()).toContain('Wat vind je belangrijk?');
    await chat.say('3');
    await chat.say('1');
    await chat.say('Een buurtkamer');
    expect(chat.last().find((r): r is SummaryReply => r.kind === 'summary')).toMatchObject({
      items: [{ title: 'Rol', lines: ['Beleid'] }, { title: 'Prioriteiten', lines: ['Kosten'] }, { title: 'Score', lines: ['1 (1 = zwak, 5 = sterk)'] }, { title: 'Eerste stap', lines: ['Een buurtkamer'] }],
      conclusions: ['De sociale basis is zwak.'],
    });
  });

  test('a group session with its members\' records', async () => {
    const store = createMemoryStore();
    await store.update('session:kanaal', () => ({
      id: 's1', dialogueId: 'proefgesprek', dialogueTitle: 'Proefgesprek', hash, leadId: 'u-lead', leadName: 'lead', named: true,
      stepId: 'prioriteiten', history: ['rol'],
      tallies: {
        rol: { respondents: 2, counts: { 'c:beleid': 2 }, labels: { 'c:beleid': 'Beleid' }, texts: {} },
        prioriteiten: { respondents: 1, counts: { 'c:ontmoeting': 1 }, labels: { 'c:ontmoeting': 'Ontmoeting' }, texts: {} },
      },
      shown: { rol: { title: 'Rol', prompt: 'Wat is je rol?' }, prioriteiten: { title: 'Prioriteiten', prompt: 'Wat vind je belangrijk?' } },
      closed: false, seq: 3, startedAt: T0, updatedAt: T0,
    }));
    const vote = (name: string, value: object, display: string) => ({ name, value, display });
    await store.update('vote:kanaal:s1:u-anna', () => ({ sessionId: 's1', conversationKey: 'kanaal', memberId: 'u-anna', rev: 2, votes: { rol: vote('anna', { kind: 'choice', id: 'beleid' }, 'Beleid'), prioriteiten: vote('anna', { kind: 'multi', ids: ['ontmoeting'] }, 'Ontmoeting') } }));
    await store.update('vote:kanaal:s1:u-bram', () => ({ sessionId: 's1', conversationKey: 'kanaal', memberId: 'u-bram', rev: 1, votes: { rol: vote('bram', { kind: 'choice', id: 'beleid' }, 'Beleid') } }));

    const chat = createFakeChannel({ snapshot: () => snapshot, store, conversation: channel });
    await chat.say('verder', 'bram');
    expect(chat.text('bram')).toContain('Wat vind je belangrijk?');
    await chat.click('Klaar', 'bram', { values: ['ontmoeting', 'preventie'] });
    expect(chat.last('bram').find((r): r is TallyReply => r.kind === 'tally')).toMatchObject({ respondents: 2, counts: [{ label: 'Ontmoeting', count: 2 }, { label: 'Preventie', count: 1 }, { label: 'Kosten', count: 0 }] });
    await chat.say('stop', 'lead');
    expect(chat.last('lead').find((r): r is SummaryReply => r.kind === 'summary')!.items).toEqual([
      {
        title: 'Rol', prompt: 'Wat is je rol?', lines: ['2 antwoorden', 'Beleid: 2 (anna, bram)'],
        result: { respondents: 2, counts: [{ label: 'Beleid', count: 2, names: ['anna', 'bram'] }, { label: 'Uitvoering', count: 0 }], texts: [] },
      },
      {
        title: 'Prioriteiten', prompt: 'Wat vind je belangrijk?', lines: ['2 antwoorden', 'Ontmoeting: 2 (anna, bram)', 'Preventie: 1 (bram)'],
        result: { respondents: 2, counts: [{ label: 'Ontmoeting', count: 2, names: ['anna', 'bram'] }, { label: 'Preventie', count: 1, names: ['bram'] }, { label: 'Kosten', count: 0 }], texts: [] },
      },
    ]);
  });

  test('a group session stored before version 0.2, with every answer inside', async () => {
    const store = createMemoryStore();
    await store.update('session:kanaal', () => ({
      id: 's0', dialogueId: 'proefgesprek', dialogueTitle: 'Proefgesprek', hash, leadId: 'u-lead', leadName: 'lead', named: false,
      stepId: 'rol', history: [], votes: { rol: { 'u-anna': { name: 'anna', value: { kind: 'choice', id: 'uitvoering' }, display: 'Uitvoering' } } },
      shown: { rol: { title: 'Rol', prompt: 'Wat is je rol?' } }, closed: false, seq: 1, startedAt: T0, updatedAt: T0,
    }));
    const chat = createFakeChannel({ snapshot: () => snapshot, store, conversation: channel });
    await chat.say('1', 'bram');
    expect(chat.last('bram').find((r): r is TallyReply => r.kind === 'tally')).toMatchObject({ respondents: 2, counts: [{ label: 'Beleid', count: 1 }, { label: 'Uitvoering', count: 1 }] });
    await chat.say('volgende', 'lead');
    expect(chat.text('lead')).toContain('Wat vind je belangrijk?'); // the most chosen answer is a tie: the first choice, beleid
  });
});
