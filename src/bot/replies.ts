import type { Source } from '../knowledge/schema.js';
import type { ExpertAnswerReply, ExpertConsentReply, ExpertQuestionReply } from './experts/replies.js';

export type { ChoiceOption, ExpertAnswerReply, ExpertConsentReply, ExpertQuestionReply } from './experts/replies.js';

/**
 * Neutral replies: what the bot wants to say, never how a platform lays it out. Adapters render them as
 * Adaptive Cards or Block Kit; the terminal renders them as text. Text fields are plain text written by
 * us or typed by users: renderers escape them for their markup.
 */

/** A button. `payload` is made by the core and comes back unread in an action event. */
export interface Action {
  readonly label: string;
  /**
   * A shorter label for hosts that cut long button titles (Teams shows about 20 characters per button when
   * buttons share a row). Set only where the text around the button already says the full label, so nothing
   * is lost; hosts with room (Slack, the terminal) show `label`.
   */
  readonly shortLabel?: string;
  readonly payload: string;
  /** primary: the expected next click; danger: destructive (vergeet mij). */
  readonly style?: 'primary' | 'danger';
}

export interface AnswerReply {
  readonly kind: 'answer';
  readonly conceptId: string;
  readonly term: string;
  readonly short: string;
  /** Markdown, shown behind "lees meer". */
  readonly explanation: string;
  readonly sources: readonly Source[];
  /** False for general knowledge not confirmed by a source. */
  readonly verified: boolean;
  /** Related concepts, as buttons. */
  readonly related: readonly Action[];
  /** Extra buttons, e.g. "ga verder met de dialoog", "Vraag het de kennisredactie". */
  readonly actions: readonly Action[];
  /** Only the actor needs to see it (a member's own question during a group session). */
  readonly private?: boolean;
  /** "Nuttig? ja / nee": a short prompt with two small buttons, one vote per user and concept. */
  readonly feedback?: { readonly prompt: string; readonly yes: Action; readonly no: Action };
}

export interface SuggestionsReply {
  readonly kind: 'suggestions';
  readonly text: string;
  readonly options: readonly Action[];
  readonly actions: readonly Action[];
  /** Only the actor needs to see it. */
  readonly private?: boolean;
}

export interface NoticeReply {
  readonly kind: 'notice';
  readonly text: string;
  readonly tone: 'info' | 'warning' | 'error';
  readonly actions: readonly Action[];
  /** Only the actor needs to see it (Slack: ephemeral). */
  readonly private?: boolean;
  /** Lines shown exactly as given, below the text and never parsed as markup (file names, messages about admins' files). */
  readonly details?: readonly string[];
}

export type QuestionInput =
  | { readonly kind: 'choice'; readonly options: readonly Action[] }
  | { readonly kind: 'scale'; readonly options: readonly Action[]; readonly low: string; readonly high: string }
  /** Options are {label, value}; the submit action comes back with the selected values. */
  | { readonly kind: 'multi'; readonly options: ReadonlyArray<{ label: string; value: string }>; readonly submit: Action }
  /** The submit action comes back with the typed text; typing a message works too. */
  | { readonly kind: 'text'; readonly maxLength: number; readonly submit: Action }
  | { readonly kind: 'info'; readonly text: string };

export interface QuestionReply {
  readonly kind: 'question';
  readonly dialogueTitle: string;
  /** 1-based position in this walk through the dialogue. */
  readonly number: number;
  readonly title: string;
  readonly prompt: string;
  readonly input: QuestionInput;
  /** "lees meer" buttons for linked concepts. */
  readonly concepts: readonly Action[];
  /** sla over, terug, stop. */
  readonly actions: readonly Action[];
  /** Set in group sessions: everyone answers, the lead moves on. */
  readonly group?: { readonly sessionId: string; readonly leadName: string };
  /** Per-member views of this card (see `MemberViews`). */
  readonly views?: MemberViews;
  /** In one member's view: their own answer, as shown ("Jouw antwoord: …"). */
  readonly mine?: string;
  /** The step is over (a card clicked or shown again later): no live buttons, and in a group what the group answered. */
  readonly over?: true;
  readonly result?: StepResult;
}

