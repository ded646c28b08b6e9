import { homeBlocks } from '../../../src/adapters/slack/home.js';
import { modalOfAction, questionOf, textModal } from '../../../src/adapters/slack/modals.js';
import { barChart, listWithMore } from '../../../src/adapters/slack/render-results.js';
import { LIMITS, replyToMessage } from '../../../src/adapters/slack/render.js';
import type { SummaryReply, TallyReply } from '../../../src/bot/replies.js';
import { visibleText } from '../../helpers/visible-text.js';

/** Results as text bars, lists that say how much was left out, and the text modals' limits. */

const text = (block: unknown) => (block as { text: { text: string } }).text.text;

test('bars: one aligned row per option, scaled to everyone who answered, with count and share; markup escaped', () => {
  expect(text(barChart([{ label: 'Beleid', count: 3 }, { label: 'Uitvoering <team>', count: 1 }, { label: 'Anders', count: 0 }], 4))).toBe(
    '```' +
      ['Beleid             ████████████····  3   75%', 'Uitvoering &lt;team&gt;  ████············  1   25%', 'Anders             ················  0    0%'].join('\n') +
      '```',
  );
});

test('a list within its budget, in blocks of at most one section, and "… en nog N" for the rest', () => {
  const lines = Array.from({ length: 58 }, (_, i) => `“Antwoord ${i}: ${'x'.repeat(150)}”`);
  const blocks = listWithMore(lines, 6000, 'Alle antwoorden komen in de samenvatting.');
  const shown = blocks.filter((b) => b['type'] === 'section').flatMap((b) => text(b).split('\n'));
  expect(shown.every((l, i) => l === lines[i])).toBe(true);
  expect(blocks.filter((b) => b['type'] === 'section').every((b) => text(b).length <= LIMITS.sectionChars)).toBe(true);
  expect(visibleText(blocks.at(-1))).toBe(`… en nog ${58 - shown.length} antwoorden. Alle antwoorden komen in de samenvatting.`);
  expect(listWithMore(['één'], 6000, '')).toEqual([{ type: 'section', text: { type: 'plain_text', text: 'één', emoji: false } }]);
  expect(visibleText(listWithMore(['a', 'b'], 2, 'Zie export.'))).toBe('a\n… en nog 1 antwoord. Zie export.');
});

test('a tally with 58 answers says so, and how many are not shown', () => {
  const tally: TallyReply = { kind: 'tally', replaceKey: 't', version: 1, title: 'Stand: C', respondents: 58, counts: [], texts: Array.from({ length: 58 }, (_, i) => `Antwoord ${i} ${'y'.repeat(200)}`), actions: [], closed: false };
  const shownText = visibleText(replyToMessage(tally).blocks);
  expect(shownText).toContain('*Stand: C*  (58 antwoorden)');
  const shown = (shownText.match(/“Antwoord \d+ y+”/g) ?? []).length;
  expect(shownText).toContain(`… en nog ${58 - shown} antwoorden.`);
});

test('a group summary: answer count, bars, who chose what in a named session, free texts; a personal one its lines', () => {
  const summary: SummaryReply = {
    kind: 'summary', dialogueTitle: 'Proef', complete: true, conclusions: [], concepts: [], actions: [{ label: 'Exporteer', payload: 'x' }],
    items: [
      { title: 'Rol', prompt: '', lines: ['2 antwoorden', 'Beleid: 2 (Anna, Bram)'], result: { respondents: 2, counts: [{ label: 'Beleid', count: 2, names: ['Anna', 'Bram'] }, { label: 'Uitvoering', count: 0 }], texts: [] } },
      { title: 'Toelichting', prompt: '', lines: ['1 antwoord', '“Anna: meer”'], result: { respondents: 1, counts: [], texts: ['“Anna: meer”'] } },
      { title: 'Persoonlijk', prompt: '', lines: ['Mijn antwoord'] },
    ],
  };
  expect(visibleText(replyToMessage(summary).blocks).split('\n')).toEqual([
    'Proef: samenvatting', '*Rol*', '2 antwoorden', '```Beleid      ████████████████  2  100%', 'Uitvoering  ················  0    0%```', 'Beleid: Anna, Bram',
    '*Toelichting*', '1 antwoord', '“Anna: meer”', '*Persoonlijk*', 'Mijn antwoord', 'Exporteer',
  ]);
});

test('the App Home: ten unfinished dialogues and "en nog N"; every dialogue button, 25 to a row', () => {
  const unfinished = Array.from({ length: 13 }, (_, i) => ({ dialogueTitle: `Gesprek ${i}`, stepTitle: 'A', updatedAt: i }));
  const dialogues = Array.from({ length: 30 }, (_, i) => ({ label: `Start ${i}`, payload: `p${i}` }));
  const blocks = homeBlocks({ intro: 'Hoi', unfinished, dialogues });
  expect(visibleText(blocks)).toContain('Gesprek 9 bij: A\n… en nog 3 gesprekken');
  expect(visibleText(blocks)).not.toContain('Gesprek 10 ');
  expect(blocks.filter((b) => b['type'] === 'actions').map((b) => (b['elements'] as unknown[]).length)).toEqual([25, 5]);
});

test('text modals: which button opens which, the question from the clicked message, Slack\'s limits', () => {
  expect(modalOfAction('rp_open_text_40')).toEqual({ kind: 'answer', maxLength: 40 });
  expect(modalOfAction('rp_open_answer_3000')).toEqual({ kind: 'expert', maxLength: 3000 });
  expect(modalOfAction('rp_button_1')).toBeUndefined();
  const question = { type: 'mrkdwn', text: '*Vraag* &lt;b&gt;' };
  expect(questionOf({ blocks: [{ type: 'context' }, { type: 'section', block_id: 'rp_question', text: question }] })).toEqual(question);
  expect(questionOf({ blocks: [{ type: 'section', block_id: 'rp_question', text: { type: 'image', text: 'x' } }] })).toBeUndefined();
  expect(questionOf(undefined)).toBeUndefined();
  for (const kind of ['answer', 'expert'] as const) {
    const view = textModal(kind, 'm'.repeat(4000), 5000, question) as { title: { text: string }; private_metadata: string; blocks: Array<{ element?: { max_length: number } }> };
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.private_metadata.length).toBe(3000);
    expect(view.blocks[1]!.element!.max_length).toBe(3000);
  }
});
