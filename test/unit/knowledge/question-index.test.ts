import { analyseDescriptions } from '../../../src/knowledge/description-index.js';
import { loadKnowledge } from '../../../src/knowledge/load.js';
import { queryTokens } from '../../../src/knowledge/normalize.js';
import { formatProblem } from '../../../src/knowledge/problems.js';
import { combineTextScores, questionIndexSteps } from '../../../src/knowledge/question-index.js';
import type { Concept } from '../../../src/knowledge/schema.js';
import { createSearchIndex } from '../../../src/knowledge/search.js';
import { conceptYaml, makeKnowledgeDir } from '../../helpers/knowledge-dir.js';
import { concept as baseConcept } from '../../helpers/concept.js';

/** Example questions (`questions:`): a concept described in words neither its names nor its texts use. */

function concept(id: string, term: string, short: string, questions: string[] = []): Concept {
  return baseConcept(id, term, [], { questions, category: 'praktijk', short, explanation: 'Meer uitleg volgt.' });
}

const concepts = [
  concept('mantelzorg', 'Mantelzorg', 'Onbetaalde hulp aan iemand uit je eigen omgeving, omdat jullie een band hebben.', [
    'iemand zorgt onbetaald voor een zieke partner of ouder',
    'hoe noem je het als je voor je vader of moeder zorgt',
    'hulp aan een familielid dat ziek is, naast je werk',
  ]),
  concept('vrijwilligers', 'Vrijwilligers', 'Mensen die onbetaald werk doen voor anderen of voor de buurt.', [
    'mensen die zonder loon meehelpen in het buurthuis',
    'wie helpt er gratis bij de voedselbank',
  ]),
  concept('maatschappelijk-rendement', 'Maatschappelijk rendement', 'Wat een investering oplevert voor de samenleving, ook buiten de eigen begroting.', [
    'wat krijgt de samenleving terug voor elke euro die je investeert',
  ]),
];

const index = createSearchIndex(concepts);
const first = (q: string): string | undefined => index.lookup(q).hits[0]?.concept.id;

describe('example questions', () => {
  test.each([
    ['mensen die voor hun zieke moeder zorgen', 'mantelzorg'],
    ['zorgen voor je vader naast je baan', 'mantelzorg'],
    ['wie helpt zonder loon in het buurthuis', 'vrijwilligers'],
    ['wat levert elke geinvesteerde euro de samenleving op', 'maatschappelijk-rendement'],
  ])('"%s" goes to %s, whose names and texts do not have those words', (query, expected) => {
    expect(first(query)).toBe(expected);
  });

  test('a description match is a suggestion, never a confident answer', () => {
    expect(index.lookup('mensen die voor hun zieke moeder zorgen').outcome).toBe('suggest');
  });

  test('one shared word is no reading: chat outside the domain gets no answer', () => {
    for (const q of ['mijn moeder belt zo', 'euro wisselkoers vandaag', 'parkeervergunning aanvragen']) expect(index.lookup(q).outcome).toBe('none');
  });

  test('a concept scores as its nearest question; words spread over its questions count at the looser union weight', () => {
    const scoresWith = (unionWeight: number): number[] => {
      const steps = questionIndexSteps(analyseDescriptions(concepts), { maxCandidateShare: 1, maxCandidates: 200, unknownWeight: 0.5, unionWeight });
      let r = steps.next();
      while (!r.done) r = steps.next();
      return r.value.score(queryTokens('zieke moeder zorgen').map((t) => [{ stem: t.stem, sim: 1 }])).get(0)!;
    };
    // "moeder" and "zorgt" sit in one question, "ziek" in two others: the nearest question explains two words
    expect(scoresWith(0).filter((s) => s > 0)).toHaveLength(2);
    const mixed = scoresWith(0.8);
    expect(mixed.filter((s) => s > 0)).toHaveLength(3);
    expect(mixed[0]).toBeLessThan(Math.max(...mixed));
  });

  test('per word, the better of the description and the nearest question counts, the question scaled', () => {
    const combined = combineTextScores(new Map([[0, [0.5, 0, 0.1]]]), new Map([[0, [0.2, 0.4, 0.4]], [1, [0.3, 0, 0]]]), 0.5);
    expect(combined).toEqual(new Map([[0, [0.5, 0.2, 0.2]], [1, [0.15, 0, 0]]]));
  });
});

describe('validating example questions', () => {
  const withQuestions = (id: string, term: string, questions: string[]): string =>
    conceptYaml({ id, term }).replace(`    term: ${term}\n`, `    term: ${term}\n    questions:\n${questions.map((q) => `      - ${q}\n`).join('')}`);

  test('one question under two concepts is refused; twice under one concept is a warning', async () => {
    const k = makeKnowledgeDir({
      'concepts/a.yaml': `concepts:\n${withQuestions('mantelzorg', 'Mantelzorg', ['zorgen voor je moeder', 'Zorgen voor je moeder?'])}\n${withQuestions('vrijwilligers', 'Vrijwilligers', ['zorgen voor je moeder'])}\n`,
    });
    try {
      const result = await loadKnowledge(k.dir);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems.map(formatProblem)).toEqual([
        expect.stringMatching(/vrijwilligers\.questions\[0\]: "zorgen voor je moeder" staat ook als voorbeeldvraag bij begrip "mantelzorg"; een vraag mag bij maar één begrip horen$/),
      ]);
      expect(result.warnings.map(formatProblem)).toEqual([expect.stringMatching(/mantelzorg\.questions\[1\]: "Zorgen voor je moeder\?" staat twee keer bij dit begrip$/)]);
    } finally {
      k.cleanup();
    }
  });

  test('a question over 200 characters is refused with its length', async () => {
    const k = makeKnowledgeDir({ 'concepts/a.yaml': `concepts:\n${withQuestions('mantelzorg', 'Mantelzorg', ['x'.repeat(201)])}\n` });
    try {
      const result = await loadKnowledge(k.dir);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems.map(formatProblem)).toEqual([expect.stringContaining('mantelzorg.questions[0]: een voorbeeldvraag is te lang: maximaal 200 tekens (nu 201)')]);
    } finally {
      k.cleanup();
    }
  });
});
