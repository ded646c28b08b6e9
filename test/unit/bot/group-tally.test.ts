import type { Dialogue, Step } from '../../../src/knowledge/dialogue-schema.js';
import { migrated } from '../../../src/bot/dialogues/engine.js';
import { group } from '../../../src/bot/dialogues/group.js';
import { countVote, groupAnswer, splitLegacySession, startSession, tallyOf, type GroupSession, type LegacyGroupSession, type MemberVotes } from '../../../src/bot/dialogues/session.js';
import { makeVote, recount, tallyAll } from '../../../src/bot/dialogues/tally.js';

const choice: Step = { id: 'rol', kind: 'choice', title: 'Rol', prompt: 'Je rol?', concepts: [], skippable: true, choices: [{ id: 'beleid', label: 'Beleid' }, { id: 'uitvoering', label: 'Uitvoering' }] } as unknown as Step;
const multi: Step = { id: 'prio', kind: 'multi', title: 'Prio', prompt: 'Wat telt?', concepts: [], skippable: false, choices: [{ id: 'kosten', label: 'Kosten' }, { id: 'ontmoeting', label: 'Ontmoeting' }, { id: 'zorg', label: 'Zorg' }] } as unknown as Step;
const scale: Step = { id: 'score', kind: 'scale', title: 'Score', prompt: 'Hoe sterk?', low: 'zwak', high: 'sterk', concepts: [], skippable: false } as unknown as Step;
const text: Step = { id: 'stap', kind: 'text', title: 'Stap', prompt: 'Eerste stap?', maxLength: 50, concepts: [], skippable: false } as unknown as Step;
const dialogue = { id: 'd', title: 'D', description: '', intro: '', steps: [choice, multi, scale, text], conclusions: [], concepts: [] } as unknown as Dialogue;

const member = (i: number) => ({ id: `m${i}`, name: `Lid ${i}` });
const session0 = (): GroupSession => startSession({ dialogue, hash: 'h1' }, 's1', { id: 'lead', name: 'Lead' }, false, 0);

/** Counts every vote of `votes` (member index, step, value) into a session, in the given order. */
function counted(votes: Array<[number, Step, Parameters<typeof makeVote>[2]]>): GroupSession {
  const records = new Map<string, MemberVotes>();
  let s = session0();
  for (const [i, step, value] of votes) {
    const m = member(i);
    const record = records.get(m.id);
    const before = record?.votes[step.id];
    const vote = makeVote(step, m, value);
    const rev = (record?.rev ?? 0) + 1;
    records.set(m.id, { sessionId: 's1', conversationKey: 'c', memberId: m.id, rev, votes: { ...record?.votes, [step.id]: vote } });
    s = countVote(s, step, step.id, m.id, before, vote, rev, 0);
  }
  return s;
}