/**
 * A group card that can be shown to each member their own way (their answer marked; the lead's buttons only for
 * the lead): `key` asks the core for one member's view (`Bot.view`), `viewers` are the platform ids of the
 * members who get one. Platforms without per-user views ignore it and show the card as it is.
 */
export interface MemberViews {
  readonly key: string;
  readonly viewers: readonly string[];
}

export interface TallyCount {
  readonly label: string;
  readonly count: number;
}

/** The live result of a group question; always replaces the previous tally with the same `replaceKey`. */
export interface TallyReply {
  readonly kind: 'tally';
  readonly replaceKey: string;
  /** Grows with every change of the session: an update older than the one shown can be dropped. */
  readonly version: number;
  readonly title: string;
  readonly respondents: number;
  readonly counts: readonly TallyCount[];
  /** Free-text answers, with names only in a named session. */
  readonly texts: readonly string[];
  /** Volgende vraag, afsluiten: only the lead or an admin may use them. */
  readonly actions: readonly Action[];
  readonly closed: boolean;
  /** Per-member views of this card (see `MemberViews`). */
  readonly views?: MemberViews;
  /** In one member's view: their own answer, as shown. */
  readonly mine?: string;
}

export interface SummaryItem {
  readonly title: string;
  readonly prompt: string;
  /** Personal: the answer; group: one line per option with its count, or the free-text answers. */
  readonly lines: readonly string[];
  /** A person's answer to a scale step (1 to 5), for renderers that draw the scale answers together. */
  readonly score?: number;
  /**
   * A group's answers in parts, for renderers that draw them (bars per option): every option with its count
   * (and, in a named session, who chose it), and the free-text answers as in `lines`. `lines` says the same in words.
   */
  readonly result?: StepResult;
}

/** A group's answers to one step in parts: every option with its count (and who chose it, if named), the free-text answers. */
export interface StepResult {
  readonly respondents: number;
  readonly counts: ReadonlyArray<TallyCount & { readonly names?: readonly string[] }>;
  readonly texts: readonly string[];
}

export interface SummaryReply {
  readonly kind: 'summary';
  readonly dialogueTitle: string;
  readonly complete: boolean;
  readonly items: readonly SummaryItem[];
  readonly conclusions: readonly string[];
  readonly concepts: readonly Action[];
  readonly actions: readonly Action[];
}

export interface ExportReply {
  readonly kind: 'export';
  readonly filename: string;
  readonly markdown: string;
}

export type Reply =
  | AnswerReply | SuggestionsReply | NoticeReply | QuestionReply | TallyReply | SummaryReply | ExportReply
  | ExpertConsentReply | ExpertQuestionReply | ExpertAnswerReply;

export function assertNever(x: never): never {
  throw new Error(`unhandled variant: ${JSON.stringify(x)}`);
}

/** Whether only the actor needs to see a reply (Slack: ephemeral in a channel). The consent form always is. */
export function isPrivate(reply: Reply): boolean {
  return 'private' in reply && reply.private === true;
}

/** The reply for the actor only, where its kind can be (answers, suggestions, notices). */
export function asPrivate(reply: Reply): Reply {
  return reply.kind === 'answer' || reply.kind === 'suggestions' || reply.kind === 'notice' ? { ...reply, private: true } : reply;
}

export function notice(text: string, actions: readonly Action[] = [], extra: Partial<Pick<NoticeReply, 'tone' | 'private' | 'details'>> = {}): NoticeReply {
  return { kind: 'notice', text, tone: extra.tone ?? 'info', actions, ...(extra.private ? { private: true } : {}), ...(extra.details?.length ? { details: extra.details } : {}) };
}

/** What a user's home page shows (Slack App Home): the dialogues and their own unfinished ones. */
export interface HomeView {
  readonly intro: string;
  readonly dialogues: readonly Action[];
  readonly unfinished: ReadonlyArray<{ readonly dialogueTitle: string; readonly stepTitle: string; readonly updatedAt: number }>;
  readonly resume?: Action;
}
