import type { Concept } from '../src/knowledge/schema.js';
import { seededRandom } from './stats.js';

const SYLLABLES = (
  'zorg wijk ont moet ver bin ding sa men le ving hulp werk be leid geld kos ten ba ten jeugd wet par ti ci pa tie ' +
  'vrij wil li ger man tel pre ven ven tie sig na le ring ge meen te bur ger kracht net werk struc tuur ' +
  'maat schap pe lijk on der steu ning be ta ling schuld woon kern dorp stad buurt huis plein school sport ' +
  'cul tuur kunst spel tuin markt haven brug veld bos water licht'
).split(' ');

/** A knowledge base of `n` concepts with Dutch-like compound terms of one to three words and one or two aliases. */
export function generateConcepts(n: number, seed = 42): Concept[] {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const word = (): string => Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(SYLLABLES)).join('');
  const vocabulary = Array.from(new Set(Array.from({ length: Math.max(400, n) }, word)));
  const used = new Set<string>();
  const name = (): string => {
    for (;;) {
      const words = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(vocabulary));
      const candidate = words.join(' ');
      if (!used.has(candidate)) {
        used.add(candidate);
        return candidate;
      }
    }
  };
  return Array.from({ length: n }, (_, i) => {
    const term = name();
    return {
      id: `c${i}`,
      term: term[0]!.toUpperCase() + term.slice(1),
      aliases: Array.from({ length: 1 + Math.floor(rnd() * 2) }, name),
      questions: [],
      category: 'sociale-basis',
      short: `Korte uitleg ${i}.`,
      explanation: `Uitleg ${i}.`,
      related: [],
      sources: [],
      verified: true,
    };
  });
}

/** One typo (substitution, deletion, insertion or transposition) in the longest word of the term. */
export function oneTypo(term: string, rnd: () => number): string {
  const words = term.toLowerCase().split(' ');
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  const i = 1 + Math.floor(rnd() * (longest.length - 2));
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const ops = [
    (w: string) => w.slice(0, i) + letters[Math.floor(rnd() * 26)] + w.slice(i + 1),
    (w: string) => w.slice(0, i) + w.slice(i + 1),
    (w: string) => w.slice(0, i) + letters[Math.floor(rnd() * 26)] + w.slice(i),
    (w: string) => w.slice(0, i - 1) + w[i] + w[i - 1] + w.slice(i + 1),
  ];
  const typo = ops[Math.floor(rnd() * ops.length)]!(longest);
  return words.map((w) => (w === longest ? typo : w)).join(' ');
}
