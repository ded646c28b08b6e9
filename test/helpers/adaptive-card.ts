import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import type * as AdaptiveCards from 'adaptivecards';

const require = createRequire(import.meta.url);
/** The official Adaptive Cards library (MIT, a dev dependency); its dist bundle parses and validates in Node without a DOM. */
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

/** Top-level properties for the host, not the card: the library adds `$schema` and does not read Teams' `msteams`. */
const HOST_PROPERTIES = ['$schema', 'msteams'];

/**
 * What the official Adaptive Cards library finds wrong with a 1.5 card, as readable lines (none when it is
 * valid): parse warnings (unknown element or action types, invalid property values), validation errors
 * (choices without a title, duplicate ids, an unsupported version), and every place where the library does
 * not read the card back as given: it drops properties it does not know, so a misspelt one shows up here.
 */
export function cardProblems(card: object): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  const parseEvents = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  const validationEvents = parsed.validateProperties().validationEvents.map((e) => e.message);
  const readBack = parsed.toJSON(new AC.SerializationContext(AC.Versions.v1_5)) as object;
  return [...parseEvents, ...validationEvents, ...differences(withoutHost(card), withoutHost(readBack), 'card')];
}

function withoutHost(card: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(card).filter(([k]) => !HOST_PROPERTIES.includes(k)));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function differences(given: unknown, read: unknown, at: string): string[] {
  if (isDeepStrictEqual(given, read)) return [];
  if (isObject(given) && isObject(read) && Array.isArray(given) === Array.isArray(read)) {
    const keys = new Set([...Object.keys(given), ...Object.keys(read)]);
    return [...keys].flatMap((k) => differences(given[k], read[k], Array.isArray(given) ? `${at}[${k}]` : `${at}.${k}`));
  }
  return [`${at}: the library reads ${JSON.stringify(read) ?? 'nothing'} where the card has ${JSON.stringify(given)}`];
}

/**
 * Teams elements outside the official 1.5 schema that our cards use on purpose, each with a `fallback` of
 * schema elements for other hosts: the charts (`Chart.*`) and `CodeBlock`. Checks of the official schema
 * see the card as such a host does.
 */
export const TEAMS_ONLY_ELEMENT = /^(Chart\.[A-Za-z.]+|CodeBlock)$/;

/** The card as a host without Teams' own elements renders it: each of them replaced by its fallback. */
export function withFallbacks<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => withFallbacks(v)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if (typeof record['type'] === 'string' && TEAMS_ONLY_ELEMENT.test(record['type'])) {
    if (typeof record['fallback'] !== 'object') throw new Error(`${record['type']} without a fallback element`);
    return withFallbacks(record['fallback']) as T;
  }
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, withFallbacks(v)])) as T;
}