describe('group tallies', () => {
  test('counts per choice, one answer per member, changes move the count', () => {
    const s = counted([[1, choice, { kind: 'choice', id: 'beleid' }], [2, choice, { kind: 'choice', id: 'beleid' }], [1, choice, { kind: 'choice', id: 'uitvoering' }], [3, choice, { kind: 'skipped' }]]);
    expect(tallyOf(s, choice)).toEqual({ respondents: 3, counts: [{ label: 'Beleid', count: 1 }, { label: 'Uitvoering', count: 1 }, { label: 'overgeslagen', count: 1 }], texts: [] });
    // a tie goes to the first choice, as before
    expect(groupAnswer(s, choice)).toEqual({ kind: 'choice', id: 'beleid' });
    expect(s.seq).toBe(4);
  });

  test('multi counts every option chosen; the group answer is every option anyone chose', () => {
    const s = counted([[1, multi, { kind: 'multi', ids: ['kosten', 'zorg'] }], [2, multi, { kind: 'multi', ids: ['kosten'] }], [2, multi, { kind: 'multi', ids: [] }]]);
    expect(tallyOf(s, multi).counts).toEqual([{ label: 'Kosten', count: 1 }, { label: 'Ontmoeting', count: 0 }, { label: 'Zorg', count: 1 }]);
    expect(tallyOf(s, multi).respondents).toBe(2);
    expect(groupAnswer(s, multi)).toEqual({ kind: 'multi', ids: ['kosten', 'zorg'] });
  });

  test('scale: the lower median of the scores', () => {
    expect(groupAnswer(counted([1, 2, 5].map((score, i) => [i, scale, { kind: 'scale', score }])), scale)).toEqual({ kind: 'scale', score: 2 });
    expect(groupAnswer(counted([1, 2, 4, 5].map((score, i) => [i, scale, { kind: 'scale', score }])), scale)).toEqual({ kind: 'scale', score: 2 });
    expect(groupAnswer(counted([[1, scale, { kind: 'skipped' }]]), scale)).toBeUndefined();
  });

  test("free text: listed in the order first given, a member's change replaces their text in place", () => {
    const s = counted([[1, text, { kind: 'text', text: 'Buurtkamer' }], [2, text, { kind: 'text', text: 'Vrijwilligers' }], [1, text, { kind: 'text', text: 'Buurthuis' }]]);
    expect(tallyOf(s, text)).toEqual({ respondents: 2, counts: [], texts: ['Buurthuis', 'Vrijwilligers'] });
    expect(groupAnswer(s, text)).toEqual({ kind: 'text', text: 'Buurthuis' });
    expect(tallyOf({ ...s, named: true }, text).texts).toEqual(['Lid 1: Buurthuis', 'Lid 2: Vrijwilligers']);
  });

  test("one member's changes counted out of order (two instances) give the same numbers; an older text never wins", () => {
    const v1 = makeVote(text, member(1), { kind: 'text', text: 'eerst' });
    const v2 = makeVote(text, member(1), { kind: 'text', text: 'daarna' });
    const inOrder = recount(recount(undefined, text, 'm1', undefined, v1, 1), text, 'm1', v1, v2, 2);
    const reversed = recount(recount(undefined, text, 'm1', v1, v2, 2), text, 'm1', undefined, v1, 1);
    expect(reversed).toEqual(inOrder);
    expect(inOrder).toMatchObject({ respondents: 1, texts: { m1: { text: 'daarna', rev: 2 } } });

    const a = makeVote(choice, member(1), { kind: 'choice', id: 'beleid' });
    const b = makeVote(choice, member(1), { kind: 'choice', id: 'uitvoering' });
    const c1 = recount(recount(undefined, choice, 'm1', undefined, a, 1), choice, 'm1', a, b, 2);
    const c2 = recount(recount(undefined, choice, 'm1', a, b, 2), choice, 'm1', undefined, a, 1);
    expect(c2.counts).toEqual(c1.counts);
    expect(c1).toMatchObject({ respondents: 1, counts: { 'c:uitvoering': 1 } });
  });

  test('taking a vote back (vergeet mij) removes its count and text; a count taken back before it was made never shows below zero', () => {
    const v = makeVote(text, member(1), { kind: 'text', text: 'weg ermee' });
    const t = recount(recount(undefined, text, 'm1', undefined, v, 1), undefined, 'm1', v, undefined, Number.MAX_SAFE_INTEGER);
    expect(t).toEqual({ respondents: 0, counts: {}, labels: {}, texts: {} });
    const c = makeVote(choice, member(1), { kind: 'choice', id: 'beleid' });
    const below = { ...session0(), tallies: { rol: recount(undefined, choice, 'm1', c, undefined, 5) } };
    expect(tallyOf(below, choice)).toMatchObject({ respondents: 0, counts: [{ label: 'Beleid', count: 0 }, { label: 'Uitvoering', count: 0 }] });
    expect(groupAnswer(below, choice)).toBeUndefined();
  });

  test('recounting a changed dialogue leaves out answers that no longer fit and relabels the rest', () => {
    const records: MemberVotes[] = [
      { sessionId: 's1', conversationKey: 'c', memberId: 'm1', rev: 1, votes: { rol: makeVote(choice, member(1), { kind: 'choice', id: 'beleid' }), stap: makeVote(text, member(1), { kind: 'text', text: 'x'.repeat(40) }) } },
      { sessionId: 's1', conversationKey: 'c', memberId: 'm2', rev: 3, votes: { rol: makeVote(choice, member(2), { kind: 'choice', id: 'uitvoering' }), weg: makeVote(choice, member(2), { kind: 'skipped' }) } },
    ];
    const changedChoice = { ...choice, choices: [{ id: 'beleid', label: 'Beleidsmaker' }] } as Step;
    const shorter = { ...text, maxLength: 10 } as Step;
    const changed = { ...dialogue, steps: [changedChoice, multi, scale, shorter] } as Dialogue;
    expect(tallyAll(changed, records)).toEqual({ rol: { respondents: 1, counts: { 'c:beleid': 1 }, labels: { 'c:beleid': 'Beleidsmaker' }, texts: {} } });
    const moved = migrated(group, counted([]), { dialogue: changed, hash: 'h2' }, { sessionId: 's1', hash: 'h1', records }, 7);
    expect(moved).toMatchObject({ hash: 'h2', stepId: 'rol', tallies: { rol: { respondents: 1 } }, updatedAt: 7 });
  });

  test("a session stored before 0.2 splits into members' records and the same counts", () => {
    const legacy: LegacyGroupSession = {
      ...(({ tallies: _t, ...rest }) => rest)(session0()),
      votes: {
        rol: { m1: makeVote(choice, member(1), { kind: 'choice', id: 'beleid' }), m2: makeVote(choice, member(2), { kind: 'choice', id: 'beleid' }) },
        stap: { m1: makeVote(text, member(1), { kind: 'text', text: 'Buurtkamer' }) },
      },
    };
    const { session, records } = splitLegacySession(legacy, 'kanaal', dialogue);
    expect(records).toEqual([
      { sessionId: 's1', conversationKey: 'kanaal', memberId: 'm1', rev: 1, votes: { rol: legacy.votes['rol']!['m1'], stap: legacy.votes['stap']!['m1'] } },
      { sessionId: 's1', conversationKey: 'kanaal', memberId: 'm2', rev: 1, votes: { rol: legacy.votes['rol']!['m2'] } },
    ]);
    expect('votes' in session).toBe(false);
    expect(tallyOf(session, choice).counts[0]).toEqual({ label: 'Beleid', count: 2 });
    expect(tallyOf(session, text).texts).toEqual(['Buurtkamer']);
  });
});
