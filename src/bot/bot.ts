import { randomBytes } from 'node:crypto';
import { StoreError } from '../storage/port.js';
import { decodeAction, type ActionPayload, type CommandName } from './actions.js';
import { findDialogue, parseCommand, type Command } from './commands.js';
import { close, dialogueCommand, nextStep, start as startDialogue } from './dialogues/moves.js';
import { hasActiveRun } from './dialogues/personal.js';
import { commandAction } from './dialogues/render-step.js';
import { answerInDialogue, questionInDialogue, typedInDialogue } from './dialogues/typed.js';
import { memberView } from './dialogues/views.js';
import { isGroupScope, type ActionEvent, type Actor, type BotEvent, type ConversationRef, type MessageEvent } from './events.js';
import { homeView } from './home.js';
import { adminCommand } from './admin.js';
import { answerReply, lookupReplies } from './lookup/lookup-replies.js';
import { helpReplies, menuReplies } from './menu.js';
import { forgetConfirmation, forgetUser } from './privacy.js';
import { readSmallTalk } from './smalltalk/read-small-talk.js';
import { smallTalkReplies } from './smalltalk/small-talk-replies.js';
import { asPrivate, assertNever, notice, type AnswerReply, type HomeView, type Reply } from './replies.js';
import { setExpertsChannel } from './experts/channel.js';
import { onExpertsAction, withAskExperts } from './experts/dispatch.js';
import { explainMessage, searchConcepts } from './experts/spread.js';
import { texts } from './texts.js';
import type { BotDeps, Turn } from './turn.js';

export type { BotDeps, KnowledgeSource } from './turn.js';

