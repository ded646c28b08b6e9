import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import { replyToCard, MAX_CARD_BYTES } from '../../../src/adapters/teams/render.js';
import type { Reply } from '../../../src/bot/replies.js';
import { cardProblems, withFallbacks } from '../../helpers/adaptive-card.js';
import { SHARED_DIR } from '../../helpers/knowledge-dir.js';
import { testWithShared } from '../../helpers/shared.js';

const require = createRequire(import.meta.url);

/** The official Adaptive Card 1.5 JSON schema, stricter than the library on required properties; it lies in ../shared. */
const SCHEMA = path.join(SHARED_DIR, 'schemas/adaptive-cards/adaptive-card-1.5.0.json');

let compiled: ValidateFunction | undefined;

/** A validator for that schema (draft-06; ajv 8 wants $id), compiled once on first use. */
function schemaValidator(): ValidateFunction {
  if (compiled) return compiled;
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as Record<string, unknown>;
  schema['$id'] = schema['id'];
  delete schema['id'];
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  compiled = ajv.compile(schema);
  return compiled;
}

const a = (label: string) => ({ label, payload: JSON.stringify({ a: 'cmd', c: 'help' }) });
const SAMPLES: Reply[] = [
  { kind: 'answer', conceptId: 'x', term: 'Sociale basis', short: 'Kort *antwoord*.', explanation: '**Lang**\n\n- punt 1\n- punt 2', sources: [{ title: 'Movisie [pagina]', url: 'https://www.movisie.nl/' }], verified: false, related: [a('Preventie'), a('Welzijn')], actions: [a('Ga verder')] },
  { kind: 'suggestions', text: 'Bedoelde je...', options: [a('A'), a('B'), a('C')], actions: [] },
  { kind: 'notice', text: 'Let *op*', tone: 'warning', actions: [a('Help')] },
  { kind: 'question', dialogueTitle: 'Proef', number: 1, title: 'Rol', prompt: 'Wat is je rol?', input: { kind: 'choice', options: [a('Beleid'), a('Uitvoering')] }, concepts: [a('Sociale basis')], actions: [a('Sla over')] },
  { kind: 'question', dialogueTitle: 'Proef', number: 2, title: 'Score', prompt: 'Hoe?', input: { kind: 'scale', low: 'zwak', high: 'sterk', options: ['1', '2', '3', '4', '5'].map(a) }, concepts: [], actions: [] },
  { kind: 'question', dialogueTitle: 'Proef', number: 3, title: 'Wat', prompt: 'Kies', input: { kind: 'multi', options: [{ label: 'X', value: 'x' }, { label: 'Y', value: 'y' }], submit: a('Klaar') }, concepts: [], actions: [] },
  { kind: 'question', dialogueTitle: 'Proef', number: 4, title: 'Tekst', prompt: 'Typ', input: { kind: 'text', maxLength: 500, submit: a('Verstuur') }, concepts: [], actions: [] },
  { kind: 'question', dialogueTitle: 'Proef', number: 5, title: 'Info', prompt: '', input: { kind: 'info', text: 'Toelichting' }, concepts: [], actions: [a('Verder')] },
  { kind: 'tally', replaceKey: 'k', version: 1, title: 'Stand', respondents: 2, counts: [{ label: 'A', count: 2 }], texts: ['[link](https://x.example)'], actions: [a('Volgende vraag')], closed: false },
  { kind: 'summary', dialogueTitle: 'Proef', complete: true, items: [{ title: 'Rol', prompt: 'Wat?', lines: ['Beleid'] }], conclusions: ['Conclusie'], concepts: [a('Sociale basis')], actions: [a('Exporteer')] },
  { kind: 'export', filename: 'proef.md', markdown: '# Proef\n\n- a' },
  { kind: 'notice', text: 'Dit kun je doen:\n• Stel een *vraag*\n• *start <gesprek>*\n\nGesprekken:\n• *Proef*: een gesprek', tone: 'info', actions: [{ ...a('Start: Gespreksmodel: wat is bij ons de sociale basis?'), shortLabel: 'Start: Gespreksmodel' }] },
  { kind: 'question', dialogueTitle: 'Proef', number: 6, title: 'Lang', prompt: 'Kies', input: { kind: 'choice', options: [a('Een maatschappelijke kosten-batenanalyse (MKBA) of businesscase'), a('Kort')] }, concepts: [a('Routeplanner Op weg naar betaalbare sociale kwaliteit'), a('Gespreksmodel sociale basis')], actions: [a('Sla over'), a('Stop')] },
  { kind: 'summary', dialogueTitle: 'Proef', complete: true, items: [{ title: 'Rol', prompt: 'Wat?', lines: ['Beleid'] }, { title: 'Score', prompt: 'Hoe?', lines: ['4 (1 = zwak, 5 = sterk)'], score: 4 }], conclusions: [], concepts: [], actions: [a('Exporteer')] },
  { kind: 'summary', dialogueTitle: 'Proef', complete: true, items: [
    { title: 'Rol', prompt: 'Wat?', lines: ['Beleid: 2 (Anna, Chris)', 'Uitvoering: 0'], result: { respondents: 2, counts: [{ label: 'Beleid', count: 2, names: ['Anna', 'Chris'] }, { label: 'Uitvoering', count: 0 }], texts: [] } },
    { title: 'Stap', prompt: 'Wat?', lines: ['[link](https://x.example)'], result: { respondents: 1, counts: [], texts: ['[link](https://x.example)'] } },
  ], conclusions: ['Eén', 'Twee'], concepts: [a('Sociale basis')], actions: [a('Exporteer')] },
];

