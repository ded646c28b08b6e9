import { assertNever, type Action, type AnswerReply, type ExpertAnswerReply, type ExpertConsentReply, type ExpertQuestionReply, type Reply } from '../../bot/replies.js';
import { texts } from '../../bot/texts.js';
import { unwrapMarkdown } from '../markdown.js';
import { VERB_CLICK, viewParts, withRefresh } from './member-view.js';

/**
 * Neutral replies as Adaptive Cards 1.5. Our own texts go in TextBlocks (markdown); anything a user typed
 * goes in RichTextBlock TextRuns, which hosts never parse as markdown, so user text cannot inject links,
 * mentions or markup. Cards stay under Teams' 28 KB message limit by shortening long lists.
 */

export type Card = Record<string, unknown> & { type: 'AdaptiveCard'; body: unknown[] };

/** Teams rejects messages over about 28 KB; we stay well below it, leaving room for the activity envelope. */
export const MAX_CARD_BYTES = 24 * 1024;
const ACTIONS_PER_SET = 5;

/** Our lightly marked-up text (*bold*) as Adaptive Card markdown (**bold**). */
export function toCardMarkdown(text: string): string {
  return text.replace(/\*([^*\n]+)\*/g, '**$1**');
}

const md = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text: toCardMarkdown(text), wrap: true, ...extra });
const heading = (text: string, size = 'Medium') => ({ type: 'TextBlock', text: escapeCardMarkdown(text), wrap: true, weight: 'Bolder', size });
const subtle = (text: string) => ({ type: 'TextBlock', text: escapeCardMarkdown(text), wrap: true, isSubtle: true, size: 'Small' });
/** Text shown exactly as typed: TextRuns are never parsed as markdown. */
const plain = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text, ...extra }] });

