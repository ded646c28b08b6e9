import { conceptNames } from '../../../src/knowledge/concept-names.js';
import type { Concept } from '../../../src/knowledge/schema.js';

const names = (term: string, aliases: string[] = []): string[] =>
  conceptNames({ id: 'x', term, aliases, questions: [], category: 'stelsel', short: 'kort', explanation: 'lang', related: [], sources: [], verified: true } as Concept);

describe('the names of a concept', () => {
  test('a composite term gives each of its parts', () => {
    expect(names('Collegeprogramma / coalitieakkoord')).toEqual(['Collegeprogramma / coalitieakkoord', 'Collegeprogramma', 'coalitieakkoord']);
    expect(names('Wlz en Zvw (grens met de Wmo)')).toEqual(['Wlz en Zvw (grens met de Wmo)', 'Wlz en Zvw', 'grens met de Wmo']);
    expect(names('Knop 1: visie', ['eerste knop'])).toEqual(['Knop 1: visie', 'Knop 1', 'visie', 'eerste knop']);
  });

  test('a bracketed piece of a word is optional in that word, never a name of its own: "Sociaal (wijk)team"', () => {
    expect(names('Sociaal (wijk)team')).toEqual(['Sociaal (wijk)team', 'Sociaal team', 'Sociaal wijkteam']);
  });

  test('a bracketed year dates the term and is no name of its own', () => {
    expect(names('Rapport sturen (2022)')).toEqual(['Rapport sturen (2022)', 'Rapport sturen']);
  });
});
