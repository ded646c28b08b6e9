import { analyseDescriptions, descriptionIndexSteps, descriptionText, type DescriptionIndex } from '../../../src/knowledge/description-index.js';
import { askedKindPositions } from '../../../src/knowledge/asked-kind.js';
import { particleJoins, queryTokens } from '../../../src/knowledge/normalize.js';
import { publisherOf, publisherPhrases, publisherPositions } from '../../../src/knowledge/publishers.js';
import type { Concept } from '../../../src/knowledge/schema.js';
import { createSearchIndex } from '../../../src/knowledge/search.js';
import { concept as baseConcept } from '../../helpers/concept.js';

/** The mechanisms of the third round of issue 14, part 3: descriptions, publishers and the kind asked for. */

function concept(id: string, term: string, short: string, more: Partial<Concept> = {}): Concept {
  return baseConcept(id, term, [], { short, explanation: 'Meer uitleg volgt.', ...more });
}

const cite = (publisher: string): Concept['sources'] => [{ title: `${publisher}: een publicatie`, url: 'https://example.org/a' }];

const concepts = [
  concept('sociale-cohesie', 'Sociale cohesie', 'De banden, het vertrouwen en de gedeelde normen tussen mensen in een buurt.', { category: 'sociale-kwaliteit', sources: cite('Movisie') }),
  concept('vroegsignalering', 'Vroegsignalering', 'Zorgen bij iemand vroeg opmerken, zodat lichte hulp op tijd kan komen.', { sources: cite('Movisie') }),
  concept('algemene-voorziening', 'Algemene voorziening', 'Hulp zonder onderzoek vooraf, zoals een maaltijdservice of boodschappendienst.', { sources: cite('Verwey-Jonker Instituut') }),
  concept('maatwerkvoorziening', 'Maatwerkvoorziening', 'Hulp na een onderzoek en een besluit, zoals een rolstoel of begeleiding.', { sources: cite('Verwey-Jonker Instituut') }),
  concept('sociale-kwaliteit', 'Sociale kwaliteit', 'Hoe goed mensen samenleven, in vier condities.', { category: 'sociale-kwaliteit', sources: cite('Movisie') }),
  concept('zekerheid', 'Sociaaleconomische zekerheid', 'Genoeg inkomen, goed wonen en werk: een conditie van sociale kwaliteit.', { category: 'sociale-kwaliteit', sources: cite('Verwey-Jonker Instituut') }),
  concept('kwetsbare-inwoners', 'Inwoners in een kwetsbare positie', 'Mensen die moeilijk zelf rondkomen.', { aliases: ['kwetsbare inwoners'], sources: cite('Movisie') }),
  concept('movisie', 'Movisie', 'Het landelijk kennisinstituut voor het sociaal domein.', { aliases: ['kennisinstituut movisie'], category: 'organisaties' }),
  concept('verwey-jonker', 'Verwey-Jonker Instituut', 'Een onderzoeksbureau voor sociale vraagstukken.', { aliases: ['verwey jonker'], category: 'organisaties' }),
  concept('mantelzorg', 'Mantelzorg', 'Onbetaalde zorg voor een naaste.', { aliases: ['mantelzorger'] }),
  concept('vrijwilligers', 'Vrijwilligers', 'Mensen die onbetaald werk doen, zoals mantelzorg naast hun baan.', { aliases: ['vrijwilliger'] }),
];

const built = (): DescriptionIndex => {
  const steps = descriptionIndexSteps(analyseDescriptions(concepts), { maxCandidateShare: 0.5, maxCandidates: 200, unknownWeight: 0.5 });
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
};

