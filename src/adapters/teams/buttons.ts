import type { Action } from '../../bot/replies.js';
import { escapeCardMarkdown, md } from './card-parts.js';
import { VERB_CLICK } from './member-view.js';

/**
 * Buttons laid out so their titles show whole. Teams gives the buttons of one ActionSet equal widths on one
 * row and cuts a title that does not fit with "…"; on a narrow card (mobile, a chat beside a meeting) a full
 * row holds about 40 characters, so two buttons side by side hold about 20 each. We measured nothing
 * finer than that, so the model is one number: a row takes buttons while (buttons in it) × (longest title)
 * stays within ROW_CHARS, at most five. A title longer than a whole row is shortened at a word with "…", and
 * its full label is written above the buttons, so nothing is lost.
 */
export const ROW_CHARS = 40;
const MAX_PER_ROW = 5;

/** The title a button shows: the core's short label where it set one (the text around says the full one). */
export function buttonTitle(action: Action): string {
  const title = action.shortLabel ?? action.label;
  return title.length <= ROW_CHARS ? title : shortened(title, ROW_CHARS);
}

function shortened(text: string, max: number): string {
  const cut = text.slice(0, max - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > max / 3 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

/**
 * Every button is a Universal Action (Action.Execute): Teams sends an `adaptiveCard/action` invoke and shows the
 * card the bot answers with in place (universal-actions.ts). Inputs on the card (rp_values, rp_text) arrive in
 * the same data. No Action.Submit: Teams needs it only for dialogs (task/fetch) and cards below version 1.4,
 * and this bot has neither. A message with `value.rp` (an Action.Submit on a card sent before) still works.
 */
export function submit(action: Action): Record<string, unknown> {
  const style = action.style === 'primary' ? 'positive' : action.style === 'danger' ? 'destructive' : undefined;
  return { type: 'Action.Execute', title: action.label.slice(0, 80), data: { rp: action.payload }, verb: VERB_CLICK, ...(style ? { style } : {}) };
}

/** An action with the title it shows, through the one `submit` every button goes through. */
export const button = (action: Action) => submit({ ...action, label: buttonTitle(action) });

/** Actions in rows whose titles show whole (see ROW_CHARS). */
export function rows(actions: readonly Action[]): Action[][] {
  const out: Action[][] = [];
  let row: Action[] = [];
  let longest = 0;
  for (const action of actions) {
    const length = buttonTitle(action).length;
    const wider = Math.max(longest, length);
    if (row.length > 0 && (row.length >= MAX_PER_ROW || (row.length + 1) * wider > ROW_CHARS)) {
      out.push(row);
      row = [];
      longest = 0;
    }
    row.push(action);
    longest = Math.max(longest, length);
  }
  if (row.length > 0) out.push(row);
  return out;
}

/**
 * ActionSets for these actions, a row each; when a title had to be shortened (no short label from the core),
 * the full labels go above the buttons first.
 */
export function actionRows(actions: readonly Action[], extra: Record<string, unknown> = {}): unknown[] {
  const cut = actions.filter((a) => a.shortLabel === undefined && buttonTitle(a) !== a.label);
  const names = cut.length > 0 ? [md(cut.map((a) => `- ${escapeCardMarkdown(a.label)}`).join('\r'), { isSubtle: true, size: 'Small' })] : [];
  return [...names, ...rows(actions).map((row, i) => ({ type: 'ActionSet', actions: row.map(button), ...(i === 0 ? extra : { spacing: 'Small' }) }))];
}
