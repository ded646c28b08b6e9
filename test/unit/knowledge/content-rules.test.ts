import { loadKnowledge, readAndValidate } from '../../../src/knowledge/load.js';
import { judgeSourceUrl } from '../../../src/knowledge/content-rules/source-hosts.js';
import { contentOf, linesOf, textConcept } from '../../helpers/content-check.js';
import { makeKnowledgeDir } from '../../helpers/knowledge-dir.js';

/** The content rules on concepts: sources, plain Dutch at B1, abbreviations, sentences repeated across concepts. */

const concepts = (...entries: string[]): string => `concepts:\n${entries.join('\n')}\n`;

describe('sources', () => {
  const file = concepts(
    textConcept({
      id: 'kopieen',
      short: 'Kort.',
      explanation: 'Uitleg.',
      sources: [
        'https://5dok.net/article/verantwoorden-sociaal-werk.q2n8',
        'https://nl.slideshare.net/movisie/sociale-basis-presentatie',
        'https://docplayer.nl/12345678-rapport-sociale-basis.html',
        'https://ntvg.nl/comment/8638',
        'https://www.perssupport.nl/persbericht/123456/sociale-kwaliteit',
        'https://www.overheidinfo.nl/nieuws/participatiewet',
        'https://www.platform31.nl',
      ],
    }),
    textConcept({
      id: 'goede-bronnen',
      short: 'Kort.',
      explanation: 'Uitleg.',
      sources: [
        'https://www.platform31.nl/publicaties/het-kan-anders-en-beter/',
        'https://www.ntvg.nl/artikelen/positieve-gezondheid',
        'https://wetten.overheid.nl/BWBR0035362/',
        'https://www.movisie.nl/artikel/sociale-basis',
      ],
    }),
    textConcept({ id: 'zonder-bron', short: 'Kort.', explanation: 'Uitleg.', sources: [] }),
    textConcept({ id: 'vakkennis', short: 'Kort.', explanation: 'Uitleg.', sources: [], verified: false }),
  );

  test('a mirror, a reader comment, an aggregator, a bare home page and a verified concept without sources are warned about, with their place', async () => {
    const mirror = (host: string) => `${host} zet kopieën van documenten van anderen online; dat is geen bron. Verwijs naar de pagina van de uitgever zelf`;
    const aggregator = (host: string) => `${host} is een commerciële verzamelsite of een site met persberichten; verwijs naar de pagina van de uitgever zelf`;
    expect(linesOf(await contentOf({ 'concepts/a.yaml': file }), 'sources')).toEqual([
      `concepts/a.yaml:11:14  kopieen.sources[0].url: ${mirror('5dok.net')}`,
      `concepts/a.yaml:13:14  kopieen.sources[1].url: ${mirror('nl.slideshare.net')}`,
      `concepts/a.yaml:15:14  kopieen.sources[2].url: ${mirror('docplayer.nl')}`,
      'concepts/a.yaml:17:14  kopieen.sources[3].url: dit is een reactie van een lezer, geen bron; verwijs naar het artikel zelf of naar een andere bron',
      `concepts/a.yaml:19:14  kopieen.sources[4].url: ${aggregator('perssupport.nl')}`,
      `concepts/a.yaml:21:14  kopieen.sources[5].url: ${aggregator('overheidinfo.nl')}`,
      'concepts/a.yaml:23:14  kopieen.sources[6].url: dit is alleen de voorpagina van platform31.nl; verwijs naar de pagina waar het feit staat',
      'concepts/a.yaml:40:9  zonder-bron.sources: er staan geen bronnen ("sources") bij dit geverifieerde begrip; voeg een bron toe of zet "verified: false"',
    ]);
  });

  test('a source without url needs a year in its title, since the title is the whole citation', async () => {
    const offline = concepts(
      textConcept({
        id: 'niet-online',
        short: 'Kort.',
        explanation: 'Uitleg.',
        sources: [
          { title: "Platform31 (15 april 2014): Het kan anders en beter. Handreiking sociale duurzaamheid in collegeprogramma's 2014–2018 (niet meer online)" },
          { title: 'Platform31: Het kan anders en beter (niet meer online)' },
          'https://www.movisie.nl/artikel/sociale-basis',
        ],
      }),
    );
    expect(linesOf(await contentOf({ 'concepts/a.yaml': offline }), 'sources')).toEqual([
      'concepts/a.yaml:11:16  niet-online.sources[1].title: deze bron heeft geen url, dus de titel is de hele verwijzing: noem de uitgever, de titel en de datum, zoals "Platform31 (15 april 2014): Het kan anders en beter (niet meer online)"',
    ]);
  });

  test.each([
    ['https://www.platform31.nl/', 'home-page'],
    ['https://issuu.com/movisie/docs/magazine', 'mirror'],
    ['https://www.studeersnel.nl/nl/document/hogeschool/samenvatting', 'mirror'],
    ['https://ntvg.nl/comment/8638', 'comment'],
    ['https://ntvg.nl/artikelen/wat-is-gezondheid', undefined],
    ['https://www.platform31.nl/?zoek=knoppen', undefined],
    ['https://mijn5dok.net/document', undefined],
  ])('%s is judged %s', (url, kind) => {
    expect(judgeSourceUrl(url)?.kind).toBe(kind);
  });
});