const CASES = SAMPLES.map((r, i) => [`${i} ${r.kind}${'input' in r ? `/${r.input.kind}` : ''}`, r] as const);

/** A summary far over the Teams message limit. */
function hugeSummary(): Reply {
  const items = Array.from({ length: 400 }, (_, i) => ({ title: `Vraag ${i}`, prompt: 'p', lines: Array.from({ length: 20 }, (_, j) => `antwoord ${j} `.repeat(30)) }));
  return { kind: 'summary', dialogueTitle: 'Groot', complete: true, items, conclusions: [], concepts: [], actions: [] };
}

describe('Adaptive Card rendering', () => {
  test.each(CASES)('%s is read back whole by the official Adaptive Cards library, without a warning', (_name, reply) => {
    const card = replyToCard(reply);
    expect(cardProblems(withFallbacks(card))).toEqual([]);
    expect(card.version).toBe('1.5');
  });

  test('the library check is not vacuous: unknown types, wrong values, misspelt properties and missing titles are found', () => {
    const card = (body: object[]) => ({ type: 'AdaptiveCard', version: '1.5', body });
    expect(cardProblems(card([{ type: 'TextBox', text: 'x' }]))).toEqual(expect.arrayContaining([expect.stringContaining('Unknown element type "TextBox"')]));
    expect(cardProblems(card([{ type: 'TextBlock', text: 'x', size: 'Huge' }]))).toEqual(expect.arrayContaining([expect.stringContaining('Invalid value "Huge" for property "size"')]));
    expect(cardProblems(card([{ type: 'TextBlock', text: 'x', colour: 'Accent' }]))).toEqual(['card.body[0].colour: the library reads nothing where the card has "Accent"']);
    expect(cardProblems(card([{ type: 'Input.ChoiceSet', id: 'x', choices: [{ title: 1 }] }]))).toEqual(expect.arrayContaining([expect.stringContaining('must have their title and value properties set')]));
    expect(cardProblems(card([{ type: 'ActionSet', actions: [{ type: 'Action.Sumbit', title: 'x' }] }]))).toEqual(expect.arrayContaining([expect.stringContaining('Unknown action type "Action.Sumbit"')]));
  });

  for (const [name, reply] of CASES) {
    testWithShared(SCHEMA, `${name} validates against the official 1.5 JSON schema`, () => {
      const validate = schemaValidator();
      const ok = validate(withFallbacks(replyToCard(reply)));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    });
  }

  testWithShared(SCHEMA, 'the schema validator is not vacuous: a broken card fails', () => {
    const validate = schemaValidator();
    expect(validate({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock' }] })).toBe(false);
    expect(validate({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.ChoiceSet', id: 'x', choices: [{ title: 1 }] }] })).toBe(false);
  });

  test('user text sits in TextRuns, never in markdown TextBlocks', () => {
    const card = replyToCard(SAMPLES[8]!);
    const json = JSON.stringify(card);
    expect(json).toContain('{"type":"TextRun","text":"“[link](https://x.example)”"}');
    expect(json).not.toMatch(/"type":"TextBlock","text":"[^"]*\[link\]/);
  });

  test('a source that is not online is shown as plain text, without a link', () => {
    const answer = { ...SAMPLES[0]!, sources: [{ title: 'Movisie', url: 'https://www.movisie.nl/' }, { title: 'Platform31 (15 april 2014): Het kan anders en beter (niet meer online)' }] } as Reply;
    const card = replyToCard(answer);
    const line = JSON.stringify(card).match(/"text":"([^"]*Bronnen[^"]*)"/)?.[1] ?? '';
    // one link (Movisie); the offline title follows as escaped plain text
    expect(line).toMatch(/ \[Movisie\]\(https:\/\/www\.movisie\.nl\/\) · Platform31 \\+\(15 april 2014\\+\): Het kan anders en beter \\+\(niet meer online\\+\)$/);
    expect(line.split('](')).toHaveLength(2);
    expect(cardProblems(card)).toEqual([]);
  });

  test('huge summaries are shortened to stay under the Teams message limit, never failing', () => {
    const card = replyToCard(hugeSummary());
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(JSON.stringify(card)).toContain('… en nog');
    expect(cardProblems(card)).toEqual([]);
  });

  testWithShared(SCHEMA, 'a shortened huge summary validates against the official 1.5 JSON schema', () => {
    expect(schemaValidator()(replyToCard(hugeSummary()))).toBe(true);
  });
});
