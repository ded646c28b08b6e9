import { replyToCard } from '../../../src/adapters/teams/render.js';
import { buttonTitle, ROW_CHARS, rows } from '../../../src/adapters/teams/buttons.js';
import { textBlocks } from '../../../src/adapters/teams/card-parts.js';
import type { Action, Reply, SummaryReply } from '../../../src/bot/replies.js';
import { texts } from '../../../src/bot/texts.js';
import { cardProblems, withFallbacks } from '../../helpers/adaptive-card.js';

/** How Teams cards read: lists as lines, whole button titles, concepts apart, results as charts, export to copy. */

const a = (label: string, extra: Partial<Action> = {}): Action => ({ label, payload: JSON.stringify({ a: 'cmd', c: 'help' }), ...extra });

/** Every element of a card (body, columns, containers, show cards, fallbacks), depth first. */
function elements(node: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  return [record, ...Object.values(record).flatMap(elements)];
}
const ofType = (card: unknown, type: string) => elements(card).filter((e) => e['type'] === type);
// Action.Submit today; Action.Execute once the cards use Universal Actions
const titles = (card: unknown) => [...ofType(card, 'Action.Submit'), ...ofType(card, 'Action.Execute')].map((s) => s['title'] as string);
const actionSets = (card: unknown) => ofType(card, 'ActionSet').map((s) => (s['actions'] as Array<Record<string, unknown>>).map((x) => x['title']));

describe('lists', () => {
  test('"• " lines become a markdown list of separate lines, apart from the lead sentence', () => {
    const blocks = textBlocks('Dit kun je doen:\n• Stel een *vraag*\n• *verder*: ga door\n\nGesprekken:\n• *Proef*: klein');
    expect(blocks.map((b) => b.text)).toEqual(['Dit kun je doen:', '- Stel een **vraag**\r- **verder**: ga door', 'Gesprekken:', '- **Proef**: klein']);
  });

  test('the help text in a notice card has no bullet line running into the next', () => {
    const card = replyToCard({ kind: 'notice', text: `${texts.menu.help}\n${texts.menu.adminHelp}`, tone: 'info', actions: [] });
    const blockTexts = ofType(card, 'TextBlock').map((b) => b['text'] as string);
    expect(blockTexts.join('\n')).not.toMatch(/•/);
    const items = blockTexts.flatMap((t) => t.split('\r')).filter((l) => l.startsWith('- '));
    expect(items.length).toBe(texts.menu.help.split('•').length - 1 + texts.menu.adminHelp.split('•').length - 1);
  });

  test('the details of a notice (file problems for an admin) are a line each, as typed', () => {
    const card = replyToCard({ kind: 'notice', text: 'Herladen is niet gelukt:', tone: 'error', actions: [], details: ['concepts/a.yaml:1:1 *fout*', 'concepts/b.yaml:2:3 fout'] });
    expect(ofType(card, 'RichTextBlock').map((b) => (b['inlines'] as Array<{ text: string }>).map((r) => r.text))).toEqual([['concepts/a.yaml:1:1 *fout*'], ['concepts/b.yaml:2:3 fout']]);
  });

  test('conclusions are a list too', () => {
    const card = replyToCard({ kind: 'summary', dialogueTitle: 'P', complete: true, items: [], conclusions: ['Een', 'Twee'], concepts: [], actions: [] });
    expect(ofType(card, 'TextBlock').map((b) => b['text'])).toContain('- Een\r- Twee');
  });
});

