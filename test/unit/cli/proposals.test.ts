import { parse } from 'yaml';
import { withListItem } from '../../../src/cli/proposals-yaml.js';
import { linkedForm } from '../../../src/cli/proposals.js';

/**
 * What a question the experts linked to a concept proposes, and how an example question goes into a concept
 * file: the whole loop, from the bot's store to a patch that passes validate, is in
 * test/conversations/experts-knowledge.test.ts.
 */

test('an example question goes after the last one, into a flow list, or into a new block after the aliases or the term', () => {
  const file = 'concepts:\n  - id: a\n    term: A\n    aliases:\n      - een\n    questions:\n      - Eerste vraag? # uit de praktijk\n    category: praktijk\n  - id: b\n    term: B\n    aliases: [bee]  # kort\n    category: praktijk\n  - id: c\n    term: C\n    category: praktijk\n  - id: d\n    term: D\n    questions: [Hoe zit het?]\n    category: praktijk\n  - id: e\n    term: E\n    questions:\n    category: praktijk\n';
  expect(withListItem(file, 'a', 'questions', 'Tweede vraag?')).toBe(file.replace('# uit de praktijk\n', '# uit de praktijk\n      - Tweede vraag?\n'));
  expect(withListItem(file, 'b', 'questions', 'Wie doet wat?')).toBe(file.replace('# kort\n', '# kort\n    questions:\n      - Wie doet wat?\n'));
  expect(withListItem(file, 'c', 'questions', 'Wat kost het?')).toBe(file.replace('term: C\n', 'term: C\n    questions:\n      - Wat kost het?\n'));
  expect(withListItem(file, 'd', 'questions', 'En nu?')).toBe(file.replace('[Hoe zit het?]', '[Hoe zit het?, En nu?]'));
  // an empty `questions:` is no list to add to; a second key would break the file
  expect(withListItem(file, 'e', 'questions', 'Waarom?')).toBeUndefined();
  expect(withListItem(file, 'x', 'questions', 'Waarom?')).toBeUndefined();
});

test.each([
  ['Vraag: wat is een buurtkamer?', 'a'], ['Waarom #zo duur?', 'b'], ['- wie helpt er?', 'c'], ['? of niet', 'd'], ['Kan het, [of] niet?', 'd'],
  ['"Gezegd" is \'gezegd\'', 'a'], ['Wat betekent % en & hier?', 'b'],
])('a question that needs quotes in YAML reads back as written: %s', (question, id) => {
  const file = 'concepts:\n  - id: a\n    term: A\n    questions:\n      - Eerste?\n  - id: b\n    term: B\n    aliases: [bee]\n  - id: c\n    term: C\n  - id: d\n    term: D\n    questions: [Eerste?]\n';
  const next = withListItem(file, id, 'questions', question);
  const concept = (parse(next!) as { concepts: Array<{ id: string; questions?: string[] }> }).concepts.find((c) => c.id === id);
  expect(concept?.questions?.at(-1)).toBe(question);
});

test.each([
  ['wat is een buurtkamer?', { name: 'buurtkamer' }],
  ['buurtkamer?', { name: 'buurtkamer' }],
  ['Sociale   basis', { name: 'sociale basis' }],
  ['hoe voorkom je schulden?', { question: 'hoe voorkom je schulden?' }],
  ['mantelzorg voor je moeder?', { question: 'mantelzorg voor je moeder?' }],
  ['wat is de rol van de gemeente bij preventie', { question: 'wat is de rol van de gemeente bij preventie' }],
  ['  hulp voor bewoners die thuis zorgen voor hun zieke ouders of partner\n', { question: 'hulp voor bewoners die thuis zorgen voor hun zieke ouders of partner' }],
  ['???', { skip: 'no words in the question' }],
  [`waarom ${'heel '.repeat(50)}duur?`, { skip: 'too long for an example question (262 characters, at most 200)' }],
])('a linked "%s" is a name, a way to ask, or nothing to propose', (text, form) => {
  expect(linkedForm(text)).toEqual(form);
});