export interface Bot {
  /** One turn: the replies to send, in order. Store failures come back as a friendly Dutch notice. */
  handle(event: BotEvent): Promise<Reply[]>;
  /** The user's home page: dialogues and their unfinished ones. */
  home(actor: Actor): Promise<HomeView>;
  /** Teams message extension: up to `limit` concept answers for a typed query, best first (typos handled). */
  searchConcepts(query: string, limit?: number): AnswerReply[];
  /** Slack shortcut "Leg uit met Routeplanner": the concepts named in a message, private, each with "Deel in de thread". */
  explainMessage(text: string): Reply[];
  /**
   * One member's view of a dialogue card (`key`: a card's `views.key`, or the payload of a button clicked on it),
   * as it is now; undefined when the key names no dialogue card or the store cannot be read. Reads only.
   */
  view(ref: { conversation: ConversationRef; actor: Actor }, key: string): Promise<Reply | undefined>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The conversation core: a dispatcher from neutral events to neutral replies. No platform, no HTTP. */
export function createBot(deps: BotDeps): Bot {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? (() => randomBytes(6).toString('base64url'));
  const retentionDays = deps.retentionDays ?? 30;
  const maxMessageLength = deps.maxMessageLength ?? 4000;

  async function handle(event: BotEvent): Promise<Reply[]> {
    const turn: Turn = {
      event, snapshot: deps.knowledge.current(), now: now(), store: deps.store, ttlMs: retentionDays * DAY_MS, retentionDays, newId, admin: deps.admin, observer: deps.observer, experts: deps.experts,
    };
    try {
      switch (event.kind) {
        case 'welcome':
          return menuReplies(texts.menu.welcome, turn.snapshot, event.conversation);
        case 'message':
          return await onMessage(turn, event, maxMessageLength);
        case 'action':
          return await onAction(turn, event);
        case 'command':
          return await simpleCommand(turn, event.command);
        default:
          return assertNever(event);
      }
    } catch (err) {
      // Store failures are expected in operation (disk full, Redis down, a damaged file): the user gets a
      // clear message and nothing was written, so the dialogue state is as it was before this turn.
      if (err instanceof StoreError) return [storeNotice(err.code)];
      throw err;
    }
  }

  return {
    handle,
    home: (actor) => homeView(actor, deps.knowledge.current(), deps.store),
    searchConcepts: (query, limit) => searchConcepts(deps.knowledge.current(), query, limit),
    explainMessage: (text) => explainMessage(deps.knowledge.current(), text),
    async view({ conversation, actor }, key) {
      try {
        return await memberView({ store: deps.store, snapshot: deps.knowledge.current(), ttlMs: retentionDays * DAY_MS, conversation, actor }, key);
      } catch (err) {
        // a view is a nicety: without the store the card stays as the member sees it
        if (err instanceof StoreError) return undefined;
        throw err;
      }
    },
  };
}

const STORE_DOWN = 'STORE_UNAVAILABLE';

function storeNotice(code: StoreError['code']): Reply {
  return notice(code === 'STORE_CORRUPT' ? texts.errors.storeCorrupt : texts.errors.storeDown, [], { tone: 'error' });
}

async function onMessage(turn: Turn, event: MessageEvent, maxLength: number): Promise<Reply[]> {
  const text = event.text.trim();
  if (!text) return [notice(texts.lookup.empty)];
  if (text.length > maxLength) return [notice(texts.lookup.tooLong(maxLength), [], { tone: 'warning' })];
  const command = parseCommand(text);
  if (command) return runCommand(turn, command);
  const reading = await readTyped(turn, text);
  if (reading.replies) return reading.replies;
  const talk = readSmallTalk(turn.snapshot.smalltalk, text);
  if (talk.kind === 'talk') return withGoOn(turn, smallTalkReplies(turn, talk.entry), reading.waiting);
  const replies = await conceptQuestion(turn, talk.question, reading.waiting);
  // with the store down, text that is no concept question may have been meant for a dialogue: say why it waits
  return reading.waiting === 'unknown' && replies.some((r) => r.kind === 'notice') ? [storeNotice(STORE_DOWN)] : replies;
}

/**
 * The typed text read against the conversation's dialogue. A lookup needs no write, so when the store cannot be
 * read (down, full, a damaged record) concept questions, help and small talk are still answered.
 */
async function readTyped(turn: Turn, text: string): Promise<{ replies?: Reply[]; waiting: boolean | 'unknown' }> {
  try {
    return await typedInDialogue(turn, text);
  } catch (err) {
    if (err instanceof StoreError) return { waiting: 'unknown' };
    throw err;
  }
}

/**
 * A concept question; in the middle of a personal dialogue the answer offers a way back to it. `waiting`:
 * whether a personal dialogue waits, when this turn already read it.
 */
async function conceptQuestion(turn: Turn, query: string, waiting?: boolean | 'unknown'): Promise<Reply[]> {
  const result = turn.snapshot.index.lookup(query);
  turn.observer?.lookup(result);
  return withGoOn(turn, withAskExperts(lookupReplies(result, turn.snapshot), query), waiting);
}

async function withGoOn(turn: Turn, replies: Reply[], waiting?: boolean | 'unknown'): Promise<Reply[]> {
  if (isGroupScope(turn.event.conversation) || !(await (waiting === undefined ? dialogueWaits(turn) : waiting === true))) return replies;
  const goOn = commandAction(texts.dialogue.goOn, 'resume');
  return replies.map((r) => (r.kind === 'answer' || r.kind === 'suggestions' || r.kind === 'notice' ? { ...r, actions: [...r.actions, goOn] } : r));
}

/** Whether a personal dialogue waits for this person; a store that cannot be read leaves the button out. */
async function dialogueWaits(turn: Turn): Promise<boolean> {
  try {
    return await hasActiveRun(turn);
  } catch (err) {
    if (err instanceof StoreError) return false;
    throw err;
  }
}

async function runCommand(turn: Turn, command: Command): Promise<Reply[]> {
  const group = isGroupScope(turn.event.conversation);
  switch (command.c) {
    case 'start':
      return start(turn, command.name, group || command.group, command.named);
    case 'search':
      return conceptQuestion(turn, command.query);
    case 'admin':
      return adminCommand(turn, command.op);
    case 'experts-here':
      return setExpertsChannel(turn);
    default:
      return simpleCommand(turn, command.c);
  }
}

async function start(turn: Turn, name: string, group: boolean, named: boolean): Promise<Reply[]> {
  const { conversation } = turn.event;
  if (!name) return menuReplies(texts.menu.whichDialogue, turn.snapshot, conversation);
  const found = findDialogue(turn.snapshot.dialogues, name);
  const entry = found && turn.snapshot.dialoguesById.get(found.id);
  if (!entry) return menuReplies(texts.menu.unknownDialogue(name), turn.snapshot, conversation);
  if (group && !isGroupScope(conversation)) return [notice(texts.group.channelOnly, [], { private: true })];
  return startDialogue(turn, entry, named);
}

function simpleCommand(turn: Turn, c: CommandName): Promise<Reply[]> | Reply[] {
  switch (c) {
    case 'help':
      return helpReplies(turn.snapshot, turn.event.conversation, turn.event.actor.isAdmin);
    case 'stop':
    case 'back':
    case 'skip':
    case 'restart':
    case 'resume':
    case 'summary':
    case 'export':
      return dialogueCommand(turn, c);
    case 'forget':
      return forgetConfirmation(turn);
    case 'forget-confirm':
      return forgetUser(turn);
    case 'forget-cancel':
      return [notice(texts.privacy.cancelled, [], { private: true })];
    default:
      return assertNever(c);
  }
}

async function onAction(turn: Turn, event: ActionEvent): Promise<Reply[]> {
  const payload: ActionPayload | undefined = decodeAction(event.payload);
  if (!payload) return [notice(texts.errors.unknownAction, [], { private: true })];
  const input = { values: event.values, text: event.text };
  switch (payload.a) {
    case 'concept': {
      const concept = turn.snapshot.conceptsById.get(payload.id);
      const replies = concept ? await withGoOn(turn, [answerReply(concept, turn.snapshot)]) : [notice(texts.lookup.unknownConcept)];
      // in a group a concept button (on a question card, under an answer) answers only the person who clicked
      // it; "Deel in de thread" is the one meant for everyone
      return isGroupScope(event.conversation) && payload.s !== 1 ? replies.map(asPrivate) : replies;
    }
    case 'cmd':
      return simpleCommand(turn, payload.c);
    case 'start': {
      const entry = turn.snapshot.dialoguesById.get(payload.d);
      if (!entry) return menuReplies(texts.menu.unknownDialogue(payload.d), turn.snapshot, event.conversation);
      if (payload.g && !isGroupScope(event.conversation)) return [notice(texts.group.channelOnly, [], { private: true })];
      return startDialogue(turn, entry, payload.n === 1);
    }
    case 'ans':
    case 'vote':
      return answerInDialogue(turn, payload, input);
    case 'ask':
      return questionInDialogue(turn, payload, (text) => conceptQuestion(turn, text));
    case 'next':
      return nextStep(turn, payload.r, payload.s);
    case 'close':
      return close(turn, payload.r);
    case 'xask':
    case 'xsend':
    case 'xcancel':
    case 'xans':
    case 'xlink':
    case 'xnone':
    case 'xretry':
    case 'fb':
      return onExpertsAction(turn, payload, input);
    default:
      return assertNever(payload);
  }
}
