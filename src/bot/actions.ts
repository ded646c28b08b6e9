import { z } from 'zod';

/**
 * Button payloads. The core makes them and reads them back; adapters carry them unread. They are short
 * JSON strings so they fit every platform's limit (Slack: 2,000 characters per button value).
 */

export const COMMANDS = ['help', 'stop', 'back', 'skip', 'restart', 'resume', 'summary', 'export', 'forget', 'forget-confirm', 'forget-cancel'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** Typed text up to this length travels inside a button; longer text is kept in the user's state. */
export const INLINE_TEXT_MAX = 300;

/** Typed text in a button: short text itself (t), or the key of the copy kept in the user's state (k). */
const carriedText = { t: z.string().max(INLINE_TEXT_MAX).optional(), k: z.string().max(20).optional() };

const payloadSchema = z.discriminatedUnion('a', [
  /**
   * A concept's answer; in a group only for the person who clicked, unless s ("Deel in de thread": for everyone).
   * `on`: the group question card the button is on (session r, step s), so a platform that shows the answer on the
   * clicker's own copy of that card (Teams) can keep the question below it.
   */
  z.object({ a: z.literal('concept'), id: z.string().max(100), s: z.literal(1).optional(), on: z.object({ r: z.string().max(40), s: z.string().max(100) }).optional() }),
  z.object({ a: z.literal('cmd'), c: z.enum(COMMANDS) }),
  /** Start a dialogue; g: as a group session, n: with names. */
  z.object({ a: z.literal('start'), d: z.string().max(100), g: z.literal(1).optional(), n: z.literal(1).optional() }),
  /**
   * Answer step s of personal run r (v: the choice id or scale score; multi/text come as event values/text;
   * t or k: typed text the user confirmed as their answer, itself or the key of the copy kept in their state).
   */
  z.object({ a: z.literal('ans'), r: z.string().max(40), s: z.string().max(100), v: z.string().max(100).optional(), ...carriedText }),
  /** A member's answer in group session r. */
  z.object({ a: z.literal('vote'), r: z.string().max(40), s: z.string().max(100), v: z.string().max(100).optional(), ...carriedText }),
  /** Typed text the user said is a question (t or k as above): it is looked up. */
  z.object({ a: z.literal('ask'), ...carriedText }),
  /** The lead moves group session r on from step s, or closes it. */
  z.object({ a: z.literal('next'), r: z.string().max(40), s: z.string().max(100) }),
  z.object({ a: z.literal('close'), r: z.string().max(40) }),
  /** "Vraag het de kennisredactie": the consent form, for the question typed (t) or the answer about concept c. */
  z.object({ a: z.literal('xask'), t: z.string().max(INLINE_TEXT_MAX).optional(), c: z.string().max(100).optional() }),
  /** Consent given: send the question (the form's text, else t), n: with the asker's name. */
  z.object({ a: z.literal('xsend'), n: z.union([z.literal(0), z.literal(1)]), t: z.string().max(INLINE_TEXT_MAX).optional(), c: z.string().max(100).optional() }),
  z.object({ a: z.literal('xcancel') }),
  /** Expert actions on question q: answer (the typed text), link to concept c (or the chosen or typed one), no answer, deliver again. */
  z.object({ a: z.literal('xans'), q: z.string().max(40) }),
  z.object({ a: z.literal('xlink'), q: z.string().max(40), c: z.string().max(100).optional() }),
  z.object({ a: z.literal('xnone'), q: z.string().max(40) }),
  z.object({ a: z.literal('xretry'), q: z.string().max(40) }),
  /** "Nuttig? ja / nee" under the answer about concept c. */
  z.object({ a: z.literal('fb'), c: z.string().max(100), v: z.enum(['ja', 'nee']) }),
]);

export type ActionPayload = z.infer<typeof payloadSchema>;

/**
 * The payload as JSON, with `<`, `>` and `&` as \u escapes (the same JSON to every parser): typed text that a
 * button carries (a question for the content team) then holds no markup a platform could ever act on, such as
 * Slack's `<!channel>`, even where a payload is shown or logged.
 */
export function encodeAction(payload: ActionPayload): string {
  return JSON.stringify(payload).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Undefined for anything the core did not make (old buttons, tampering): treated as an unknown action. */
export function decodeAction(raw: string): ActionPayload | undefined {
  return decodeOurs(payloadSchema, raw);
}

/** JSON the core made (a payload, a view key), read back through its schema; undefined for anything else. */
export function decodeOurs<T>(schema: z.ZodType<T>, raw: string): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    // not JSON: not one of ours
    return undefined;
  }
}
