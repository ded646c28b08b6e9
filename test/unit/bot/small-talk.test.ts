import { readSmallTalk } from '../../../src/bot/smalltalk/read-small-talk.js';
import type { SmallTalk, SmallTalkEntry } from '../../../src/knowledge/smalltalk-schema.js';

const entry = (id: string, say: string[], emoji = false): SmallTalkEntry => ({ id, say, emoji, reply: `antwoord ${id}` });
const smalltalk: SmallTalk = {
  extraWords: ['bot', 'hoor', 'allemaal'],
  entries: [
    entry('groet', ['hallo', 'hoi', 'goedemorgen']),
    entry('bedankt', ['dank je', 'dank je wel', 'bedankt', 'top dank']),
    entry('compliment', ['top', 'super']),
    entry('ja', ['ja']),
    entry('emoji', ['haha'], true),
  ],
};
const read = (text: string): string => {
  const r = readSmallTalk(smalltalk, text);
  return r.kind === 'talk' ? r.entry.id : `vraag: ${r.question}`;
};

describe('reading small talk', () => {
  test.each([
    ['hallo', 'groet'],
    ['Goedemorgen allemaal!', 'groet'],
    ['hoi bot', 'groet'],
    ['dank je wel hoor', 'bedankt'],
    ['top dank', 'bedankt'],
    // the last phrase says most
    ['hoi, dank je', 'bedankt'],
    ['super, bedankt!', 'bedankt'],
    // a rest of filler words only is still small talk
    ['dank je wel voor de uitleg', 'bedankt'],
    ['hoi, ik heb een vraag', 'groet'],
    ['ja', 'ja'],
    ['👍', 'emoji'],
    [':-)', 'emoji'],
    ['haha', 'emoji'],
    ['dank je 🙏', 'bedankt'],
  ])('%j is small talk: %s', (text, id) => {
    expect(read(text)).toBe(id);
  });

  test.each([
    ['hallo, wat is de wmo?', 'vraag: wat is de wmo'],
    ['dank je, en wat is mantelzorg?', 'vraag: en wat is mantelzorg'],
    ['ja, hoe zit het met de jeugdwet', 'vraag: hoe zit het met de jeugdwet'],
  ])('small talk in front of a question is dropped from it: %j', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  test.each(['wat is de sociale basis?', 'hallowmo', 'topsport', 'janssen', 'bot', '4'])('%j is not small talk and goes on unchanged', (text) => {
    expect(read(text)).toBe(`vraag: ${text}`);
  });

  test('without small talk in the knowledge every message is a question', () => {
    expect(readSmallTalk({ extraWords: [], entries: [] }, 'hallo')).toEqual({ kind: 'question', question: 'hallo' });
  });
});
