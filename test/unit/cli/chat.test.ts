import { Readable } from 'node:stream';
import { createBot } from '../../../src/bot/bot.js';
import { runChat } from '../../../src/cli/chat.js';
import { createLocalAdmin } from '../../../src/cli/local-admin.js';
import { createLiveKnowledge } from '../../../src/knowledge/live.js';
import { createMemoryStore } from '../../../src/storage/memory-store.js';
import { SMALL_KNOWLEDGE } from '../../helpers/snapshot.js';

/** The terminal chat lists only the commands it supports; with --admin the admin commands are there and work. */
async function chat(lines: readonly string[], admin: boolean): Promise<string> {
  const knowledge = await createLiveKnowledge(SMALL_KNOWLEDGE);
  const store = createMemoryStore();
  const local = admin ? await createLocalAdmin(knowledge, store) : undefined;
  const bot = createBot({ knowledge, store, admin: local?.admin, observer: local?.observer });
  let out = '';
  try {
    await runChat({ bot, input: Readable.from(lines.map((l) => `${l}\n`)), output: (t) => (out += t), group: false, admin, interactive: false });
  } finally {
    await local?.close();
  }
  return out;
}

describe('terminal chat', () => {
  test('without --admin, help lists no admin commands (they are not available here)', async () => {
    const out = await chat(['help', 'herlaad kennis'], false);
    expect(out).toContain('Dit kun je doen:');
    expect(out).not.toContain('Voor beheerders');
    expect(out).toContain('Beheeropdrachten zijn hier niet beschikbaar.');
  });

  test('with --admin, help lists the admin commands and they work on the local folder and store', async () => {
    const out = await chat(['help', 'herlaad kennis', 'status', 'qwerty', 'onbeantwoord'], true);
    expect(out).toContain('Voor beheerders:\n• *herlaad kennis*');
    expect(out).toContain('De kennisbestanden zijn niet veranderd');
    expect(out).toMatch(/Actieve kennisversie: \*[0-9a-f]{12}\*/);
    expect(out).toContain('"qwerty": 1×');
  });

  test('with --admin, another member (/als) is no admin', async () => {
    const out = await chat(['/als anna', 'herlaad kennis', 'help'], true);
    expect(out).toContain('Dat mag alleen een beheerder van de bot.');
    expect(out.split('Dit kun je doen:')[1]).not.toContain('Voor beheerders');
  });
});
