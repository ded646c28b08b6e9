import { z } from 'zod';
import { conceptNames } from './concept-names.js';
import { dutchIssue } from './messages.js';
import { foldText } from './normalize.js';
import type { Problem } from './problems.js';
import { conceptIdSchema, type Concept } from './schema.js';
import { fieldOf, issueProblem } from './validate-concepts.js';
import type { YamlFile } from './yaml-file.js';

/**
 * `knowledge/smalltalk.yaml`: greetings, thanks, goodbyes and the like, with the bot's short reply to each.
 * Editors change the phrases and replies; the matching lives in src/bot/smalltalk/. Format in knowledge/README.md.
 */

export const SMALLTALK_FILE = 'smalltalk.yaml';

const nonBlank = (what: string) => z.string().refine((s) => s.trim().length > 0, { message: `${what} is leeg` });

const smallTalkSchema = z
  .strictObject({
    id: conceptIdSchema,
    say: z.array(nonBlank('een zinnetje')).default([]),
    /** Also a message of only emoji or smileys ("👍", ":)"). */
    emoji: z.boolean().default(false),
    reply: nonBlank('het antwoord ("reply")').refine((s) => s.length <= 400, { message: 'het antwoord is te lang: maximaal 400 tekens' }),
    /** Under the reply: a Help button, or the whole help menu. */
    help: z.enum(['button', 'menu']).optional(),
  })
  .refine((s) => s.say.length > 0 || s.emoji, { message: 'geef zinnetjes onder "say", of zet "emoji: true"' });

const smallTalkFileSchema = z.strictObject({
  extraWords: z.array(nonBlank('een woord')).default([]),
  replies: z.array(z.unknown()),
});

export type SmallTalkEntry = z.infer<typeof smallTalkSchema>;

export interface SmallTalk {
  /** Folded words that may stand next to small talk without making it a question ("hoi bot", "dank je hoor"). */
  readonly extraWords: readonly string[];
  readonly entries: readonly SmallTalkEntry[];
}

export const NO_SMALLTALK: SmallTalk = { extraWords: [], entries: [] };

/** Validates the small-talk file (optional: without it the bot has no small talk). */
export function validateSmallTalk(yaml: YamlFile | undefined, concepts: readonly Concept[]): { smalltalk: SmallTalk; problems: Problem[] } {
  if (!yaml) return { smalltalk: NO_SMALLTALK, problems: [] };
  const shape = smallTalkFileSchema.safeParse(yaml.data, { error: dutchIssue });
  if (!shape.success) return { smalltalk: NO_SMALLTALK, problems: [yaml.problemAt([], '', 'het bestand moet de lijst "replies:" hebben (en mag "extraWords:" hebben)')] };
  const problems: Problem[] = [];
  const entries: SmallTalkEntry[] = [];
  const conceptByName = new Map(concepts.flatMap((c) => conceptNames(c).map((n) => [foldText(n), c.id] as const)));
  const owner = new Map<string, string>();
  shape.data.replies.forEach((raw, index) => {
    const parsed = smallTalkSchema.safeParse(raw, { error: dutchIssue });
    const label = typeof (raw as { id?: unknown } | null)?.id === 'string' ? (raw as { id: string }).id : `replies[${index}]`;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(issueProblem(yaml, label, issue, ['replies', index]));
      return;
    }
    parsed.data.say.forEach((phrase, i) => {
      const at = ['replies', index, 'say', i];
      const key = foldText(phrase);
      const field = fieldOf(parsed.data.id, ['say', i]);
      const concept = conceptByName.get(key);
      if (!key) problems.push(yaml.problemAt(at, field, `"${phrase}" bevat geen letters of cijfers; gebruik "emoji: true" voor emoji`));
      else if (concept) problems.push(yaml.problemAt(at, field, `"${phrase}" is ook een naam van begrip "${concept}"; wie daarnaar vraagt, moet het antwoord krijgen`));
      else if (owner.has(key) && owner.get(key) !== parsed.data.id) problems.push(yaml.problemAt(at, field, `"${phrase}" staat ook bij "${owner.get(key)}"; een zinnetje mag maar bij één antwoord horen`));
      else owner.set(key, parsed.data.id);
    });
    entries.push(parsed.data);
  });
  return { smalltalk: { extraWords: shape.data.extraWords.map(foldText), entries }, problems };
}
