import { createFakeChannel } from '../helpers/fake-channel.js';
import { loadSnapshot, SHIPPED_KNOWLEDGE } from '../helpers/snapshot.js';
import type { ConversationRef } from '../../src/bot/events.js';
import { texts } from '../../src/bot/texts.js';
import type { KnowledgeSnapshot } from '../../src/knowledge/snapshot.js';

/**
 * Ordinary chat, with the shipped knowledge (knowledge/smalltalk.yaml): small talk gets a short, friendly reply,
 * never a concept and never "daar heb ik geen antwoord op"; a question with a greeting in front is answered; the
 * one plausible concept is answered directly. Tables of [user says, bot answers] in the Dutch the user sees.
 */

let snapshot: KnowledgeSnapshot;
beforeAll(async () => {
  snapshot = await loadSnapshot(SHIPPED_KNOWLEDGE);
});

type Row = [says: string, answers: string];

const personal: ConversationRef = { key: 'dm-1', scope: 'personal' };
const channel: ConversationRef = { key: 'team-kanaal', scope: 'channel' };

/** Plays the rows in one conversation; every reply must contain the expected text. */
async function play(rows: readonly Row[], conversation: ConversationRef = personal) {
  const chat = createFakeChannel({ snapshot: () => snapshot, conversation });
  for (const [says, answers] of rows) {
    await chat.say(says);
    expect({ says, text: chat.text() }).toEqual({ says, text: expect.stringContaining(answers) });
  }
  return chat;
}

/** Plays each row on its own and checks that small talk never looks up a concept. */
async function smallTalk(rows: readonly Row[], conversation: ConversationRef = personal): Promise<void> {
  for (const row of rows) {
    const chat = await play([row], conversation);
    const kinds = chat.last().map((r) => r.kind);
    expect({ says: row[0], kinds, noAnswer: chat.text().includes(texts.lookup.none) }).toEqual({ says: row[0], kinds: expect.not.arrayContaining(['answer', 'suggestions']), noAnswer: false });
  }
}

describe('small talk', () => {
  test('greetings', async () => {
    await smallTalk([
      ['hallo', 'Hoi! Waarmee kan ik je helpen?'],
      ['hoi', 'Hoi! Waarmee kan ik je helpen?'],
      ['Goedemorgen!', 'Hoi! Waarmee kan ik je helpen?'],
      ['goedemiddag allemaal', 'Hoi! Waarmee kan ik je helpen?'],
      ['hoi, ik heb een vraag', 'Hoi! Waarmee kan ik je helpen?'],
    ]);
  });

  test('thanks: "Graag gedaan", with what to do next', async () => {
    await smallTalk([
      ['dank je', 'Graag gedaan! Heb je nog een vraag? Typ je vraag gewoon in, of typ *help*'],
      ['dank je wel', 'Graag gedaan!'],
      ['bedankt', 'Graag gedaan!'],
      ['top dank', 'Graag gedaan!'],
      ['Super, bedankt!', 'Graag gedaan!'],
      ['dank je wel voor de uitleg', 'Graag gedaan!'],
    ]);
  });

  test('goodbyes, who the bot is, what it can do', async () => {
    await smallTalk([
      ['doei', 'Tot ziens! Je kunt me altijd weer een vraag stellen.'],
      ['fijne dag nog', 'Tot ziens!'],
      ['wie ben jij?', 'Ik ben de Routeplanner-bot, een computerprogramma.'],
      ['wat kun je', 'Dit kun je doen:'],
      ['wat kan je allemaal?', 'Hieronder staat alles op een rij.'],
      ['wat kan je allemaal?', 'Dit kun je doen:'],
    ]);
  });

  test('yes and no out of context, an emoji, a compliment', async () => {
    await smallTalk([
      ['ja', 'Ik weet niet goed waar je *ja* op zegt.'],
      ['nee', 'Oké. Heb je later een vraag? Typ die dan gewoon in.'],
      ['👍', '🙂 Waarmee kan ik je helpen?'],
      [':-)', '🙂 Waarmee kan ik je helpen?'],
      ['goed zo!', 'Dank je, dat hoor ik graag!'],
      ['oké', 'Fijn! Heb je nog een vraag?'],
    ]);
  });

  test('in a channel too', async () => {
    await smallTalk([
      ['hallo', 'Hoi! Waarmee kan ik je helpen?'],
      ['bedankt', 'Graag gedaan!'],
    ], channel);
  });

  test('a question with small talk in front is answered, not swallowed', async () => {
    await play([
      ['hallo, wat is de wmo?', '== Wet maatschappelijke ondersteuning (Wmo 2015) =='],
      ['dank je, en wat is mantelzorg?', '== Mantelzorg =='],
      ['goedemorgen, hoe zit het met de jeugdwet', '== Jeugdwet =='],
    ]);
  });

  test('"ja" at a yes/no question of a dialogue is the answer; small talk at another step keeps the dialogue waiting', async () => {
    const chat = await play([
      ['start zelfscan', 'Vraag 1: Visie'],
      ['dank je', 'Graag gedaan!'],
      ['dank je', '[a] Ga verder met het gesprek'],
      ['2', 'Vraag 2: Visie, eerste stap'],
      ['Een meerjarenplan met de wijkteams', 'Vraag 3: Eerste stappen'],
      ['ja', 'Vraag 4: Informele steunnetwerken'],
      ['samenvatting', 'Eerste stappen: Ja'],
    ]);
    expect(chat.text()).not.toContain('Graag gedaan');
  });
});

describe('one clear candidate is answered directly', () => {
  test.each<Row>([
    ['wat doet de wmo', '== Wet maatschappelijke ondersteuning (Wmo 2015) =='],
    ['hoe werkt de wmo?', '== Wet maatschappelijke ondersteuning (Wmo 2015) =='],
    ['kosten van de zorg', '== Zorgkosten beperken =='],
    ['teams in de wijk', '== Sociaal (wijk)team =='],
    ['geld en inhoud', '== Harde en zachte kant (cijfers én inhoud) =='],
    ['sturing op de sociale basis', '== Sturen =='],
  ])('%j -> %s', async (says, answers) => {
    const chat = await play([[says, answers]]);
    expect(chat.last().map((r) => r.kind)).toEqual(['answer']);
  });

  test('two plausible candidates still ask, and out-of-domain questions never get an answer card', async () => {
    const chat = await play([
      ['wat is een visie', 'Dat weet ik niet zeker. Bedoelde je een van deze begrippen?\n[a] Knop 1: visie op lange en korte termijn   [b] De vier visievragen'],
      ['subsidie voor zonnepanelen aanvragen', 'Bedoelde je een van deze begrippen?'],
      ['wijkagent bellen', 'Bedoelde je een van deze begrippen?'],
      ['wachtwoord vergeten', texts.lookup.none],
    ]);
    expect(chat.last().map((r) => r.kind)).toEqual(['notice']);
  });
});
