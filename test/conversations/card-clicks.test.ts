import { buttonsOf, createFakeChannel } from '../helpers/fake-channel.js';
import { loadSnapshot, SMALL_KNOWLEDGE } from '../helpers/snapshot.js';
import { encodeAction } from '../../src/bot/actions.js';
import { isPrivate, type Reply } from '../../src/bot/replies.js';
import { texts } from '../../src/bot/texts.js';
import type { KnowledgeSnapshot } from '../../src/knowledge/snapshot.js';

/**
 * Clicks on cards as the core sees them: a concept button in a group answers only the clicker, an empty answer
 * box says to type in the box, and start buttons carry a short label next to the full titles in the text.
 */

let snapshot: KnowledgeSnapshot;
beforeAll(async () => {
  snapshot = await loadSnapshot(SMALL_KNOWLEDGE);
});

const channel = () => createFakeChannel({ snapshot: () => snapshot, conversation: { key: 'team-kanaal', scope: 'channel' } });
const personal = () => createFakeChannel({ snapshot: () => snapshot });
const conceptClick = encodeAction({ a: 'concept', id: 'sociale-basis' });
const texted = (replies: readonly Reply[]) => replies.map((r) => ('text' in r ? r.text : r.kind)).join('\n');

describe('concept buttons in a group', () => {
  test('a concept button answers only the member who clicked it, also during a session', async () => {
    const chat = channel();
    await chat.say('start proef', 'lead');
    const replies = await chat.action(conceptClick, 'bram');
    expect(replies).toEqual([expect.objectContaining({ kind: 'answer', conceptId: 'sociale-basis', private: true })]);
  });

  test('a related concept under an answer in a channel is private too; an unknown one says so privately', async () => {
    const chat = channel();
    await chat.say('wat is de sociale basis', 'bram');
    const related = buttonsOf(chat.last('bram')).find((b) => b.payload.includes('"a":"concept"'))!;
    expect(related).toBeDefined();
    const [answer] = await chat.action(related.payload, 'chris');
    expect(answer).toMatchObject({ kind: 'answer', private: true });
    const [gone] = await chat.action(encodeAction({ a: 'concept', id: 'bestaat-niet' }), 'chris');
    expect(gone).toMatchObject({ kind: 'notice', text: texts.lookup.unknownConcept, private: true });
  });

  test('in a personal chat a concept answer stays an ordinary reply', async () => {
    const replies = await personal().action(conceptClick, 'anna');
    expect(replies.map(isPrivate)).toEqual([false]);
  });
});

describe('an empty answer box', () => {
  async function atTextStep(chat: ReturnType<typeof createFakeChannel>, who: string, from = who) {
    await chat.say('start proef', from);
    await chat.click('Beleid', who, { from });
    await chat.click('Klaar', who, { from: chat.conversation.scope === 'personal' ? who : from, values: ['kosten'] });
    await chat.click('1', who, { from: chat.conversation.scope === 'personal' ? who : from });
  }

  test('Verstuur with nothing typed says to type in the box, not to send a message', async () => {
    const chat = personal();
    await atTextStep(chat, 'anna');
    expect(chat.last('anna')).toEqual([expect.objectContaining({ kind: 'question', title: 'Eerste stap' })]);
    for (const text of [undefined, '', '   ']) {
      const [reply] = await chat.click('Verstuur', 'anna', { text });
      expect(reply).toMatchObject({ kind: 'notice', text: texts.dialogue.emptyInBox, private: true });
      // the step is still open: the next (filled) submit is the answer
      await chat.say('samenvatting', 'anna');
      await chat.say('verder', 'anna');
    }
    const done = await chat.click('Verstuur', 'anna', { text: 'Een buurtgesprek' });
    expect(texted(done)).toContain(texts.dialogue.done);
    expect(texts.dialogue.emptyInBox).not.toMatch(/als bericht/);
  });

  test('a member of a group session gets the same hint, privately', async () => {
    const chat = channel();
    await chat.say('start proef', 'lead');
    await chat.click('Beleid', 'lead');
    await chat.click('Volgende vraag', 'lead');
    await chat.click('Klaar', 'lead', { values: ['kosten'] });
    await chat.click('Volgende vraag', 'lead');
    await chat.click('1', 'lead');
    await chat.click('Volgende vraag', 'lead');
    const question = chat.last('lead').find((r) => r.kind === 'question');
    expect(question).toMatchObject({ title: 'Eerste stap' });
    const [reply] = await chat.click('Verstuur', 'bram', { from: 'lead', text: '' });
    expect(reply).toMatchObject({ kind: 'notice', text: texts.dialogue.emptyInBox, private: true });
  });
});

describe('start buttons', () => {
  test('a short label names the dialogue by the word people type after start (or its title); the text lists the full titles', async () => {
    for (const chat of [personal(), channel()]) {
      const [menu] = await chat.say('help', 'anna');
      const starts = buttonsOf([menu!]).filter((b) => b.payload.includes('"a":"start"'));
      expect(starts.map((b) => b.shortLabel)).toEqual(['Start: Kort gesprek', 'Start: Proef']);
      expect(starts.every((b) => b.shortLabel!.length <= 20)).toBe(true);
      expect(texted([menu!])).toContain('*Proefgesprek*');
    }
  });
});
