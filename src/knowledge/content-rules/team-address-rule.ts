import type { Problem } from '../problems.js';
import type { Dialogue } from '../dialogue-schema.js';
import { fieldOf } from '../validate-concepts.js';
import type { PathSegment } from '../yaml-file.js';
import type { DialogueEntry } from './content-input.js';
import { locateText } from './located-text.js';

/**
 * A dialogue for a team (`audience: team`) speaks to the group with "jullie" throughout, also when one person
 * answers for the team. "je", "jij", "jouw" or "jou" addressed to the reader is a warning.
 */
export function teamAddressWarnings(entries: readonly DialogueEntry[]): Problem[] {
  const warnings: Problem[] = [];
  for (const { dialogue, yaml } of entries) {
    if (dialogue.audience !== 'team') continue;
    for (const { path, text } of textsOf(dialogue)) {
      const words = addressWords(text);
      if (words.length === 0) continue;
      const located = locateText(yaml, path, fieldOf(dialogue.id, path), text);
      const sentence = located.sentences.find((s) => addressWords(s.text).length > 0);
      const found = [...new Set(words)].map((w) => `"${w}"`).join(', ');
      warnings.push(located.problemAt(sentence, `hier staat ${found}, maar dit gesprek is voor een team ("audience: team"); spreek de groep aan met "jullie"`));
    }
  }
  return warnings;
}

/** The texts a team reads: intro, questions, answer buttons, info texts and conclusions. */
function textsOf(dialogue: Dialogue): Array<{ path: PathSegment[]; text: string }> {
  const texts: Array<{ path: PathSegment[]; text: string }> = [{ path: ['intro'], text: dialogue.intro }];
  dialogue.steps.forEach((step, i) => {
    // by field rather than by step kind, so a new kind of step with a prompt or text is covered too
    if ('prompt' in step) texts.push({ path: ['steps', i, 'prompt'], text: step.prompt });
    if ('text' in step) texts.push({ path: ['steps', i, 'text'], text: step.text });
    if ('choices' in step) step.choices.forEach((c, j) => texts.push({ path: ['steps', i, 'choices', j, 'label'], text: c.label }));
  });
  dialogue.conclusions.forEach((c, i) => {
    texts.push({ path: ['conclusions', i, 'text'], text: c.text });
    if ('otherwise' in c) texts.push({ path: ['conclusions', i, 'otherwise'], text: c.otherwise });
  });
  return texts;
}

/**
 * The pronoun as a word of its own: not "jeugd", "meisje", "waarstaatjegemeente.nl" or a diminutive after an
 * apostrophe ("pgb'tje" has no "je" of its own, "taxi'je" neither).
 */
const PRONOUN = /(?<![\p{L}\p{N}'’])(je|jij|jou|jouw)(?![\p{L}\p{N}])/giu;

/**
 * Words that are not said to the reader: web addresses, quoted speech ("Vraag: 'Wat heb je nodig?'") and
 * titles in italics (*Hoe doe je dat?*). Bold marks go first, so **bold** is not mistaken for italics.
 */
const NOT_ADDRESSED = [
  /https?:\/\/\S+/g,
  /\*\*/g,
  /\*[^*\n]+\*/g,
  /(?<![\p{L}\p{N}])_[^_\n]+_(?![\p{L}\p{N}])/gu,
  /"[^"\n]*"/g,
  /“[^”\n]*”/g,
  /„[^”“"\n]*[”“"]/g,
  /‘[^’\n]*’/g,
  /(?<![\p{L}\p{N}])'[^'\n]+'(?![\p{L}\p{N}])/gu,
];

export function addressWords(text: string): string[] {
  const said = NOT_ADDRESSED.reduce((t, pattern) => t.replace(pattern, ' '), text);
  return [...said.matchAll(PRONOUN)].map((m) => m[1]!.toLowerCase());
}