describe('plain Dutch at B1', () => {
  // 15 words, 26 words (over 25) and 14 words (real sentences from the shipped concepts, adapted)
  const fifteen = 'Met de wet ondersteunen gemeenten inwoners bij zelfredzaamheid en meedoen, en regelen ze beschermd wonen.';
  const twentySix =
    'De vier vragen helpen je om samen te bepalen wat je wilt behouden, hoe je bijdraagt aan welzijn, welke cijfers je hebt en wat echt werkt.';
  const fourteen = 'Een algemene voorziening is vrij toegankelijk, zonder een onderzoek naar je persoonlijke situatie vooraf.';

  test('a short answer over 14 words per sentence on average, an explanation over 15 and any sentence over 25 are warned about', async () => {
    const report = await contentOf({
      'concepts/a.yaml': concepts(
        textConcept({ id: 'gemiddeld-te-lang', short: `${fifteen} ${fifteen}`, explanation: `${fifteen}\n${fifteen}` }),
        textConcept({ id: 'lange-zin', short: twentySix, explanation: `Dit is kort.\nNog een korte zin.\n\n${twentySix}` }),
        textConcept({ id: 'precies-goed', short: `${fourteen} ${fourteen}`, explanation: `${fifteen}\n\n- ${fifteen}` }),
      ),
    });
    const long = (n: number) => `de zin "De vier vragen helpen je om …" heeft ${n} woorden; voor taalniveau B1 is dat hoogstens 25. Maak er twee zinnen van`;
    expect(linesOf(report, 'readability')).toEqual([
      'concepts/a.yaml:5:12  gemiddeld-te-lang.short: het korte antwoord heeft gemiddeld 15,0 woorden per zin; voor taalniveau B1 is dat hoogstens 14. Maak de zinnen korter',
      'concepts/a.yaml:16:12  lange-zin.short: het korte antwoord heeft gemiddeld 26,0 woorden per zin; voor taalniveau B1 is dat hoogstens 14. Maak de zinnen korter',
      `concepts/a.yaml:17:7  lange-zin.short: ${long(26)}`,
      `concepts/a.yaml:22:7  lange-zin.explanation: ${long(26)}`,
    ]);
  });

  test('an explanation over 15 words per sentence on average is warned about at the field', async () => {
    const report = await contentOf({
      'concepts/a.yaml': concepts(textConcept({ id: 'uitleg', short: 'Kort en goed.', explanation: `${fifteen}\n${fifteen} Nog een zin die vrij lang is met zeventien woorden erin, zodat het gemiddelde nu wel stijgt.` })),
    });
    expect(linesOf(report, 'readability')).toEqual([
      'concepts/a.yaml:7:18  uitleg.explanation: de uitleg heeft gemiddeld 15,7 woorden per zin; voor taalniveau B1 is dat hoogstens 15. Maak de zinnen korter',
    ]);
  });
});

