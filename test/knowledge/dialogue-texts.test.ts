import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { foldText } from '../../src/knowledge/normalize.js';
import type { Dialogue } from '../../src/knowledge/dialogue-schema.js';
import { REPO_ROOT, SHARED_DIR } from '../helpers/knowledge-dir.js';
import { testWithShared } from '../helpers/shared.js';

/**
 * The texts of the shipped dialogues as a reader sees them: plain Dutch at B1 (short sentences), one form of
 * address per audience, and in our own words (no run of eight words shared with a seed text).
 */

let dialogues: readonly Dialogue[];
beforeAll(async () => {
  const result = await loadKnowledge(path.join(REPO_ROOT, 'knowledge'));
  if (!result.ok) throw new Error('shipped knowledge is invalid');
  dialogues = result.snapshot.dialogues;
});

/** Every text of a dialogue a user reads, with where it is; `sentences: false` for labels, which are fragments. */
function textsOf(d: Dialogue): Array<{ where: string; text: string; sentences: boolean }> {
  const out = [
    { where: 'description', text: d.description, sentences: true },
    { where: 'intro', text: d.intro, sentences: true },
  ];
  for (const s of d.steps) {
    out.push({ where: `${s.id}.title`, text: s.title, sentences: false });
    if (s.kind === 'info') out.push({ where: `${s.id}.text`, text: s.text, sentences: true });
    else out.push({ where: `${s.id}.prompt`, text: s.prompt, sentences: true });
    if (s.kind === 'choice' || s.kind === 'multi') for (const c of s.choices) out.push({ where: `${s.id}.${c.id}`, text: c.label, sentences: false });
    if (s.kind === 'scale') out.push({ where: `${s.id}.low`, text: s.low, sentences: false }, { where: `${s.id}.high`, text: s.high, sentences: false });
  }
  d.conclusions.forEach((c, i) => {
    for (const key of ['text', 'tied', 'allHigh', 'otherwise', 'tooFew'] as const) {
      const value = (c as Partial<Record<typeof key, string>>)[key];
      if (value) out.push({ where: `conclusions[${i}].${key}`, text: value, sentences: true });
    }
  });
  return out;
}

function sentencesOf(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=[A-Z*“"'(])/)
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s));
}

const wordCount = (sentence: string): number => sentence.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length;

describe('shipped dialogue texts', () => {
  test('every dialogue addresses a team as "jullie", never as "je", "jij" or "jouw"', () => {
    expect(dialogues.map((d) => [d.id, d.audience])).toEqual(dialogues.map((d) => [d.id, 'team']));
    const singular = dialogues.flatMap((d) => textsOf(d).filter((t) => /\b(je|jij|jou|jouw)\b/i.test(t.text)).map((t) => `${d.id}.${t.where}: ${t.text}`));
    expect(singular).toEqual([]);
  });

  test('plain Dutch: no sentence over 25 words, at most 15 words per sentence on average per dialogue', () => {
    for (const d of dialogues) {
      const sentences = textsOf(d).filter((t) => t.sentences).flatMap((t) => sentencesOf(t.text).map((s) => ({ where: t.where, s, n: wordCount(s) })));
      expect(sentences.filter((x) => x.n > 25).map((x) => `${d.id}.${x.where}: ${x.s}`)).toEqual([]);
      const average = sentences.reduce((sum, x) => sum + x.n, 0) / sentences.length;
      expect({ id: d.id, averageAtMost15: average <= 15 }).toEqual({ id: d.id, averageAtMost15: true });
    }
  });

  // ../shared is not beside every clone: without it this check is skipped, and says so (CI has it)
  testWithShared(path.join(SHARED_DIR, 'seeds'), 'no run of eight words is copied from a seed text (titles in *italics* aside)', () => {
    const seedsDir = path.join(SHARED_DIR, 'seeds');
    const shingles = new Set<string>();
    for (const f of readdirSync(seedsDir)) {
      const words = foldText(readFileSync(path.join(seedsDir, f), 'utf8')).split(' ');
      for (let i = 0; i + 8 <= words.length; i++) shingles.add(words.slice(i, i + 8).join(' '));
    }
    const copied = dialogues.flatMap((d) =>
      textsOf(d).flatMap((t) => {
        const words = foldText(t.text.replace(/\*[^*]{3,160}\*/g, ' | ')).split(' ');
        return words.slice(0, Math.max(0, words.length - 7)).flatMap((_, i) => {
          const run = words.slice(i, i + 8).join(' ');
          return shingles.has(run) ? [`${d.id}.${t.where}: "${run}"`] : [];
        });
      }),
    );
    expect(copied).toEqual([]);
  });
});
