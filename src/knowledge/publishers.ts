import { conceptNames } from './concept-names.js';
import { foldText, nameTokens, type Token } from './normalize.js';
import type { Concept } from './schema.js';

/**
 * The publishers and institutes the knowledge cites (Movisie, Verwey-Jonker, Platform31, Sociaal Werk Nederland,
 * VNG, ...), found in the sources themselves: the name before the colon of a source title ("Movisie: Wat is de
 * sociale basis precies?") that several concepts cite. Next to another topic such a name only sets the scene:
 * "wat verstaat movisie onder kwetsbare inwoners" asks about kwetsbare inwoners; "wat doet movisie" still asks
 * about Movisie.
 */

/** A publisher is a name cited before the colon by at least this many concepts' sources. */
export const MIN_PUBLISHER_CITATIONS = 3;

/** The name a source title starts with: "Platform31 (15 april 2014): ..." -> "platform31"; undefined without a colon. */
export function publisherOf(title: string): string | undefined {
  const colon = title.indexOf(':');
  if (colon <= 0) return undefined;
  const name = foldText(title.slice(0, colon).replace(/\([^)]*\)/g, ' ').split(',')[0]!);
  return name.length > 0 ? name : undefined;
}

/**
 * The stems of every name a publisher goes by: the name in the sources and, when a concept is that publisher,
 * all its names too ("verwey jonker", "vji").
 */
export function publisherPhrases(concepts: readonly Concept[]): string[][] {
  const citedBy = new Map<string, Set<string>>();
  for (const concept of concepts) {
    for (const source of concept.sources) {
      const name = publisherOf(source.title);
      if (name === undefined) continue;
      const by = citedBy.get(name) ?? new Set<string>();
      by.add(concept.id);
      citedBy.set(name, by);
    }
  }
  const publishers = new Set([...citedBy].filter(([, by]) => by.size >= MIN_PUBLISHER_CITATIONS).map(([name]) => name));
  const phrases = new Map<string, string[]>();
  const add = (name: string): void => {
    const stems = nameTokens(name).map((t) => t.stem);
    if (stems.length > 0) phrases.set(stems.join(' '), stems);
  };
  for (const name of publishers) add(name);
  for (const concept of concepts) {
    const names = conceptNames(concept);
    if (names.some((n) => publishers.has(foldText(n)))) for (const n of names) add(n);
  }
  return [...phrases.values()];
}

/** The query positions a publisher's name takes, word for word. */
export function publisherPositions(tokens: readonly Token[], phrases: readonly (readonly string[])[]): Set<number> {
  const positions = new Set<number>();
  for (const stems of phrases) {
    for (let i = 0; i + stems.length <= tokens.length; i++) {
      if (stems.every((s, k) => tokens[i + k]!.stem === s)) for (let k = 0; k < stems.length; k++) positions.add(i + k);
    }
  }
  return positions;
}
