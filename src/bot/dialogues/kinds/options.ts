import type { ChoiceStep } from '../../../knowledge/dialogue-schema.js';
import { foldText } from '../../../knowledge/normalize.js';
import { texts } from '../../texts.js';

/** Typed text that is only numbers ("4", "1,3", "1 en 3", "2.5"): those numbers; otherwise undefined. */
export function typedNumbers(text: string): number[] | undefined {
  if (!/^\s*-?\d+(?:[.,]\d+)?(?:\s*(?:[,;]|\s|\ben\b)\s*-?\d+(?:[.,]\d+)?)*\s*$/i.test(text)) return undefined;
  // a comma between digits is a list ("1,3"), never a decimal: both are wrong for a scale anyway
  return text.match(/-?\d+(?:\.\d+)?/g)!.map(Number);
}

/** The parts of a typed list of options: "1, 3", "ontmoeting en kosten". */
export function typedParts(text: string): string[] {
  return text.split(/[,;]|\s+en\s+/).map((p) => foldText(p)).filter(Boolean);
}

/** The choice a typed part names: its number, its label or its id. */
export function pickChoice(step: ChoiceStep, part: string): string | undefined {
  const n = Number(part);
  if (Number.isInteger(n) && n >= 1 && n <= step.choices.length) return step.choices[n - 1]!.id;
  return step.choices.find((c) => foldText(c.label) === part || c.id === part)?.id;
}

export function labelOf(step: ChoiceStep | undefined, id: string): string {
  return step?.choices.find((c) => c.id === id)?.label ?? id;
}

/** "past niet", with the options one can type: "1 (Beleid) of 2 (Uitvoering)". */
export function notAnOption(step: ChoiceStep, several = false): string {
  const options = listDutch(step.choices.map((c, i) => `${i + 1} (${c.label})`), step.kind === 'multi' ? 'en' : 'of');
  return [texts.dialogue.invalidChoice, ...(several ? [texts.dialogue.oneAnswer] : []), texts.dialogue.optionsAre(options)].join(' ');
}

function listDutch(items: readonly string[], last: 'en' | 'of'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}