/** For our own short labels in markdown TextBlocks (titles of dialogues and steps). */
export function escapeCardMarkdown(text: string): string {
  return text.replace(/([\\*_[\]()#`~>|])/g, '\\$1').replace(/^(\s*)([-+]|\d+\.)\s/gm, '$1\\$2 ');
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

function actionSets(actions: readonly Action[]): unknown[] {
  const sets: unknown[] = [];
  for (let i = 0; i < actions.length; i += ACTIONS_PER_SET) sets.push({ type: 'ActionSet', actions: actions.slice(i, i + ACTIONS_PER_SET).map(submit) });
  return sets;
}

function card(body: unknown[], actions: unknown[] = []): Card {
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body, ...(actions.length > 0 ? { actions } : {}) };
}

/** How much of each list and long text to keep; shrunk step by step until the card fits. */
interface Budget {
  readonly lines: number;
  readonly chars: number;
}

const BUDGETS: readonly Budget[] = [
  { lines: Infinity, chars: Infinity },
  { lines: 40, chars: 4000 },
  { lines: 15, chars: 1500 },
  { lines: 6, chars: 600 },
  { lines: 3, chars: 200 },
];

function clip(text: string, budget: Budget): string {
  return text.length > budget.chars ? `${text.slice(0, budget.chars - 1)}…` : text;
}

function clipList<T>(items: readonly T[], budget: Budget, more: (n: number) => T): T[] {
  if (items.length <= budget.lines) return [...items];
  return [...items.slice(0, budget.lines), more(items.length - budget.lines)];
}

/** One card per reply (export too), shortened until it fits. */
export function replyToCard(reply: Reply): Card {
  for (const budget of BUDGETS) {
    const built = build(reply, budget);
    if (Buffer.byteLength(JSON.stringify(built)) <= MAX_CARD_BYTES) return built;
  }
  return card([md(texts.errors.unexpected)]);
}

function build(reply: Reply, budget: Budget): Card {
  switch (reply.kind) {
    case 'answer': {
      const more = [
        // already Markdown (not our *bold* markup): only the hard-wrapped lines are joined
        { type: 'TextBlock', text: clip(unwrapMarkdown(reply.explanation), budget), wrap: true },
        ...(reply.verified ? [] : [md(`_${texts.lookup.unverified}_`)]),
        ...(reply.sources.length > 0 ? [md(`**${texts.lookup.sources}:** ${reply.sources.map((s) => (s.url ? `[${escapeCardMarkdown(s.title)}](${s.url})` : escapeCardMarkdown(s.title))).join(' · ')}`)] : []),
      ];
      return card([
        heading(reply.term, 'Large'),
        md(reply.short),
        { type: 'Container', id: 'lees-meer', isVisible: false, items: more },
        { type: 'ActionSet', actions: [{ type: 'Action.ToggleVisibility', title: texts.lookup.readMore, targetElements: ['lees-meer'] }] },
        ...(reply.related.length > 0 ? [subtle(`${texts.lookup.related}:`)] : []),
        ...actionSets(reply.related.slice(0, budget.lines)),
        ...feedbackRow(reply.feedback),
        ...actionSets(reply.actions),
      ]);
    }
    case 'suggestions':
      return card([md(reply.text), ...actionSets(reply.options), ...actionSets(reply.actions)]);
    case 'notice':
      return card([
        md(clip(reply.text, budget), reply.tone === 'error' ? { color: 'Attention' } : reply.tone === 'warning' ? { color: 'Warning' } : {}),
        ...(reply.details ? [plain(clip(reply.details.join('\n'), budget), { size: 'Small' })] : []),
        ...actionSets(reply.actions),
      ]);
    case 'question':
      return questionCard(reply);
    case 'tally':
      return withRefresh(card([
        heading(reply.title),
        subtle(`${reply.respondents} ${reply.respondents === 1 ? 'antwoord' : 'antwoorden'}`),
        ...reply.counts.map((c) => plain(`${c.label}: ${'█'.repeat(Math.min(c.count, 30))} ${c.count}`)),
        ...clipList(reply.texts, budget, (n) => `… en nog ${n}`).map((t) => plain(`“${clip(t, budget)}”`)),
        ...viewParts(reply),
        ...actionSets(reply.actions),
      ]), reply.views);
    case 'summary':
      return card([
        heading(`${reply.dialogueTitle}: ${texts.dialogue.summaryLabel.toLowerCase()}`, 'Large'),
        ...clipList(reply.items, budget, (n) => ({ title: `… en nog ${n} vragen`, prompt: '', lines: [] })).flatMap((item) => [
          heading(item.title, 'Default'),
          ...clipList(item.lines, budget, (n) => `… en nog ${n}`).map((l) => plain(clip(l, budget))),
        ]),
        ...(reply.conclusions.length > 0 ? [heading(texts.dialogue.conclusionsHeading, 'Default'), ...reply.conclusions.map((c) => md(`• ${c}`))] : []),
        ...actionSets(reply.concepts),
        ...actionSets(reply.actions),
      ]);
    case 'export':
      return card([subtle(reply.filename), plain(clip(reply.markdown, budget), { fontType: 'Monospace' })]);
    case 'expert-consent':
      return consentCard(reply);
    case 'expert-question':
      return expertQuestionCard(reply, budget);
    case 'expert-answer':
      return expertAnswerCard(reply, budget);
    default:
      return assertNever(reply);
  }
}

function questionCard(reply: Extract<Reply, { kind: 'question' }>): Card {
  const input = reply.input;
  const header = subtle(`${reply.dialogueTitle} · ${texts.dialogue.questionNumber(reply.number)}`);
  const body: unknown[] = [header, heading(reply.title)];
  if (reply.prompt) body.push(md(reply.prompt));
  switch (input.kind) {
    case 'choice':
      body.push(...actionSets(input.options));
      break;
    case 'scale':
      body.push(subtle(`1 = ${input.low}, 5 = ${input.high}`), { type: 'ActionSet', actions: input.options.map(submit) });
      break;
    case 'multi':
      body.push(
        { type: 'Input.ChoiceSet', id: 'rp_values', isMultiSelect: true, style: 'expanded', choices: input.options.map((o) => ({ title: o.label, value: o.value })) },
        { type: 'ActionSet', actions: [submit(input.submit)] },
      );
      break;
    case 'text':
      body.push(
        { type: 'Input.Text', id: 'rp_text', isMultiline: true, maxLength: input.maxLength, placeholder: texts.dialogue.typeAnswer(input.maxLength) },
        { type: 'ActionSet', actions: [submit(input.submit)] },
      );
      break;
    case 'info':
      body.push(md(input.text));
      break;
    default:
      assertNever(input);
  }
  body.push(...viewParts(reply), ...actionSets(reply.concepts), ...actionSets(reply.actions));
  return withRefresh(card(body), reply.views);
}

/** "Nuttig? ja / nee": the prompt, then two small buttons side by side. */
function feedbackRow(feedback: AnswerReply['feedback']): unknown[] {
  if (!feedback) return [];
  return [{ type: 'ColumnSet', columns: [
    { type: 'Column', width: 'auto', verticalContentAlignment: 'Center', items: [subtle(feedback.prompt)] },
    { type: 'Column', width: 'stretch', items: [{ type: 'ActionSet', actions: [submit(feedback.yes), submit(feedback.no)] }] },
  ] }];
}

/** The question in a text input (its value is never parsed as markdown); the send buttons submit it as rp_text. */
function consentCard(reply: ExpertConsentReply): Card {
  const { field } = reply;
  return card([
    md(reply.text),
    { type: 'Input.Text', id: 'rp_text', label: field.label, placeholder: field.placeholder, maxLength: field.maxLength, isMultiline: true, ...(field.value ? { value: field.value } : {}) },
    ...actionSets(reply.actions),
  ]);
}

/** The experts' card: the question as typed, our lines, and while open an answer box and a filtered concept list. */
function expertQuestionCard(reply: ExpertQuestionReply, budget: Budget): Card {
  const body: unknown[] = [heading(reply.heading)];
  if (reply.question) body.push(plain(`“${clip(reply.question, budget)}”`));
  body.push(...reply.lines.map((l) => md(l)));
  if (reply.answer) body.push(plain(clip(reply.answer, budget)));
  const { answerInput, conceptInput } = reply;
  if (answerInput) {
    body.push(
      { type: 'Input.Text', id: 'rp_text', label: answerInput.label, placeholder: answerInput.placeholder, maxLength: answerInput.maxLength, isMultiline: true },
      { type: 'ActionSet', actions: [submit(answerInput.submit)] },
    );
  }
  if (conceptInput) {
    body.push(
      // "compact" (a drop-down): the official 1.5 schema has no "filtered"; a term typed in the answer box is looked up by the core
      { type: 'Input.ChoiceSet', id: 'rp_values', label: conceptInput.label, placeholder: conceptInput.placeholder, style: 'compact', isMultiSelect: false, choices: conceptInput.options.slice(0, Math.max(budget.lines, 20)).map((o) => ({ title: o.label, value: o.value })) },
      { type: 'ActionSet', actions: [submit(conceptInput.submit)] },
    );
  }
  body.push(...actionSets(reply.actions));
  return card(body);
}

function expertAnswerCard(reply: ExpertAnswerReply, budget: Budget): Card {
  return card([
    heading(reply.heading),
    plain(`“${clip(reply.question, budget)}”`, { isSubtle: true }),
    plain(clip(reply.answer, budget)),
    subtle(reply.byline),
    ...actionSets(reply.actions),
  ]);
}
