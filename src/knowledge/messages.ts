import type { z } from 'zod';

/**
 * Dutch wording for zod's own issues (wrong type, too long, unknown value, unknown field, ...), so every
 * problem an admin sees reads in Dutch. Passed per parse (`schema.safeParse(data, { error: dutchIssue })`),
 * never set globally: other zod users in the process keep their own messages. A message set on a schema
 * itself (a refine with a Dutch hint) still wins over this one.
 *
 * A problem line already names the field (`wmo.short: ...`), so these messages start with the verb.
 */
export function dutchIssue(issue: z.core.$ZodRawIssue): string {
  const input: unknown = issue.input;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return missing(issue.path);
      return wrongType(issue.expected, input);
    case 'invalid_value':
      if (input === undefined) return missing(issue.path);
      return notAnOption(input, issue.values);
    case 'invalid_union': {
      const options: unknown = issue['options'];
      if (issue.discriminator === undefined || !Array.isArray(options)) return 'past bij geen van de toegestane vormen; controleer de velden en hun waarden';
      // a discriminated union (`kind`): the issue is about the whole entry, the path ends at the discriminator
      if (!isRecord(input)) return wrongType('object', input);
      const value = input[issue.discriminator];
      if (value === undefined) return `het veld "${issue.discriminator}" ontbreekt; kies uit: ${options.map(String).join(', ')}`;
      return notAnOption(value, options);
    }
    case 'too_big':
      return tooBig(issue.origin, issue.maximum, issue.inclusive !== false, input);
    case 'too_small':
      return tooSmall(issue.origin, issue.minimum, issue.inclusive !== false, input);
    case 'invalid_format':
      if (issue.format === 'url') return 'moet een geldig webadres zijn, zoals https://www.voorbeeld.nl/';
      if (issue.format === 'email') return 'moet een geldig e-mailadres zijn';
      return 'heeft niet de goede vorm';
    case 'not_multiple_of':
      return `moet een veelvoud van ${issue.divisor} zijn`;
    case 'unrecognized_keys':
      return unknownFields(issue.keys);
    case 'invalid_key':
      return 'bevat een ongeldige sleutel';
    case 'invalid_element':
      return 'bevat een ongeldige waarde';
    default:
      return 'klopt niet';
  }
}

/** `onbekend veld "colour" (controleer de spelling)` */
function unknownFields(keys: readonly string[]): string {
  const names = keys.map((k) => `"${k}"`).join(', ');
  return keys.length === 1 ? `onbekend veld ${names} (controleer de spelling)` : `onbekende velden ${names} (controleer de spelling)`;
}

function missing(path: readonly PropertyKey[] | undefined): string {
  const key = path?.at(-1);
  return typeof key === 'string' ? `het veld "${key}" ontbreekt` : 'er ontbreekt een waarde';
}

const EXPECTED: Record<string, string> = {
  string: 'moet tekst zijn',
  number: 'moet een getal zijn',
  int: 'moet een geheel getal zijn (zonder komma)',
  boolean: 'moet true of false zijn',
  array: 'moet een lijst zijn',
  object: 'moet een blok met velden zijn',
};

function wrongType(expected: string, input: unknown): string {
  const want = EXPECTED[expected] ?? 'heeft niet het goede soort waarde';
  // 1.5 where a whole number is needed: the kind is right, the value is not
  if (expected === 'int' && typeof input === 'number') return `${want}, maar is ${input}`;
  const hint = expected === 'string' && (typeof input === 'number' || typeof input === 'boolean') ? '; zet de waarde tussen aanhalingstekens' : '';
  return `${want}, maar is ${describe(input)}${hint}`;
}

/** What a YAML value is, in words: `een getal (2024)`, `tekst ("ja")`, `leeg`. */
function describe(input: unknown): string {
  if (input === null) return 'leeg';
  if (Array.isArray(input)) return 'een lijst';
  switch (typeof input) {
    case 'string':
      return input.length <= 40 ? `tekst ("${input}")` : 'tekst';
    case 'number':
      return `een getal (${input})`;
    case 'boolean':
      return `de waarde ${input}`;
    case 'object':
      return 'een blok met velden';
    default:
      return 'een onbekend soort waarde';
  }
}

/** A value that is not one of `options`: `onbekende waarde "wetten"; kies uit: routeplanner, ...` */
function notAnOption(input: unknown, options: readonly unknown[]): string {
  const list = options.map(String).join(', ');
  if (options.length === 1) return `moet ${literal(options[0])} zijn, maar is ${describe(input)}`;
  if (input === null) return `is leeg; kies uit: ${list}`;
  if (typeof input === 'string' || typeof input === 'number' || typeof input === 'boolean') return `onbekende waarde ${literal(input)}; kies uit: ${list}`;
  return `is ${describe(input)}; kies uit: ${list}`;
}

function literal(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

function sizeOf(input: unknown): number | undefined {
  if (typeof input === 'string' || Array.isArray(input)) return input.length;
  return undefined;
}

function tooBig(origin: string, maximum: number | bigint, inclusive: boolean, input: unknown): string {
  const now = sizeOf(input);
  const nu = now === undefined ? '' : ` (nu ${now})`;
  switch (origin) {
    case 'string':
      return `is te lang: maximaal ${maximum} tekens${nu}`;
    case 'array':
    case 'set':
      return `de lijst is te lang: maximaal ${maximum}${nu}`;
    default:
      return inclusive ? `is te groot: maximaal ${maximum}${typeof input === 'number' ? ` (nu ${input})` : ''}` : `moet kleiner zijn dan ${maximum}`;
  }
}

function tooSmall(origin: string, minimum: number | bigint, inclusive: boolean, input: unknown): string {
  const now = sizeOf(input);
  const nu = now === undefined ? '' : ` (nu ${now})`;
  switch (origin) {
    case 'string':
      return `is te kort: minimaal ${minimum} ${minimum === 1 ? 'teken' : 'tekens'}${nu}`;
    case 'array':
    case 'set':
      return `de lijst is te kort: minimaal ${minimum}${nu}`;
    default:
      return inclusive ? `is te klein: minimaal ${minimum}${typeof input === 'number' ? ` (nu ${input})` : ''}` : `moet groter zijn dan ${minimum}`;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
