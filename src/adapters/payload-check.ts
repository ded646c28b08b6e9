import type { z } from 'zod';

/**
 * Payloads are checked at the adapter edge, before any turn: a field we read with the wrong type (a number
 * where text belongs, an object where a list belongs) gets 400 with a short English message naming the
 * field, instead of a crash deep in a turn. Only the fields the adapter reads are checked; the rest of a
 * payload is the platform's business. Schemas are built once, at module load.
 */
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export function checkWith<T>(schema: z.ZodType, what: string, body: unknown): Checked<T> {
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, value: body as T };
  const issue = result.error.issues[0]!;
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return { ok: false, error: `invalid ${what}: ${where}${issue.message.replace(/^Invalid input: /, '')}` };
}

/** A plain object (not null, not a list). */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
