import { addressWords } from '../../../src/knowledge/content-rules/team-address-rule.js';
import { contentOf, linesOf } from '../../helpers/content-check.js';
import { conceptYaml } from '../../helpers/knowledge-dir.js';

/** "jullie" throughout team dialogues: "je" only as the pronoun, tested on sentences from the shipped dialogues. */

describe('the reader addressed as one person', () => {
  test.each([
    ['Per knop geef je een score van 1 (nauwelijks) tot 5 (sterk).', ['je']],
    ['Zie je grote verschillen in zelfredzaamheid tussen wijken of kernen?', ['je']],
    ['Je ziet grote verschillen in zelfredzaamheid.', ['je']],
    ['Noem twee of drie dingen voor je inwoners die hoe dan ook moeten blijven.', ['je']],
    ['Volgens jou hoeft er niemand meer aan tafel.', ['jou']],
    ['Hoe zou jij de verandering typeren? Wat is jouw rol?', ['jij', 'jouw']],
    ['Meld je aan bij het netwerk, zo-doe-je-dat.', ['je', 'je']],
  ])('%j addresses the reader with %j', (sentence, words) => {
    expect(addressWords(sentence)).toEqual(words);
  });

  test.each([
    'Hoe staat jullie gemeente ervoor op de knop visie?',
    'De jeugdhulp uit de Jeugdwet, een meisje en een huisje.',
    'Kijk op waarstaatjegemeente.nl welke cijfers er zijn.',
    'Vraag inwoners: "Wat heb je nodig?" en noteer de antwoorden.',
    'Stel de vraag “Wat kun jij zelf?” aan het begin.',
    "Vraag bewoners 'Wat wil je behouden?' voordat jullie snijden.",
    'Lees *Hoe doe je dat?* van Movisie samen door.',
    'Zie https://www.movisie.nl/artikel/wat-kun-je-doen voor voorbeelden.',
    'Een pgb\'tje of een taxi\'je is geen voorziening.',
    'Jeroen en Jouke van het wijkteam schuiven aan.',
  ])('%j does not', (sentence) => {
    expect(addressWords(sentence)).toEqual([]);
  });
});

describe('team dialogues', () => {
  const dialogue = (audience: 'team' | 'person') =>
    [
      'id: visie',
      'title: Visie',
      `audience: ${audience}`,
      'description: Een gesprek over de visie.',
      'intro: >-',
      '  Van geldzorgen naar een gedeelde visie. Per knop geeft jullie team een score. De handreiking zelf vind',
      '  je via Platform31.',
      'steps:',
      '  - id: rol',
      '    kind: choice',
      '    title: Rol',
      '    prompt: Hoe staat jullie gemeente ervoor?',
      '    choices:',
      '      - { id: beleid, label: Beleid }',
      '      - { id: eigen, label: Jouw eigen idee }',
      '  - id: tip',
      '    kind: info',
      '    title: Tip',
      '    text: \'Vraag inwoners: "Wat heb je nodig?"\'',
      '  - id: cijfers',
      '    kind: scale',
      '    title: Cijfers',
      '    prompt: Zie je grote verschillen tussen wijken?',
      'conclusions:',
      '  - kind: rule',
      '    when: [{ step: rol, in: [beleid] }]',
      '    text: Volgens jou hoeft er niemand meer aan tafel.',
      '  - kind: count',
      '    steps: [cijfers]',
      '    atMost: 2',
      '    atLeast: 1',
      '    text: Jullie zien weinig verschil.',
      '    otherwise: Meld je aan bij het netwerk.',
      '',
    ].join('\n');
  const concepts = `concepts:\n${conceptYaml({ id: 'sociale-basis', term: 'Sociale basis' })}\n`;

  test('"je", "jij", "jou" or "jouw" in the intro, a prompt, a choice, an info text or a conclusion is warned about with its place', async () => {
    const report = await contentOf({ 'concepts/a.yaml': concepts, 'dialogues/visie.yaml': dialogue('team') });
    const message = (word: string) => `hier staat "${word}", maar dit gesprek is voor een team ("audience: team"); spreek de groep aan met "jullie"`;
    expect(linesOf(report, 'team-address')).toEqual([
      `dialogues/visie.yaml:6:81  visie.intro: ${message('je')}`,
      `dialogues/visie.yaml:15:29  visie.steps[0].choices[1].label: ${message('jouw')}`,
      `dialogues/visie.yaml:23:13  visie.steps[2].prompt: ${message('je')}`,
      `dialogues/visie.yaml:27:11  visie.conclusions[0].text: ${message('jou')}`,
      `dialogues/visie.yaml:33:16  visie.conclusions[1].otherwise: ${message('je')}`,
    ]);
  });

  test('a dialogue for one person may say "je"', async () => {
    const report = await contentOf({ 'concepts/a.yaml': concepts, 'dialogues/visie.yaml': dialogue('person') });
    expect(linesOf(report, 'team-address')).toEqual([]);
  });
});
