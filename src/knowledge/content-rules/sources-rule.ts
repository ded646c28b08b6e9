import type { Problem } from '../problems.js';
import type { ConceptAnswer } from './content-input.js';
import { judgeSourceUrl, type SourceVerdict } from './source-hosts.js';

/** A year from 1800 to 2099: a source that is not online must at least be dated in its title. */
const YEAR = /\b(1[89]|20)\d\d\b/;
const OFFLINE_WITHOUT_YEAR =
  'deze bron heeft geen url, dus de titel is de hele verwijzing: noem de uitgever, de titel en de datum, zoals "Platform31 (15 april 2014): Het kan anders en beter (niet meer online)"';

/** Every fact is cited from a page an official can quote: the publisher's own page, or the law on wetten.overheid.nl. */
export function sourceWarnings(answers: readonly ConceptAnswer[]): Problem[] {
  const warnings: Problem[] = [];
  for (const { concept, yaml, index } of answers) {
    if (concept.verified && concept.sources.length === 0) {
      warnings.push(yaml.problemAt(['concepts', index, 'id'], `${concept.id}.sources`, 'er staan geen bronnen ("sources") bij dit geverifieerde begrip; voeg een bron toe of zet "verified: false"'));
    }
    concept.sources.forEach((source, i) => {
      if (source.url === undefined) {
        // a publication that is not online is cited by its title alone, so the title must date it
        if (!YEAR.test(source.title)) warnings.push(yaml.problemAt(['concepts', index, 'sources', i, 'title'], `${concept.id}.sources[${i}].title`, OFFLINE_WITHOUT_YEAR));
        return;
      }
      const verdict = judgeSourceUrl(source.url);
      if (verdict) warnings.push(yaml.problemAt(['concepts', index, 'sources', i, 'url'], `${concept.id}.sources[${i}].url`, messageOf(verdict)));
    });
  }
  return warnings;
}

function messageOf(verdict: NonNullable<SourceVerdict>): string {
  switch (verdict.kind) {
    case 'mirror':
      return `${verdict.host} zet kopieën van documenten van anderen online; dat is geen bron. Verwijs naar de pagina van de uitgever zelf`;
    case 'aggregator':
      return `${verdict.host} is een commerciële verzamelsite of een site met persberichten; verwijs naar de pagina van de uitgever zelf`;
    case 'comment':
      return 'dit is een reactie van een lezer, geen bron; verwijs naar het artikel zelf of naar een andere bron';
    case 'home-page':
      return `dit is alleen de voorpagina van ${verdict.host}; verwijs naar de pagina waar het feit staat`;
  }
}