describe('abbreviations spelled out at first use in each answer', () => {
  const abbreviations = [
    'abbreviations:',
    '  - { abbr: Wmo, full: "Wet maatschappelijke ondersteuning" }',
    '  - { abbr: VNG, full: "Vereniging van Nederlandse Gemeenten" }',
    '  - { abbr: VWS, full: "Volksgezondheid, Welzijn en Sport" }',
    '',
  ].join('\n');

  test('an abbreviation used before its full form is warned about at the sentence; spelled out earlier or in the same sentence is fine', async () => {
    const report = await contentOf({
      'abbreviations.yaml': abbreviations,
      'concepts/a.yaml': concepts(
        textConcept({ id: 'eerst-voluit', short: 'De Wet maatschappelijke ondersteuning (Wmo) regelt hulp.', explanation: 'De Wmo kent twee soorten voorzieningen.' }),
        textConcept({ id: 'erachter', short: 'De Wmo (wet maatschappelijke óndersteuning) regelt hulp.', explanation: 'Het ministerie van VWS (Volksgezondheid Welzijn en Sport) betaalt mee.' }),
        textConcept({ id: 'nooit-voluit', short: 'De VNG helpt gemeenten.', explanation: 'Ook de Wmo-consulent telt.\nDaarna volgt pas de Wet maatschappelijke ondersteuning.' }),
        textConcept({ id: 'geen-gebruik', short: 'Zie vng.nl en de wmo-site; VNGers zijn leden.', explanation: 'Geen afkortingen hier.' }),
      ),
    });
    const spell = (abbr: string, full: string) =>
      `de afkorting "${abbr}" staat hier voor het eerst in dit antwoord, zonder uitleg; schrijf hem de eerste keer voluit: ${full} (${abbr})`;
    expect(linesOf(report, 'abbreviations')).toEqual([
      `concepts/a.yaml:26:7  nooit-voluit.short: ${spell('VNG', 'Vereniging van Nederlandse Gemeenten')}`,
      `concepts/a.yaml:28:7  nooit-voluit.explanation: ${spell('Wmo', 'Wet maatschappelijke ondersteuning')}`,
    ]);
  });

  test('each answer counts on its own: a full form in another concept does not help', async () => {
    const report = await contentOf({
      'abbreviations.yaml': abbreviations,
      'concepts/a.yaml': concepts(
        textConcept({ id: 'vng', short: 'De Vereniging van Nederlandse Gemeenten (VNG) werkt voor gemeenten.', explanation: 'Uitleg.' }),
        textConcept({ id: 'monitoring', short: 'Meten en volgen.', explanation: 'Gebruik de cijfers van de VNG.' }),
      ),
    });
    expect(report.warnings.map((w) => `${w.rule} ${w.field}`)).toEqual(['abbreviations monitoring.explanation']);
  });
});

describe('no sentence repeated across concepts', () => {
  const survey = 'In een peiling onder sociaalwerkorganisaties wilde twee derde meer flexibiliteit van gemeenten.';
  test('the same sentence of six words or more in two concepts is warned about at the second, naming the first', async () => {
    const report = await contentOf({
      'concepts/a.yaml': concepts(
        textConcept({ id: 'peiling', short: 'Over de peiling.', explanation: `Eerst iets anders.\n${survey} En verder.` }),
        textConcept({ id: 'eigen-herhaling', short: 'Twee derde wil meer ruimte van de gemeente.', explanation: 'Twee derde wil meer ruimte van de gemeente.' }),
      ),
      'concepts/b.yaml': concepts(
        // case, spacing and punctuation differ; the words are the same
        textConcept({ id: 'flexibiliteit', short: 'Over flexibiliteit.', explanation: `Ja.\nIn een peiling onder sociaalwerkorganisaties   wilde twee derde\nmeer flexibiliteit van GEMEENTEN!` }),
        textConcept({ id: 'kort', short: 'Over de peiling.', explanation: 'Nog een zin hier.' }),
      ),
    });
    expect(linesOf(report, 'duplicate-sentences')).toEqual([
      'concepts/b.yaml:9:7  flexibiliteit.explanation: deze zin staat ook in begrip "peiling" (peiling.explanation, concepts/a.yaml:9); schrijf hem op één plek en verwijs ernaar met "related"',
    ]);
  });
});

describe('where the content rules run', () => {
  const files = { 'concepts/a.yaml': concepts(textConcept({ id: 'kaal', short: 'Kort.', explanation: 'Uitleg.', sources: ['https://5dok.net/doc'] })) };

  test('a reload (no content rules asked for) neither runs them nor reports their warnings', async () => {
    const k = makeKnowledgeDir(files);
    try {
      const validated = await readAndValidate(k.dir);
      expect(validated.content).toBeUndefined();
      const loaded = await loadKnowledge(k.dir);
      expect(loaded.ok && loaded.snapshot.warnings).toEqual([]);
    } finally {
      k.cleanup();
    }
  });

  test('validate asks for them and counts the warnings per rule', async () => {
    expect((await contentOf(files)).warningsPerRule).toEqual({ sources: 1, readability: 0, abbreviations: 0, 'team-address': 0, 'duplicate-sentences': 0 });
  });
});