describe('the description index', () => {
  const index = built();
  const score = (q: string): Array<[string, number]> =>
    [...index.score(queryTokens(q).map((t) => [{ stem: t.stem, sim: 1 }]))]
      .map(([i, shares]): [string, number] => [concepts[i]!.id, shares.reduce((a, b) => a + b, 0)])
      .sort((a, b) => b[1] - a[1]);

  test('a concept is described by its short answer, the first paragraph of its explanation and its category', () => {
    const text = descriptionText(concept('x', 'X', 'Kort antwoord.', { explanation: 'Eerste alinea.\n\nTweede alinea.', category: 'sturen-leren' }));
    expect(text).toContain('Kort antwoord.');
    expect(text).toContain('Eerste alinea.');
    expect(text).not.toContain('Tweede alinea.');
    expect(text).toContain('sturen leren');
  });

  test('a paraphrase that names no concept word ranks the concept it describes first', () => {
    expect(score('onderling vertrouwen en banden tussen buurtbewoners')[0]?.[0]).toBe('sociale-cohesie');
    expect(score('zorgen bij mensen vroeg opmerken')[0]?.[0]).toBe('vroegsignalering');
  });

  test('each query word gets a share of the score, weighed by its rarity; a word no description has weighs too, and matches nothing', () => {
    const [best] = score('vertrouwen banden');
    const [withUnknown] = score('vertrouwen banden xyzzy');
    expect(best?.[1]).toBeGreaterThan(withUnknown![1]);
    expect(withUnknown?.[0]).toBe('sociale-cohesie');
    expect(score('xyzzy quux')).toEqual([]);
  });

  test('a word in more than the candidate share of descriptions opens no candidates of its own', () => {
    // "hulp" is in 3 of 11 descriptions; with a share of 0.2 (2 concepts) it opens none
    const steps = descriptionIndexSteps(analyseDescriptions(concepts), { maxCandidateShare: 0.2, maxCandidates: 200, unknownWeight: 0.5 });
    let r = steps.next();
    while (!r.done) r = steps.next();
    expect(r.value.score(queryTokens('hulp').map((t) => [{ stem: t.stem, sim: 1 }])).size).toBe(0);
    expect(index.score(queryTokens('hulp').map((t) => [{ stem: t.stem, sim: 1 }])).size).toBe(3);
  });
});

test('the rarest words open candidates first, up to the cap: a query scores a short list on a large base', () => {
  const steps = descriptionIndexSteps(analyseDescriptions(concepts), { maxCandidateShare: 1, maxCandidates: 1, unknownWeight: 0.5 });
  let r = steps.next();
  while (!r.done) r = steps.next();
  // "hulp" is in three descriptions, "maaltijdservice" in one: that one is scored, the other two are not
  const scored = r.value.score(queryTokens('hulp maaltijdservice').map((t) => [{ stem: t.stem, sim: 1 }]));
  expect([...scored.keys()].map((i) => concepts[i]!.id)).toEqual(['algemene-voorziening']);
});

describe('lookup with descriptions (a weaker signal than names)', () => {
  const lookup = createSearchIndex(concepts);
  const result = (q: string): { outcome: string; ids: string[] } => {
    const r = lookup.lookup(q);
    return { outcome: r.outcome, ids: r.hits.map((h) => h.concept.id) };
  };

  test('a description match is offered as "bedoelde je", never as a confident answer', () => {
    expect(result('vertrouwen en banden in de buurt')).toEqual({ outcome: 'suggest', ids: ['sociale-cohesie'] });
    expect(result('maaltijdservice zonder onderzoek, hoe heet zo een voorziening').ids[0]).toBe('algemene-voorziening');
  });

  test('a confident name match is never touched by the descriptions', () => {
    expect(result('wat is mantelzorg')).toEqual({ outcome: 'match', ids: ['mantelzorg'] });
  });

  test('nothing near in names or descriptions is still no answer; nor is one word shared with a description', () => {
    expect(result('recept voor pannenkoeken').outcome).toBe('none');
    // "maaltijdservice" is in one description only: a strong word, but one word is no reading of the question
    expect(result('maaltijdservice').outcome).toBe('none');
    expect(result('maaltijdservice zonder onderzoek').outcome).toBe('suggest');
  });

  test('in a comparison of two named concepts the one named first stays first, whatever their texts say of each other', () => {
    // the description of vrijwilligers speaks of mantelzorg, not the other way round
    expect(result('verschil mantelzorg en vrijwilliger').ids.slice(0, 2)).toEqual(['mantelzorg', 'vrijwilligers']);
  });
});

