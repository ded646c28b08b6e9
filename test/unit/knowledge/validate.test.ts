import path from 'node:path';
import { loadKnowledge } from '../../../src/knowledge/load.js';
import { formatProblem, type Problem } from '../../../src/knowledge/problems.js';
import { conceptYaml, makeKnowledgeDir } from '../../helpers/knowledge-dir.js';

async function problemsOf(files: Record<string, string>): Promise<Problem[]> {
  const k = makeKnowledgeDir(files);
  try {
    const result = await loadKnowledge(k.dir);
    if (result.ok) throw new Error('expected invalid knowledge');
    return [...result.problems];
  } finally {
    k.cleanup();
  }
}

describe('knowledge validation', () => {
  test('valid files load into a snapshot with a content version', async () => {
    const files = {
      'concepts/a.yaml': `concepts:\n${conceptYaml({ id: 'sociale-basis', term: 'Sociale basis', aliases: ['soc basis'], related: ['wmo'] })}\n${conceptYaml({ id: 'wmo', term: 'Wmo', category: 'stelsel' })}\n`,
    };
    const k = makeKnowledgeDir(files);
    const again = makeKnowledgeDir(files);
    try {
      const result = await loadKnowledge(k.dir);
      const second = await loadKnowledge(again.dir);
      expect(result.ok).toBe(true);
      if (!result.ok || !second.ok) return;
      expect(result.snapshot.concepts.map((c) => c.id)).toEqual(['sociale-basis', 'wmo']);
      expect(result.snapshot.version).toMatch(/^[0-9a-f]{12}$/);
      expect(second.snapshot.version).toBe(result.snapshot.version);
    } finally {
      k.cleanup();
      again.cleanup();
    }
  });

  test('reports every problem in one pass, each with file, line, column and field', async () => {
    const problems = await problemsOf({
      'concepts/a.yaml': [
        'concepts:',
        conceptYaml({ id: 'sociale-basis', term: 'Sociale basis', aliases: ['soc basis'], related: ['wmo', 'bestaat-niet'] }),
        '  - id: wmo', //                                                   line 13
        '    term: Wmo',
        '    aliases: [soc basis]', //                                      alias of another concept
        '    category: wetten', //                                          not a category
        '    short: ""', //                                                 empty answer
        '    explanation: uitleg',
        '    sources:',
        '      - title: Bron',
        '        url: http://www.movisie.nl/', //                           not https
        '    colour: rood', //                                              unknown field
        conceptYaml({ id: 'wmo', term: 'Dubbel' }), //                        duplicate id at line 23
        '',
      ].join('\n'),
    });
    const lines = problems.map(formatProblem);
    expect(lines).toEqual([
      'concepts/a.yaml:9:20  sociale-basis.related[1]: er is geen begrip met id "bestaat-niet"',
      'concepts/a.yaml:15:15  wmo.aliases[0]: "soc basis" is ook een naam van begrip "sociale-basis" ("soc basis"); een naam mag bij maar één begrip horen',
      expect.stringMatching(/^concepts\/a\.yaml:16:15 {2}wmo\.category: onbekende waarde "wetten"; kies uit: routeplanner, /),
      'concepts/a.yaml:17:12  wmo.short: het korte antwoord is leeg',
      'concepts/a.yaml:21:14  wmo.sources[0].url: de url van de bron moet een openbaar webadres zijn dat begint met https://',
      'concepts/a.yaml:22:13  wmo.colour: onbekend veld "colour" (controleer de spelling)',
      'concepts/a.yaml:23:9  wmo.id: de id "wmo" wordt al gebruikt in concepts/a.yaml:13',
    ]);
  });

  test('a source without url (a publication that is not online) is valid; a url that is there must still be a public https address', async () => {
    const offline = ['    sources:', '      - title: "Platform31 (15 april 2014): Het kan anders en beter (niet meer online)"'];
    const k = makeKnowledgeDir({
      'concepts/a.yaml': ['concepts:', ...conceptYaml({ id: 'vijf-knoppen', term: 'Vijf knoppen' }).split('\n').slice(0, -3), ...offline, ''].join('\n'),
    });
    try {
      const result = await loadKnowledge(k.dir);
      if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
      expect(result.snapshot.concepts[0]!.sources).toEqual([{ title: 'Platform31 (15 april 2014): Het kan anders en beter (niet meer online)' }]);
    } finally {
      k.cleanup();
    }
    const problems = await problemsOf({
      'concepts/a.yaml': ['concepts:', ...conceptYaml({ id: 'x', term: 'X' }).split('\n').slice(0, -1), "        url: ''", ''].join('\n'),
    });
    expect(problems.map(formatProblem)).toEqual(['concepts/a.yaml:12:14  x.sources[0].url: de url van de bron moet een openbaar webadres zijn dat begint met https://']);
  });

  test('a missing field is named', async () => {
    const problems = await problemsOf({ 'concepts/a.yaml': 'concepts:\n  - id: x\n    term: X\n    category: stelsel\n    short: kort\n' });
    expect(problems.map(formatProblem)).toEqual(['concepts/a.yaml:2:5  x.explanation: het veld "explanation" ontbreekt']);
  });

  test('a YAML syntax error is a located problem, not a stack trace, and other files are still checked', async () => {
    const problems = await problemsOf({
      'concepts/a.yaml': 'concepts:\n  - id: x\n    term: [niet gesloten\n',
      'concepts/b.yaml': `concepts:\n${conceptYaml({ id: 'b', term: 'B', related: ['nergens'] })}\n`,
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({ file: 'concepts/a.yaml', line: 4, field: '' });
    expect(problems[0]!.message).toMatch(/^YAML-fout/);
    expect(problems[0]!.message).not.toMatch(/\n|at .*\.js/);
    expect(problems[1]).toMatchObject({ file: 'concepts/b.yaml', field: 'b.related[0]' });
  });

  test('duplicate keys and a file without a concepts list are reported', async () => {
    const problems = await problemsOf({
      'concepts/a.yaml': 'concepts:\n  - id: x\n    id: y\n',
      'concepts/b.yaml': '- id: x\n',
    });
    expect(problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([
      'concepts/a.yaml:3 YAML-fout: hetzelfde veld staat twee keer in één blok; laat er één staan',
      'concepts/b.yaml:1 het bestand moet beginnen met "concepts:" met daaronder de lijst met begrippen',
    ]);
  });

  test('every problem and warning reads in Dutch, zod\'s own messages included', async () => {
    const long = 'x'.repeat(450);
    const k = makeKnowledgeDir({
      'concepts/a.yaml': [
        'concepts:',
        '  - id: Sociale_Basis', //                                        bad id format
        '    term: 2024', //                                                wrong type
        '    aliases: los', //                                              not a list
        '    category: wetten', //                                          not a category
        '    short: kort',
        '    explanation: uitleg',
        '    verified: ja', //                                              not a boolean
        '    related: [bestaat-niet]', //                                   unknown concept
        '    sources:',
        '      - title: Bron',
        '        url: http://www.movisie.nl/', //                           not https
        '    kleur: rood', //                                               unknown field
        '  - id: wmo',
        '    term: Wmo',
        '    category: stelsel',
        `    short: ${long}`, //                                            too long
        '    related: [wmo]', //                                            related to itself; explanation missing
        '  - id: wmo', //                                                   duplicate id
        '    term: Wmo 2015',
        '    aliases: [wmo twintig, Wmo Twintig]', //                       listed twice (warning)
        '    category: stelsel',
        '    short: kort',
        '    explanation: uitleg',
        '',
      ].join('\n'),
      'concepts/b.yaml': 'concepts:\n  - id: x\n    term: [niet gesloten\n', //   YAML syntax error
      'concepts/c.yaml': 'concepts:\n  - id: x\n    id: y\n', //                 duplicate key
      'concepts/d.yaml': '- id: x\n', //                                           no concepts list
      'dialogues/kort.yaml': [
        'id: kort',
        'title: Kort',
        'description: Een kort gesprek.',
        'intro: Welkom.',
        'concepts: [nergens]', //                                           unknown concept
        'steps:',
        '  - id: a',
        '    kind: choice',
        '    title: A',
        '    prompt: Kies.',
        '    choices: [{ id: x, label: X, next: nergens }, { id: x, label: Y }]', // unknown target, duplicate choice id
        '  - id: b',
        '    kind: info',
        '    title: B',
        '    text: Tekst.',
        '    next: b', //                                                   a loop
        '  - id: c', //                                                     unreachable
        '    kind: text',
        '    title: C',
        '    prompt: Vraag?',
        '    maxLength: 100',
        '    branches: [{ when: [{ step: b, in: [x] }, { step: d, min: 2 }], next: einde }]',
        '  - id: c', //                                                     duplicate step id
        '    kind: info',
        '    title: C2',
        '    text: Tekst.',
        '  - id: einde', //                                                 reserved
        '    kind: info',
        '    title: Einde',
        '    text: Tekst.',
        'conclusions:',
        '  - kind: lowest',
        '    steps: [a, q]',
        '    text: Laagste.',
        '',
      ].join('\n'),
      'dialogues/vormen.yaml': [
        'id: vormen',
        'title: Vormen',
        'description: Een gesprek met fouten in de vorm.',
        'intro: Welkom.',
        'steps:',
        '  - id: a',
        '    kind: keuze', //                                               unknown kind
        '    title: A',
        '  - id: b', //                                                     kind missing
        '    title: B',
        '  - id: c',
        '    kind: choice',
        `    title: ${'t'.repeat(70)}`, //                                  too long (own refine)
        '    prompt: Kies.',
        '    choices: [{ id: x, label: X }]', //                            too few choices
        '  - id: d',
        '    kind: text',
        '    title: D',
        '    prompt: Vraag?',
        '    maxLength: 1.5', //                                            not a whole number
        '  - id: e',
        '    kind: text',
        '    title: E',
        '    prompt: Vraag?',
        '    maxLength: 9000', //                                           zod too_big (number)
        '  - id: f',
        '    kind: multi',
        '    title: F',
        '    prompt: Kies.',
        `    choices: [${Array.from({ length: 21 }, (_, i) => `{ id: k${i}, label: K${i} }`).join(', ')}]`, // zod too_big (array)
        '  - id: g',
        '    kind: scale',
        '    title: G',
        '    prompt: Hoe?',
        '    branches: [{ when: [], next: einde }]', //                      too few conditions
        'conclusions:',
        '  - kind: count',
        '    steps: []', //                                                 zod too_small (array)
        '    atMost: 0', //                                                 zod too_small (number)
        '    atLeast: 1',
        '    text: Tekst.',
        '    otherwise: Anders.',
        'kleur: rood', //                                                   unknown field
        '',
      ].join('\n'),
    });
    const notAFolder = makeKnowledgeDir({ concepts: 'geen map' });
    const empty = makeKnowledgeDir({ 'concepts/LEESMIJ.txt': 'x' });
    const unreadable = makeKnowledgeDir({ 'concepts/a.yaml/bewaar': '', 'concepts/b.yaml': 'concepts: []\n' });
    try {
      const results = await Promise.all([k.dir, notAFolder.dir, empty.dir, unreadable.dir, path.join('/nonexistent', 'knowledge')].map(loadKnowledge));
      const problems = results.flatMap((r) => (r.ok ? [] : [...r.problems, ...r.warnings]));
      const messages = problems.map((p) => p.message);

      // the YAML library's own detail line stays as it is (English), after a Dutch prefix
      const ours = messages.map((m) => m.replace(/^(YAML-fout[^:]*): .*$/, '$1'));
      const english = /\b(the|is missing|expected|received|invalid|must|field|step id|there is no|too big|too small|characters|unknown|check|cannot|already|reserved|empty|longer|choose|only)\b/i;
      expect(ours.filter((m) => english.test(m))).toEqual([]);

      const lines = problems.map(formatProblem);
      expect(lines).toEqual(
        expect.arrayContaining([
          'concepts/a.yaml:2:9  Sociale_Basis.id: de id mag alleen kleine letters, cijfers en losse streepjes bevatten, zoals "sociale-basis"',
          'concepts/a.yaml:3:11  Sociale_Basis.term: moet tekst zijn, maar is een getal (2024); zet de waarde tussen aanhalingstekens',
          'concepts/a.yaml:4:14  Sociale_Basis.aliases: moet een lijst zijn, maar is tekst ("los")',
          expect.stringMatching(/^concepts\/a\.yaml:5:15 {2}Sociale_Basis\.category: onbekende waarde "wetten"; kies uit: routeplanner, sociale-kwaliteit, /),
          'concepts/a.yaml:8:15  Sociale_Basis.verified: moet true of false zijn, maar is tekst ("ja")',
          'concepts/a.yaml:12:14  Sociale_Basis.sources[0].url: de url van de bron moet een openbaar webadres zijn dat begint met https://',
          'concepts/a.yaml:13:12  Sociale_Basis.kleur: onbekend veld "kleur" (controleer de spelling)',
          'concepts/a.yaml:14:5  wmo.explanation: het veld "explanation" ontbreekt',
          'concepts/a.yaml:17:12  wmo.short: het korte antwoord is te lang: maximaal 400 tekens (nu 450); zet de details in de uitleg ("explanation")',
          'concepts/a.yaml:18:15  wmo.related[0]: een begrip kan niet naar zichzelf verwijzen; haal deze id weg uit "related"',
          'concepts/a.yaml:19:9  wmo.id: de id "wmo" wordt al gebruikt in concepts/a.yaml:14',
          'concepts/a.yaml:21:28  wmo.aliases[1]: "Wmo Twintig" staat twee keer bij dit begrip',
          expect.stringMatching(/^concepts\/b\.yaml:4:1 {2}YAML-fout \(controleer inspringing, dubbele punten en aanhalingstekens\): \S/),
          'concepts/c.yaml:3:5  YAML-fout: hetzelfde veld staat twee keer in één blok; laat er één staan',
          'concepts/d.yaml:1:1  het bestand moet beginnen met "concepts:" met daaronder de lijst met begrippen',
          'dialogues/vormen.yaml:43:8  vormen.kleur: onbekend veld "kleur" (controleer de spelling)',
          'dialogues/vormen.yaml:7:11  vormen.steps[0].kind: onbekende waarde "keuze"; kies uit: choice, multi, text, scale, info',
          'dialogues/vormen.yaml:9:5  vormen.steps[1].kind: het veld "kind" ontbreekt; kies uit: choice, multi, text, scale, info',
          'dialogues/vormen.yaml:13:12  vormen.steps[2].title: de titel is te lang: maximaal 60 tekens (nu 70)',
          'dialogues/vormen.yaml:15:14  vormen.steps[2].choices: een choice-stap heeft minstens twee keuzes nodig',
          'dialogues/vormen.yaml:20:16  vormen.steps[3].maxLength: moet een geheel getal zijn (zonder komma), maar is 1.5',
          'dialogues/vormen.yaml:25:16  vormen.steps[4].maxLength: is te groot: maximaal 2000 (nu 9000)',
          'dialogues/vormen.yaml:30:14  vormen.steps[5].choices: de lijst is te lang: maximaal 20 (nu 21)',
          'dialogues/vormen.yaml:35:24  vormen.steps[6].branches[0].when: "when" heeft minstens één voorwaarde nodig',
          'dialogues/vormen.yaml:38:12  vormen.conclusions[0].steps: de lijst is te kort: minimaal 1 (nu 0)',
          'dialogues/vormen.yaml:39:13  vormen.conclusions[0].atMost: is te klein: minimaal 1 (nu 0)',
        ]),
      );
      // the graph checks run once the schema holds: a second file, so both kinds are covered
      expect(messages).toEqual(
        expect.arrayContaining([
          'er is geen begrip met id "bestaat-niet"',
          'er is geen begrip met id "nergens"',
          'er is geen stap met id "nergens" (gebruik "einde" om het gesprek te beëindigen)',
          'de keuze "x" staat twee keer in deze stap',
          'stap "b" zit in een lus die nooit bij het einde uitkomt; laat een van de stappen in de lus verder leiden',
          'stap "c" is vanaf de eerste stap nooit te bereiken; laat een "next" of "branches" ernaar leiden, of haal de stap weg',
          'de id "c" wordt al gebruikt door stap 3',
          '"einde" is gereserveerd voor het einde van het gesprek; kies een andere id voor deze stap',
          '"in" werkt alleen bij choice- en multi-stappen; "b" is een info-stap',
          'er is geen stap met id "d"',
          '"a" is een choice-stap; "lowest" werkt alleen met scale-stappen',
          'er is geen stap met id "q"',
          'is geen map (gezocht in ' + path.resolve(notAFolder.dir, 'concepts') + ')',
          'in deze map staan geen begrippenbestanden (*.yaml)',
          'kan niet worden gelezen (het is een map, geen bestand)',
          'kan niet worden gelezen (bestaat niet; gezocht in ' + path.resolve('/nonexistent', 'knowledge') + ')',
        ]),
      );
    } finally {
      for (const d of [k, notAFolder, empty, unreadable]) d.cleanup();
    }
  });

  test('a missing folder, an empty folder and an unreadable file are reported by name', async () => {
    const missing = await loadKnowledge(path.join('/nonexistent', 'knowledge'));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.problems[0]!.message).toMatch(/kan niet worden gelezen \(bestaat niet/);

    expect((await problemsOf({ 'concepts/README.txt': 'x' }))[0]!.message).toBe('in deze map staan geen begrippenbestanden (*.yaml)');

    // a folder named like a concept file cannot be read as one (root ignores file modes, so no chmod here)
    const unreadable = await problemsOf({ 'concepts/a.yaml/keep': '', 'concepts/b.yaml': 'concepts: []\n' });
    expect(unreadable.map(formatProblem)).toEqual(['concepts/a.yaml  kan niet worden gelezen (het is een map, geen bestand)']);
  });
});
