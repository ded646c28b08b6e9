import { loadKnowledge } from '../../../src/knowledge/load.js';
import { formatProblem } from '../../../src/knowledge/problems.js';
import { conceptYaml, makeKnowledgeDir } from '../../helpers/knowledge-dir.js';

/** knowledge/abbreviations.yaml is validated and versioned with the rest of the knowledge. */

const concepts = { 'concepts/a.yaml': `concepts:\n${conceptYaml({ id: 'sociale-basis', term: 'Sociale basis' })}\n` };
const good = 'abbreviations:\n  - { abbr: VNG, full: "Vereniging van Nederlandse Gemeenten" }\n';

async function load(files: Record<string, string>) {
  const k = makeKnowledgeDir({ ...concepts, ...files });
  try {
    return await loadKnowledge(k.dir);
  } finally {
    k.cleanup();
  }
}

async function problemLines(files: Record<string, string>): Promise<string[]> {
  const result = await load(files);
  if (result.ok) throw new Error('expected invalid knowledge');
  return result.problems.map(formatProblem);
}

describe('abbreviations.yaml', () => {
  test('is optional, and part of the knowledge version when it is there', async () => {
    const without = await load({});
    const withFile = await load({ 'abbreviations.yaml': good });
    const changed = await load({ 'abbreviations.yaml': `${good}  - { abbr: Wmo, full: "Wet maatschappelijke ondersteuning" }\n` });
    const versions = [without, withFile, changed].map((r) => (r.ok ? r.snapshot.version : 'invalid'));
    expect(versions).not.toContain('invalid');
    expect(new Set(versions).size).toBe(3);
  });

  test('every mistake in it is reported with file, line, column and field, and a reload refuses it', async () => {
    expect(
      await problemLines({
        'abbreviations.yaml': [
          'abbreviations:',
          '  - { abbr: VNG, full: "Vereniging van Nederlandse Gemeenten" }',
          '  - { abbr: GGD GHOR, full: "GGD en GHOR" }', //                a space in the abbreviation
          '  - { abbr: Wmo }', //                                           no full form
          '  - { abbr: VNG, full: "Vereniging van Nederlandse Gemeenten" }', // listed twice
          '  - { abbr: IZA, full: "Integraal Zorgakkoord", kleur: rood }', // unknown field
          '  - { abbr: 2024, full: "" }', //                                 a number, an empty full form
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'abbreviations.yaml:3:13  GGD GHOR.abbr: de afkorting moet één woord zonder spaties zijn, zoals "VNG"',
      'abbreviations.yaml:4:5  Wmo.full: het veld "full" ontbreekt',
      'abbreviations.yaml:5:13  VNG.abbr: de afkorting "VNG" staat al op regel 2; laat er één staan',
      'abbreviations.yaml:6:56  IZA.kleur: onbekend veld "kleur" (controleer de spelling)',
      'abbreviations.yaml:7:13  abbreviations[5].abbr: moet tekst zijn, maar is een getal (2024); zet de waarde tussen aanhalingstekens',
      'abbreviations.yaml:7:25  abbreviations[5].full: de volledige vorm is leeg',
    ]);
  });

  test('a file without the list, or with a YAML mistake, is reported by name', async () => {
    expect(await problemLines({ 'abbreviations.yaml': '- { abbr: VNG, full: Vereniging }\n' })).toEqual([
      'abbreviations.yaml:1:1  het bestand moet beginnen met "abbreviations:" met daaronder de lijst met afkortingen',
    ]);
    const syntax = await problemLines({ 'abbreviations.yaml': 'abbreviations:\n  - { abbr: VNG, full: "niet gesloten }\n' });
    expect(syntax.length).toBeGreaterThan(0);
    for (const line of syntax) expect(line).toMatch(/^abbreviations\.yaml:3:1 {2}YAML-fout \(controleer inspringing, dubbele punten en aanhalingstekens\): /);
  });
});
