import { LIMITS, replyToMessage, type Block } from '../../../src/adapters/slack/render.js';
import type { Action, Reply } from '../../../src/bot/replies.js';

/** Slack's limits hold by construction, whatever the size of a reply; user text cannot become markup. */

const a = (label: string, payload = JSON.stringify({ a: 'cmd', c: 'help' })): Action => ({ label, payload });
const long = (n: number, word = 'woord') => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');
const many = (n: number, label = (i: number) => `Optie ${i}`) => Array.from({ length: n }, (_, i) => a(label(i)));

const SAMPLES: Array<[string, Reply]> = [
  ['answer', { kind: 'answer', conceptId: 'x', term: 'Sociale basis', short: 'Kort.', explanation: 'Lang.\n\nMeer.', sources: [{ title: 'Movisie', url: 'https://www.movisie.nl/' }], verified: true, related: many(3), actions: [] }],
  ['huge answer', { kind: 'answer', conceptId: 'x', term: long(40), short: long(800), explanation: long(2000), sources: Array.from({ length: 40 }, (_, i) => ({ title: long(20), url: `https://example.org/${i}` })), verified: false, related: many(60, (i) => `${long(30)} ${i}`), actions: many(5) }],
  ['suggestions, 60 options', { kind: 'suggestions', text: 'Bedoelde je…', options: many(60), actions: [] }],
  ['notice with long details', { kind: 'notice', text: long(1000), tone: 'warning', actions: many(30), details: Array.from({ length: 200 }, () => long(10)) }],
  ['choice question, 40 options with long labels and payloads', { kind: 'question', dialogueTitle: 'Proef', number: 1, title: 'Rol', prompt: long(900), input: { kind: 'choice', options: many(40, (i) => `${'x'.repeat(120)}${i}`).map((o) => ({ ...o, payload: 'p'.repeat(2500) })) }, concepts: many(30), actions: many(3) }],
  ['multi question, 35 options', { kind: 'question', dialogueTitle: 'Proef', number: 2, title: 'Wat', prompt: 'Kies', input: { kind: 'multi', options: Array.from({ length: 35 }, (_, i) => ({ label: `Optie ${i} ${'y'.repeat(100)}`, value: `o${i}` })), submit: a('Klaar') }, concepts: [], actions: [] }],
  ['scale question', { kind: 'question', dialogueTitle: 'Proef', number: 3, title: 'Score', prompt: 'Hoe?', input: { kind: 'scale', low: 'zwak', high: 'sterk', options: ['1', '2', '3', '4', '5'].map((l) => a(l)) }, concepts: [], actions: [] }],
  ['text question', { kind: 'question', dialogueTitle: 'Proef', number: 4, title: 'Tekst', prompt: 'Typ', input: { kind: 'text', maxLength: 500, submit: a('Verstuur') }, concepts: [], actions: [] }],
  ['tally with 300 free-text answers', { kind: 'tally', replaceKey: 'k', version: 1, title: 'Stand', respondents: 300, counts: many(12).map((o, i) => ({ label: o.label, count: i })), texts: Array.from({ length: 300 }, (_, i) => `antwoord ${i} <!channel> ${long(20)}`), actions: many(2), closed: false }],
  ['summary with 120 items', { kind: 'summary', dialogueTitle: 'Proef', complete: true, items: Array.from({ length: 120 }, (_, i) => ({ title: `Vraag ${i}`, prompt: long(50), lines: Array.from({ length: 30 }, () => long(8)) })), conclusions: Array.from({ length: 20 }, () => long(40)), concepts: many(30), actions: many(3) }],
];

/** Every text object, button and actions block in a message. */
function walk(blocks: readonly Block[]) {
  const texts: Array<{ type: string; text: string; where: string }> = [];
  const buttons: Array<Record<string, unknown>> = [];
  const actionBlocks: Array<{ elements: unknown[] }> = [];
  const visit = (node: unknown, where: string): void => {
    if (Array.isArray(node)) return node.forEach((n) => visit(n, where));
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if ((o['type'] === 'mrkdwn' || o['type'] === 'plain_text') && typeof o['text'] === 'string') texts.push({ type: o['type'] as string, text: o['text'] as string, where });
    if (o['type'] === 'button') buttons.push(o);
    if (o['type'] === 'actions') actionBlocks.push(o as { elements: unknown[] });
    for (const [k, v] of Object.entries(o)) visit(v, where === 'root' ? String(o['type']) : `${where}.${k}`);
  };
  visit(blocks, 'root');
  return { texts, buttons, actionBlocks };
}

describe('Block Kit rendering within Slack limits', () => {
  test.each(SAMPLES)('%s', (_name, reply) => {
    const message = replyToMessage(reply);
    expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    expect(JSON.parse(message.blocksJson)).toEqual(message.blocks);
    expect(message.blocksJson.length).toBeLessThanOrEqual(LIMITS.messageChars + 1000);
    expect(message.text.length).toBeGreaterThan(0);
    const { texts, buttons, actionBlocks } = walk(message.blocks);
    for (const t of texts) expect(t.text.length).toBeLessThanOrEqual(LIMITS.sectionChars);
    for (const b of buttons) {
      expect((b['text'] as { text: string }).text.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
      expect(String(b['value'] ?? '').length).toBeLessThanOrEqual(LIMITS.buttonValue);
    }
    for (const block of actionBlocks) expect(block.elements.length).toBeLessThanOrEqual(LIMITS.actionsPerBlock);
    const ids = buttons.map((b) => b['action_id']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('a reply too big for one message ends with a notice that it was shortened', () => {
    const summary = SAMPLES.find(([name]) => name === 'summary with 120 items')![1];
    const message = replyToMessage(summary);
    expect(JSON.stringify(message.blocks.at(-1))).toContain('ingekort');
  });

  test('a source that is not online is shown as plain text, without a link', () => {
    const answer = { ...SAMPLES[0]![1], sources: [{ title: 'Movisie', url: 'https://www.movisie.nl/' }, { title: 'Platform31 (15 april 2014): Het kan anders en beter (niet meer online)' }] } as Reply;
    const { texts } = walk(replyToMessage(answer).blocks);
    expect(texts.filter((t) => t.text.startsWith('Bronnen:')).map((t) => t.text)).toEqual([
      'Bronnen: <https://www.movisie.nl/|Movisie> · Platform31 (15 april 2014): Het kan anders en beter (niet meer online)',
    ]);
  });

  test('text users typed cannot mention the channel or make links', () => {
    const tally = SAMPLES.find(([name]) => name.startsWith('tally'))![1];
    const { texts } = walk(replyToMessage(tally).blocks);
    for (const t of texts.filter((x) => x.text.includes('channel'))) {
      if (t.type === 'mrkdwn') expect(t.text).not.toMatch(/<!channel>/);
    }
  });
});
