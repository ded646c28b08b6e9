import { isPrivate, type Action, type QuestionReply, type Reply, type TallyReply } from '../../src/bot/replies.js';
import { MAX_VIEWERS, withViewer, type GroupSession } from '../../src/bot/dialogues/session.js';
import type { KnowledgeSnapshot } from '../../src/knowledge/snapshot.js';
import { buttonsOf, createFakeChannel } from '../helpers/fake-channel.js';
import { loadSnapshot, SMALL_KNOWLEDGE } from '../helpers/snapshot.js';

/** One member's view of a group card (`bot.view`), built from the session as stored; and which replies stay private. */

let snapshot: KnowledgeSnapshot;
beforeAll(async () => {
  snapshot = await loadSnapshot(SMALL_KNOWLEDGE);
});

const conversation = { key: 'team-kanaal', scope: 'channel' as const };
const channel = () => createFakeChannel({ snapshot: () => snapshot, conversation, admins: ['beheer'] });
const actor = (name: string) => ({ id: `u-${name}`, name, isAdmin: name === 'beheer' });
const payload = (replies: readonly Reply[], label: string): string => buttonsOf(replies).find((b: Action) => b.label === label)!.payload;

describe("a member's own view of a group card", () => {
  test("the question with their answer marked; the tally's lead buttons for the lead and an admin only", async () => {
    const chat = channel();
    const started = await chat.say('start proef', 'lead');
    await chat.click('Uitvoering', 'bram', { from: 'lead' });
    const view = (name: string, key: string) => chat.bot.view({ conversation, actor: actor(name) }, key);

    const question = (await view('bram', payload(started, 'Beleid'))) as QuestionReply;
    expect(question).toMatchObject({ kind: 'question', title: 'Rol', mine: 'Uitvoering' });
    expect(question.input.kind === 'choice' && question.input.options.map((o) => [o.label, o.style])).toEqual([['Beleid', undefined], ['Uitvoering', 'primary']]);
    expect(((await view('chris', payload(started, 'Beleid'))) as QuestionReply).mine).toBeUndefined();

    const next = payload(started, 'Volgende vraag');
    const tallyOf = async (name: string) => (await view(name, next)) as TallyReply;
    expect((await tallyOf('bram')).actions).toEqual([]);
    expect((await tallyOf('bram')).mine).toBe('Uitvoering');
    expect((await tallyOf('lead')).actions.map((a) => a.label)).toEqual(['Volgende vraag', 'Afsluiten']);
    expect((await tallyOf('beheer')).actions.map((a) => a.label)).toEqual(['Volgende vraag', 'Afsluiten']);
    expect(await view('bram', JSON.stringify({ a: 'concept', id: 'sociale-basis' }))).toBeUndefined(); // not a dialogue card
  });

  test('refusals and late answers are private; once the step passed the question is closed with its result', async () => {
    const chat = channel();
    const started = await chat.say('start proef', 'lead');
    await chat.click('Beleid', 'bram', { from: 'lead' });
    const refused = await chat.click('Volgende vraag', 'chris', { from: 'lead' });
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every(isPrivate)).toBe(true);
    await chat.click('Volgende vraag', 'lead', { from: 'lead' });
    const late = await chat.action(payload(started, 'Uitvoering'), 'chris');
    expect(late.every(isPrivate)).toBe(true);

    const closed = (await chat.bot.view({ conversation, actor: actor('bram') }, payload(started, 'Beleid'))) as QuestionReply;
    expect(closed).toMatchObject({ over: true, number: 1, mine: 'Beleid', actions: [], concepts: [], input: { kind: 'info' } });
    expect(closed.result?.counts).toEqual([{ label: 'Beleid', count: 1 }, { label: 'Uitvoering', count: 0 }]);
    expect(closed.views).toBeUndefined();
  });

  test('cards list the lead and the members who answered, up to the limit; "vergeet mij" takes a member off', async () => {
    const chat = channel();
    const started = await chat.bot.handle({ kind: 'message', conversation, actor: { ...actor('lead'), viewerId: '29:lead' }, text: 'start proef' });
    expect(started.find((r): r is TallyReply => r.kind === 'tally')?.views?.viewers).toEqual(['29:lead']);
    const voted = await chat.bot.handle({ kind: 'action', conversation, actor: { ...actor('bram'), viewerId: '29:bram' }, payload: payload(started, 'Beleid') });
    expect(voted.find((r): r is TallyReply => r.kind === 'tally')?.views?.viewers).toEqual(['29:lead', '29:bram']);

    await chat.say('vergeet mij', 'bram');
    await chat.click('Ja, wis alles', 'bram');
    const session = await chat.store.get<GroupSession>(`session:${encodeURIComponent(conversation.key)}`);
    expect(session?.viewers).toEqual({ 'u-lead': '29:lead' });

    let crowded = session!;
    for (let i = 0; i < MAX_VIEWERS + 1; i++) crowded = withViewer(crowded, { id: `m${i}`, viewerId: `29:m${i}` });
    expect(Object.keys(crowded.viewers!)).toHaveLength(MAX_VIEWERS);
    expect(crowded.crowded).toBe(true);
  });
});
