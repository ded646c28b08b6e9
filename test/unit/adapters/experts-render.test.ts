import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { LIMITS, replyToMessage } from '../../../src/adapters/slack/render.js';
import { replyToCard } from '../../../src/adapters/teams/render.js';
import { consentForm } from '../../../src/bot/experts/ask.js';
import { expertCard, erasedCard } from '../../../src/bot/experts/cards.js';
import type { ExpertQuestion } from '../../../src/bot/experts/question.js';
import { answerReply } from '../../../src/bot/lookup/lookup-replies.js';
import type { Reply } from '../../../src/bot/replies.js';
import type { Turn } from '../../../src/bot/turn.js';
import { renderText } from '../../../src/cli/render-text.js';
import type { KnowledgeSnapshot } from '../../../src/knowledge/snapshot.js';
import { SHARED_DIR } from '../../helpers/knowledge-dir.js';
import { loadSnapshot, SHIPPED_KNOWLEDGE } from '../../helpers/snapshot.js';
import { visibleText } from '../../helpers/visible-text.js';

/** The content team's reply kinds on every platform: valid cards and blocks, typed text never parsed as markup. */

const require = createRequire(import.meta.url);
const SCHEMA = path.join(SHARED_DIR, 'schemas/adaptive-cards/adaptive-card-1.5.0.json');
const TYPED = 'Hoort een buurthuis bij de sociale basis? *vet* <!channel> [link](https://x.example) <at>iedereen</at>';

let snapshot: KnowledgeSnapshot;
let samples: Array<[string, Reply]>;
beforeAll(async () => {
  snapshot = await loadSnapshot(SHIPPED_KNOWLEDGE);
  const question: ExpertQuestion = {
    id: 'q1', question: TYPED, asker: { id: 'u', name: 'Anna *de* Vries', address: { platform: 'teams', ref: 'r' } }, conceptId: 'sociale-basis',
    channel: { platform: 'teams', ref: 'c' }, askedAt: Date.parse('2026-12-01T10:00:00Z'), updatedAt: 0, status: 'open', version: 1,
  };
  const turn = { retentionDays: 30, event: { conversation: { scope: 'personal' } } } as Turn;
  samples = [
    ['consent', consentForm(turn, TYPED, undefined)[0]!],
    ['open question', expertCard(question, snapshot)],
    ['answered, delivery failed', expertCard({ ...question, status: 'answered', answer: `${TYPED}\n${'lang '.repeat(600)}`, expert: { id: 'e', name: 'Bea' }, delivery: 'failed', version: 3 }, snapshot)],
    ['erased', erasedCard(question)],
    ['delivered answer', { kind: 'expert-answer', heading: 'Antwoord van de kennisredactie', question: TYPED, answer: TYPED, byline: 'Beantwoord door Bea van de kennisredactie.', actions: [] }],
    ['concept answer with feedback', answerReply(snapshot.conceptsById.get('sociale-basis')!, snapshot)],
  ];
});

describe('Teams', () => {
  const validate = existsSync(SCHEMA) ? schemaValidator() : undefined;

  (validate ? test : test.skip)('every card validates against the official Adaptive Card 1.5 schema (runs only with ../shared beside the clone)', () => {
    for (const [name, reply] of samples) {
      const card = replyToCard(reply);
      expect({ name, ok: validate!(card), errors: validate!.errors ?? [] }).toEqual({ name, ok: true, errors: [] });
    }
  });

  test('typed text goes in TextRuns and inputs, never in markdown; the inputs are rp_text and rp_values', () => {
    const card = JSON.stringify(replyToCard(samples[1]![1]));
    expect(card).toContain(`{"type":"TextRun","text":${JSON.stringify(`“${TYPED}”`)}}`);
    expect(card).toContain('"id":"rp_text"');
    expect(card).toContain('"type":"Input.ChoiceSet","id":"rp_values"');
    expect(card).toContain('Gesteld door Anna de Vries'); // markup taken out of the name
    const consent = JSON.stringify(replyToCard(samples[0]![1]));
    expect(consent).toContain(`"value":${JSON.stringify(TYPED)}`);
  });
});