describe('button titles', () => {
  test('a row holds buttons while they show whole; a title over a full row is cut at a word', () => {
    expect(rows(['1', '2', '3', '4', '5'].map((l) => a(l))).map((r) => r.length)).toEqual([5]);
    expect(rows([a('Sla over'), a('Terug'), a('Stop')]).map((r) => r.length)).toEqual([3]);
    expect(rows([a('Een antwoord van 25 tekens'), a('Nog een antwoord 25 tekens')]).map((r) => r.length)).toEqual([1, 1]);
    const long = a('Een maatschappelijke kosten-batenanalyse (MKBA) of businesscase');
    expect(buttonTitle(long).length).toBeLessThanOrEqual(ROW_CHARS);
    expect(buttonTitle(long)).toBe('Een maatschappelijke…');
  });

  test('start buttons show their short label; the full title stays in the text and in no title', () => {
    const card = replyToCard({ kind: 'notice', text: 'Gesprekken:\n• *Gespreksmodel: wat is bij ons de sociale basis?*: uitleg', tone: 'info', actions: [a('Start: Gespreksmodel: wat is bij ons de sociale basis?', { shortLabel: 'Start: Gespreksmodel' }), a('Help')] });
    expect(actionSets(card)).toEqual([['Start: Gespreksmodel', 'Help']]);
    expect(JSON.stringify(card)).toContain('Gespreksmodel: wat is bij ons de sociale basis?');
  });

  test('a cut title without a short label has its full label written above the buttons', () => {
    const label = 'Routeplanner Op weg naar betaalbare sociale kwaliteit';
    const card = replyToCard({ kind: 'suggestions', text: 'Bedoelde je…', options: [a(label)], actions: [] });
    expect(titles(card)[0]!.length).toBeLessThanOrEqual(ROW_CHARS);
    expect(ofType(card, 'TextBlock').map((b) => b['text'])).toContain(`- ${label}`);
  });

  test('long answer options become a numbered list with number buttons; short ones stay buttons', () => {
    const long = ['Een maatschappelijke kosten-batenanalyse (MKBA) of businesscase', 'Erkende aanpakken uit de Databank Effectieve sociale interventies'];
    const question = (labels: string[]): Reply => ({ kind: 'question', dialogueTitle: 'P', number: 1, title: 'T', prompt: 'Kies', input: { kind: 'choice', options: labels.map((l) => a(l)) }, concepts: [], actions: [] });
    const card = replyToCard(question(long));
    expect(ofType(card, 'TextBlock').map((b) => b['text'])).toContain(`1. ${long[0]!.replace(/[()]/g, '\\$&')}\r2. ${long[1]}`);
    expect(titles(card)).toEqual(['1', '2']);
    expect(titles(replyToCard(question(['Beleid', 'Uitvoering'])))).toEqual(['Beleid', 'Uitvoering']);
  });
});

describe('concepts on a question card', () => {
  const question: Reply = {
    kind: 'question', dialogueTitle: 'P', number: 1, title: 'T', prompt: 'Kies', input: { kind: 'choice', options: [a('Ja'), a('Nee')] },
    concepts: [a('Routeplanner Op weg naar betaalbare sociale kwaliteit'), a('Gespreksmodel sociale basis')], actions: [a('Stop')],
  };

  test('sit behind a "Begrippen bij deze vraag" toggle after the answers and navigation, never among the answers', () => {
    const card = replyToCard(question);
    const body = card.body as Array<Record<string, unknown>>;
    const last = body[body.length - 1]!;
    const toggle = (last['actions'] as Array<Record<string, unknown>>)[0]!;
    expect(toggle).toMatchObject({ type: 'Action.ShowCard', title: 'Begrippen bij deze vraag' });
    expect(titles(toggle['card'])).toEqual(['Routeplanner Op weg naar betaalbare…', 'Gespreksmodel sociale basis']);
    const outside = body.slice(0, -1);
    expect(titles(outside)).toEqual(['Ja', 'Nee', 'Stop']);
    expect(cardProblems(card)).toEqual([]);
  });

  test('a question without concepts has no toggle', () => {
    expect(ofType(replyToCard({ ...question, concepts: [] } as Reply), 'Action.ShowCard')).toEqual([]);
  });
});