describe('a publisher sets the scene', () => {
  test('the publisher of a source is the name before its colon, without a date in brackets', () => {
    expect(publisherOf('Platform31 (15 april 2014): Het kan anders en beter')).toBe('platform31');
    expect(publisherOf('Movisie, jaarverslag 2024: cijfers')).toBe('movisie');
    expect(publisherOf('Wet maatschappelijke ondersteuning 2015 (wetten.overheid.nl)')).toBeUndefined();
  });

  test('a name cited by three concepts or more is a publisher, with every name of the concept that is it', () => {
    const phrases = publisherPhrases(concepts).map((p) => p.join(' '));
    expect(phrases).toEqual(expect.arrayContaining(['movisie', 'verwey jonker', 'kenisinstitut movisie']));
    const positions = publisherPositions(queryTokens('wat zegt verwey jonker over hulp'), publisherPhrases(concepts));
    expect([...positions]).toEqual([1, 2]);
  });

  test('beside another topic the topic is the question; alone the publisher is', () => {
    const lookup = createSearchIndex(concepts);
    expect(lookup.lookup('wat verstaat movisie onder inwoners in een kwetsbare positie').hits[0]?.concept.id).toBe('kwetsbare-inwoners');
    expect(lookup.lookup('wat doet movisie')).toMatchObject({ outcome: 'match', hits: [{ concept: { id: 'movisie' } }] });
    // a publisher in the topic is no topic of its own: what comes after "over" is the question
    expect(lookup.lookup('wat zegt verwey jonker over mantelzorg').hits[0]?.concept.id).toBe('mantelzorg');
    // a publisher with words nothing explains is no confident answer either
    expect(lookup.lookup('movisie parkeervergunning').outcome).not.toBe('match');
  });
});

describe('the kind asked for after a description', () => {
  test('"welke", "wat voor" or "zo\'n" after other words: the words after it', () => {
    expect([...askedKindPositions('grip op inkomen en wonen, welke conditie van sociale kwaliteit is dat')]).toEqual([3, 4, 5]);
    expect([...askedKindPositions('maaltijdservice zonder indicatie, hoe heet zo\'n voorziening')]).toEqual([3]);
    expect([...askedKindPositions('welke wet regelt de bijstand')]).toEqual([]);
  });

  test('the kind is scene: the concept described goes before the category named', () => {
    const lookup = createSearchIndex(concepts);
    expect(lookup.lookup('genoeg inkomen en goed wonen, welke conditie van sociale kwaliteit is dat').hits[0]?.concept.id).toBe('zekerheid');
  });
});

describe('a separable verb split over the question', () => {
  test('the particle is joined with each word before it, filler or not', () => {
    expect(particleJoins('hoe doen inwoners mee')).toEqual([{ at: 1, joined: ['meehoe', 'meedoen', 'meeinwoners'] }]);
    expect(particleJoins('wat is samenwerking')).toEqual([]);
  });

  test('"werk ... samen" reaches samenwerking, "denk ... mee" what meedenken means', () => {
    const lookup = createSearchIndex(
      [
        concept('samenwerking', 'Samenwerking tussen gemeente en welzijn', 'Hoe partners samen optrekken.'),
        concept('gemeente', 'Gemeente', 'Het lokale bestuur.'),
        concept('inspraak', 'Inspraak', 'Bewoners praten mee over beleid.'),
      ],
      { synonyms: [{ means: 'inspraak', say: ['meedenken'] }] },
    );
    expect(lookup.lookup('hoe werk je als gemeente goed samen met welzijn').hits[0]?.concept.id).toBe('samenwerking');
    expect(lookup.lookup('hoe denken bewoners mee').hits[0]?.concept.id).toBe('inspraak');
  });
});