describe('Slack', () => {
  test.each([0, 1, 2, 3, 4, 5])('sample %d stays within the limits, typed text as plain_text', (i) => {
    const [name, reply] = samples[i]!;
    const message = replyToMessage(reply);
    expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    expect(message.blocksJson.length).toBeLessThanOrEqual(LIMITS.messageChars + 1000);
    expect(message.text.length).toBeGreaterThan(0);
    // Slack formats mrkdwn only: typed text there would notify the whole channel
    expect({ name, mentions: mrkdwnTexts(message.blocks).filter((t) => t.includes('<!channel>')) }).toEqual({ name, mentions: [] });
  });

  test('the question card: "Beantwoorden" opens a modal; a concept list (every concept that fits, the best first), a box for a name and "Koppel aan begrip"', () => {
    const blocks = replyToMessage(samples[1]![1]).blocks as Array<Record<string, unknown>>;
    const buttons = blocks.filter((b) => b['type'] === 'actions').flatMap((b) => b['elements'] as Array<{ action_id: string; text: { text: string } }>);
    expect(buttons.map((b) => [b.text.text, b.action_id])).toEqual([['Beantwoorden', 'rp_open_answer_3000'], ['Geen antwoord', 'rp_button_420'], ['Koppel aan begrip', 'rp_submit_values_410']]);
    const inputs = blocks.filter((b) => b['type'] === 'input').map((b) => (b['element'] as { type: string; action_id: string; options?: unknown[] }));
    expect(inputs.map((e) => [e.type, e.action_id])).toEqual([['static_select', 'rp_values_concept'], ['plain_text_input', 'rp_text']]);
    // the core offers at most 100 (Slack's maximum for a select); all of them fit in the message here
    expect(inputs[0]!.options!.length).toBe(100);
    const best = snapshot.index.lookup(TYPED).hits.map((h) => ({ value: h.concept.id }));
    expect(best.length).toBeGreaterThan(0);
    expect(inputs[0]!.options!.slice(0, best.length)).toMatchObject(best); // the lookup's concepts for the question first
    expect(blocks.find((b) => b['block_id'] === 'rp_question')).toMatchObject({ text: { type: 'plain_text', text: `“${TYPED}”` } }); // the modal shows it again
  });

  test('a concept list that does not fit says how many are left out and how to find them', () => {
    const open = samples[1]![1] as Extract<Reply, { kind: 'expert-question' }>;
    const long = { ...open, conceptInput: { ...open.conceptInput!, options: open.conceptInput!.options.map((o) => ({ label: `${o.label} ${'x'.repeat(60)}`, value: o.value })) } };
    const message = replyToMessage(long);
    const select = (message.blocks as Array<Record<string, unknown>>).find((b) => b['block_id'] === 'rp_expert_concept') as { hint: { text: string }; element: { options: unknown[] } };
    const shown = select.element.options.length;
    expect(shown).toBeLessThan(100);
    expect(select.hint.text).toBe(`Hier staan de ${shown} begrippen die het best passen, en nog ${100 - shown} niet. Staat het begrip er niet bij? Typ de naam in het vak hieronder.`);
    expect(message.blocksJson.length).toBeLessThanOrEqual(LIMITS.messageChars);
    expect(visibleText(message.blocks)).toContain('Koppel aan begrip'); // the button is never cut off
  });
});

test('the terminal shows the question quoted, the lines, and the buttons with letters', () => {
  const { text, buttons } = renderText([samples[1]![1]]);
  expect(text).toContain(`“${TYPED}”`);
  expect(text).toContain('Gesteld bij het antwoord over *Sociale basis*.');
  expect(buttons.map((b) => b.label)).toEqual(['Beantwoorden', 'Koppel aan begrip', 'Geen antwoord']);
  expect(visibleText(replyToCard(samples[3]![1]))).not.toContain('*vet*');
});

function mrkdwnTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(mrkdwnTexts);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  return [...(o['type'] === 'mrkdwn' && typeof o['text'] === 'string' ? [o['text']] : []), ...Object.values(o).flatMap(mrkdwnTexts)];
}

function schemaValidator() {
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as Record<string, unknown>;
  schema['$id'] = schema['id'];
  delete schema['id'];
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  return ajv.compile(schema);
}