describe('results as charts', () => {
  const group: SummaryReply = {
    kind: 'summary', dialogueTitle: 'P', complete: true, conclusions: [], concepts: [], actions: [],
    items: [{ title: 'Rol', prompt: '', lines: [], result: { respondents: 45, counts: [{ label: 'Beleid', count: 40, names: ['Anna <b>'] }, { label: 'Uitvoering', count: 5 }], texts: [] } }],
  };

  test('a group question gets a horizontal bar chart of its counts, with the same bars as text for other hosts', () => {
    const [chart] = ofType(replyToCard(group), 'Chart.HorizontalBar');
    expect(chart).toMatchObject({ data: [{ x: 'Beleid', y: 40 }, { x: 'Uitvoering', y: 5 }] });
    // no value axis, which Teams labels in fractions for small counts: each bar shows its own whole number
    expect(chart).toMatchObject({ displayMode: 'AbsoluteNoAxis' });
    const fallback = JSON.stringify(chart!['fallback']);
    // the longest bar has 16 blocks, the others in proportion; the number says the real count
    expect(fallback).toContain(`Beleid: ${'█'.repeat(16)} 40`);
    expect(fallback).toContain(`Uitvoering: ${'█'.repeat(2)} 5`);
  });

  test('names in a named session stay in TextRuns, outside the chart', () => {
    const card = replyToCard(group);
    expect(JSON.stringify(ofType(card, 'Chart.HorizontalBar'))).not.toContain('Anna');
    expect(ofType(card, 'TextRun').map((r) => r['text'])).toContain('Beleid: Anna <b>');
  });

  test('a personal summary draws its scale answers together in one chart, and none without scale answers', () => {
    const personal: SummaryReply = { ...group, items: [{ title: 'Rol', prompt: '', lines: ['Beleid'] }, { title: 'Samen', prompt: '', lines: ['2'], score: 2 }, { title: 'Geld', prompt: '', lines: ['5'], score: 5 }] };
    const charts = ofType(replyToCard(personal), 'Chart.HorizontalBar');
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({ title: 'Je scores (1 tot en met 5)', data: [{ x: 'Samen', y: 2 }, { x: 'Geld', y: 5 }] });
    // on the 1 to 5 scale: a 5 is a full bar, a 2 less than half of one
    expect(JSON.stringify(charts[0]!['fallback'])).toContain(`Samen: ${'█'.repeat(6)} 2`);
    expect(JSON.stringify(charts[0]!['fallback'])).toContain(`Geld: ${'█'.repeat(16)} 5`);
    expect(ofType(replyToCard({ ...personal, items: personal.items.slice(0, 1) }), 'Chart.HorizontalBar')).toEqual([]);
  });

  test('the official library, which has no charts, says it uses the fallback: the only elements it does not know are the charts', () => {
    const problems = cardProblems(replyToCard(group));
    const unknown = problems.filter((p) => p.startsWith('Unknown element type'));
    expect(unknown).toEqual(['Unknown element type "Chart.HorizontalBar". Fallback will be used if present.']);
  });

  test('without its charts the card is valid for the official library', () => {
    expect(cardProblems(withFallbacks(replyToCard(group)))).toEqual([]);
    expect(ofType(withFallbacks(replyToCard(group)), 'Chart.HorizontalBar')).toEqual([]);
  });
});

describe('export', () => {
  test('a CodeBlock to copy, falling back to monospace TextRuns: the answers in it are never parsed as markdown', () => {
    const markdown = '# Proef\n\n- [link](https://x.example)';
    const card = replyToCard({ kind: 'export', filename: 'proef.md', markdown });
    const [code] = ofType(card, 'CodeBlock');
    expect(code).toMatchObject({ codeSnippet: markdown, language: 'PlainText', fallback: { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: markdown, fontType: 'Monospace' }] } });
    expect(ofType(card, 'TextBlock').map((b) => b['text']).join('\n')).not.toContain('[link]');
  });
});
