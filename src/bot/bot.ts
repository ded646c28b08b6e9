import { randomBytes } from 'node:crypto';
import { StoreError } from '../storage/port.js';
import { decodeAction, type ActionPayload, type CommandName } from './actions.js';
import { findDialogue, parseCommand, type Command } from './commands.js';
import { backGroup, closeGroup, nextGroup, restartGroup, resumeGroup, startGroup, summaryGroup, typedVote, voteGroup } from './dialogues/group.js';
import {
  answerPersonal, backPersonal, hasActiveRun, restartPersonal, resumePersonal, skipPersonal, startPersonal, stopPersonal, summaryPersonal, typedAnswer,
} from './dialogues/personal.js';
import { commandAction } from './dialogues/render-step.js';
import { isGroupScope, type ActionEvent, type Actor, type BotEvent, type MessageEvent } from './events.js';
import { homeView } from './home.js';
import { adminCommand } from './admin.js';
import { answerReply, lookupReplies } from './lookup/lookup-replies.js';
import { helpReplies, menuReplies } from './menu.js';
import { forgetConfirmation, forgetUser } from './privacy.js';
import { assertNever, notice, type HomeView, type Reply } from './replies.js';
import { texts } from './texts.js';
import type { BotDeps, Turn } from './turn.js';

export type { BotDeps, KnowledgeSource } from './turn.js';

export interface Bot {
  /** One turn: the replies to send, in order. Store failures come back as a friendly Dutch notice. */
  handle(event: BotEvent): Promise<Reply[]>;
  /** The user's home page: dialogues and their unfinished ones. */
  home(actor: Actor): Promise<HomeView>;
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
      event, snapshot: deps.knowledge.current(), now: now(), store: deps.store, ttlMs: retentionDays * DAY_MS, retentionDays, newId, admin: deps.admin, observer: deps.observer,
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
          return await simpleCommand(turn, event.command, isGroupScope(event.conversation));
        default:
          return assertNever(event);
      }
    } catch (err) {
      // Store failures are expected in operation (disk full, Redis down, a damaged file): the user gets a
      // clear message and nothing was written, so the dialogue state is as it was before this turn.
      if (err instanceof StoreError) return [notice(err.code === 'STORE_CORRUPT' ? texts.errors.storeCorrupt : texts.errors.storeDown, [], { tone: 'error' })];
      throw err;
    }
  }

  return { handle, home: (actor) => homeView(actor, deps.knowledge.current(), deps.store) };
}

async function onMessage(turn: Turn, event: MessageEvent, maxLength: number): Promise<Reply[]> {
  const text = event.text.trim();
  if (!text) return [notice(texts.lookup.empty)];
  if (text.length > maxLength) return [notice(texts.lookup.tooLong(maxLength), [], { tone: 'warning' })];
  const command = parseCommand(text);
  if (command) return runCommand(turn, command);
  const answered = isGroupScope(event.conversation) ? await typedVote(turn, text) : await typedAnswer(turn, text);
  return answered ?? conceptQuestion(turn, text);
}

/** A concept question; in the middle of a personal dialogue the answer offers a way back to it. */
async function conceptQuestion(turn: Turn, query: string): Promise<Reply[]> {
  const result = turn.snapshot.index.lookup(query);
  turn.observer?.lookup(result);
  return withGoOn(turn, lookupReplies(result, turn.snapshot));
}

async function withGoOn(turn: Turn, replies: Reply[]): Promise<Reply[]> {
  if (isGroupScope(turn.event.conversation) || !(await hasActiveRun(turn))) return replies;
  const goOn = commandAction(texts.dialogue.goOn, 'resume');
  return replies.map((r) => (r.kind === 'answer' || r.kind === 'suggestions' || r.kind === 'notice' ? { ...r, actions: [...r.actions, goOn] } : r));
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
    default:
      return simpleCommand(turn, command.c, group);
  }
}

async function start(turn: Turn, name: string, group: boolean, named: boolean): Promise<Reply[]> {
  const { conversation } = turn.event;
  if (!name) return menuReplies(texts.menu.whichDialogue, turn.snapshot, conversation);
  const dialogue = findDialogue(turn.snapshot.dialogues, name);
  if (!dialogue) return menuReplies(texts.menu.unknownDialogue(name), turn.snapshot, conversation);
  if (!group) return startPersonal(turn, dialogue);
  if (!isGroupScope(conversation)) return [notice(texts.group.channelOnly, [], { private: true })];
  return startGroup(turn, dialogue, named);
}

function simpleCommand(turn: Turn, c: CommandName, group: boolean): Promise<Reply[]> | Reply[] {
  switch (c) {
    case 'help':
      return helpReplies(turn.snapshot, turn.event.conversation, turn.event.actor.isAdmin);
    case 'stop':
      return group ? closeGroup(turn, undefined) : stopPersonal(turn);
    case 'back':
      return group ? backGroup(turn) : backPersonal(turn);
    case 'skip':
      return group ? nextGroup(turn, undefined) : skipPersonal(turn);
    case 'restart':
      return group ? restartGroup(turn) : restartPersonal(turn);
    case 'resume':
      return group ? resumeGroup(turn) : resumePersonal(turn);
    case 'summary':
      return group ? summaryGroup(turn, false) : summaryPersonal(turn, false);
    case 'export':
      return group ? summaryGroup(turn, true) : summaryPersonal(turn, true);
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
  const input = { value: 'v' in payload ? payload.v : undefined, values: event.values, text: event.text };
  switch (payload.a) {
    case 'concept': {
      const concept = turn.snapshot.conceptsById.get(payload.id);
      return concept ? withGoOn(turn, [answerReply(concept, turn.snapshot)]) : [notice(texts.lookup.unknownConcept)];
    }
    case 'cmd':
      return simpleCommand(turn, payload.c, isGroupScope(event.conversation));
    case 'start': {
      const dialogue = turn.snapshot.dialoguesById.get(payload.d);
      if (!dialogue) return menuReplies(texts.menu.unknownDialogue(payload.d), turn.snapshot, event.conversation);
      return payload.g ? startGroup(turn, dialogue, payload.n === 1) : startPersonal(turn, dialogue);
    }
    case 'ans':
      return answerPersonal(turn, payload.r, payload.s, input);
    case 'vote':
      return voteGroup(turn, payload.r, payload.s, input);
    case 'next':
      return nextGroup(turn, payload.r, payload.s);
    case 'close':
      return closeGroup(turn, payload.r);
    default:
      return assertNever(payload);
  }
}
