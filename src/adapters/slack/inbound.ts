import type { Actor, BotEvent, ConversationRef } from '../../bot/events.js';
import { channelAddress, userAddress } from './address.js';

/**
 * Slack payloads as neutral events. Conversation keys: a DM is its channel; in a channel, a thread is
 * its own conversation (a group session lives in one thread, or at channel level when started there).
 */

export function slackConversation(team: string, channel: string, threadTs: string | undefined, isDm: boolean): ConversationRef {
  if (isDm) return { key: `slack:${team}:${channel}`, scope: 'personal', address: channelAddress(team, channel) };
  return { key: threadTs ? `slack:${team}:${channel}:${threadTs}` : `slack:${team}:${channel}`, scope: 'channel', address: channelAddress(team, channel, threadTs) };
}

/**
 * The person acting. `name` is what the payload says (a login handle, or nothing): the adapter replaces it by
 * the display name (names.ts). Admins and experts are Slack user ids from the settings; the address reaches
 * the person in their DM with the bot, also when they act in a channel.
 */
export function slackActor(team: string, user: string, name: string | undefined, adminIds: readonly string[], expertIds: readonly string[] = []): Actor {
  return { id: `slack:${team}:${user}`, name: name?.trim() || user, isAdmin: adminIds.includes(user), isExpert: expertIds.includes(user), address: userAddress(team, user) };
}

export const isDmChannel = (channel: string, channelType?: string): boolean => channelType === 'im' || channel.startsWith('D');

/** Strips the leading bot mention (`<@U123> start proef` -> `start proef`). */
export function stripMention(text: string): string {
  return text.replace(/^\s*<@[A-Z0-9]+(\|[^>]*)?>\s*/i, '').trim();
}

export interface SlackMessageEvent {
  type: 'message' | 'app_mention';
  user?: string;
  bot_id?: string;
  subtype?: string;
  text?: string;
  channel: string;
  channel_type?: string;
  ts: string;
  thread_ts?: string;
}

/**
 * Subtypes that are still a person writing to the bot: a thread reply also sent to the channel, and a message
 * with a file (a screenshot with a question; the file itself is not read). Edits, deletions, joins and bot
 * messages are not.
 */
const PERSON_SUBTYPES: ReadonlySet<string> = new Set(['thread_broadcast', 'file_share']);

/** A DM message or an app_mention; undefined for bot messages, edits and other subtypes. */
export function messageToEvent(team: string, e: SlackMessageEvent, adminIds: readonly string[], expertIds: readonly string[] = []): BotEvent | undefined {
  if (!e.user || e.bot_id || (e.subtype !== undefined && !PERSON_SUBTYPES.has(e.subtype))) return undefined;
  const dm = isDmChannel(e.channel, e.channel_type);
  if (e.type === 'message' && !dm) return undefined; // in channels the bot reacts to mentions only
  // a mention at channel level is answered in a thread under it: that thread is the conversation
  const thread = dm ? undefined : (e.thread_ts ?? e.ts);
  return {
    kind: 'message',
    conversation: slackConversation(team, e.channel, thread, dm),
    actor: slackActor(team, e.user, undefined, adminIds, expertIds),
    text: stripMention(e.text ?? ''),
  };
}

export interface SlackBlockActionBody {
  type: 'block_actions';
  team?: { id: string } | null;
  user: { id: string; name?: string; username?: string; team_id?: string };
  channel?: { id: string };
  container?: { type: string; channel_id?: string; thread_ts?: string; message_ts?: string; is_ephemeral?: boolean };
  message?: { ts: string; thread_ts?: string; blocks?: unknown[] };
  actions: Array<{ action_id: string; block_id: string; value?: string; selected_options?: Array<{ value: string }> }>;
  state?: { values: Record<string, Record<string, { type: string; value?: string | null; selected_option?: { value: string } | null; selected_options?: Array<{ value: string }> }>> };
  view?: { type: string };
}

/** Our action ids: what kind of control it is, never what it means (the payload stays opaque). */
export const ACTION = {
  button: 'rp_button',
  submitValues: 'rp_submit_values',
  values: 'rp_values',
  /** A text input in a message (the content team's forms): its text comes with the click of a button beside it. */
  text: 'rp_text',
  /** Opens the modal for a free-text answer to a dialogue question: `rp_open_text_<max length>`. */
  openText: 'rp_open_text',
  /** Opens the modal for the content team's answer to a question: `rp_open_answer_<max length>`. */
  openAnswer: 'rp_open_answer',
  /** "Deel in de thread" under a concept the shortcut explained: `rp_share_<thread ts>_<n>`. */
  share: 'rp_share',
} as const;

/**
 * A button click as an action event: the payload is the button's value, carried unread; a submit of a
 * multi-select or a select carries the chosen values from the message's state, and a text typed in the
 * message (the content team's forms) comes as the event's text.
 */
export function blockActionToEvent(body: SlackBlockActionBody, adminIds: readonly string[], expertIds: readonly string[] = []): BotEvent | undefined {
  const action = body.actions[0];
  if (!action?.value || !action.action_id.startsWith('rp_')) return undefined;
  const team = body.team?.id ?? body.user.team_id ?? 'T';
  const channel = body.container?.channel_id ?? body.channel?.id;
  const actor = slackActor(team, body.user.id, body.user.name ?? body.user.username, adminIds, expertIds);
  // App Home buttons act in the user's DM; the adapter opens it and replaces the key
  const conversation: ConversationRef = channel
    ? slackConversation(team, channel, body.container?.thread_ts ?? body.message?.thread_ts, isDmChannel(channel))
    : { key: `slack:${team}:home:${body.user.id}`, scope: 'personal' };
  const values = action.action_id.startsWith(ACTION.submitValues) ? checkedValues(body) : undefined;
  const text = typedText(body);
  return { kind: 'action', conversation, actor, payload: action.value, ...(values ? { values } : {}), ...(text ? { text } : {}) };
}

function checkedValues(body: SlackBlockActionBody): string[] {
  const out: string[] = [];
  for (const block of Object.values(body.state?.values ?? {})) {
    for (const [actionId, element] of Object.entries(block)) {
      if (!actionId.startsWith(ACTION.values)) continue;
      out.push(...(element.selected_options ?? []).map((o) => o.value));
      if (element.selected_option) out.push(element.selected_option.value);
    }
  }
  return out;
}

function typedText(body: SlackBlockActionBody): string | undefined {
  for (const block of Object.values(body.state?.values ?? {})) {
    const value = block[ACTION.text]?.value?.trim();
    if (value) return value;
  }
  return undefined;
}

export interface SlackCommandBody {
  command: string;
  text: string;
  team_id: string;
  user_id: string;
  user_name?: string;
  channel_id: string;
  channel_name?: string;
  trigger_id?: string;
}

export type SlashCommand =
  /** Text for the core; `dm`: in the user's DM with the bot (the adapter opens it), `here`: where it was typed. */
  | { kind: 'text'; actor: Actor; text: string; target: 'dm' | 'here'; conversation: ConversationRef; private: boolean }
  | { kind: 'help'; actor: Actor; conversation: ConversationRef };

const PERSONAL_SUBCOMMANDS = new Set(['verder', 'stop', 'vergeet']);

/**
 * `/routeplanner <sub>`: help, zoek, start [kanaal], verder, stop, vergeet mij, and for admins herlaad, status,
 * onbeantwoord and experts hier. Anything else is a question (`/routeplanner wat is de sociale basis?`), answered
 * privately like `zoek`; without text, the help. `start` without `kanaal` runs in the user's DM.
 */
export function parseSlashCommand(body: SlackCommandBody, adminIds: readonly string[], expertIds: readonly string[] = []): SlashCommand {
  const actor = slackActor(body.team_id, body.user_id, body.user_name, adminIds, expertIds);
  const [sub = '', ...rest] = body.text.trim().split(/\s+/);
  const word = sub.toLowerCase();
  const dm = isDmChannel(body.channel_id, body.channel_name === 'directmessage' ? 'im' : undefined);
  const here = slackConversation(body.team_id, body.channel_id, undefined, dm);
  const text = (t: string, target: 'dm' | 'here', isPrivate: boolean): SlashCommand => ({ kind: 'text', actor, text: t, target: dm ? 'here' : target, conversation: here, private: isPrivate });

  switch (word) {
    case '':
    case '?':
    case 'help':
    case 'hulp':
      return { kind: 'help', actor, conversation: here };
    // admin commands run in the core, which checks the actor; their answers are private
    case 'herlaad':
      return text('herlaad kennis', 'here', true);
    case 'status':
      return text('status', 'here', true);
    case 'onbeantwoord':
      return text('onbeantwoord', 'here', true);
    case 'experts':
    case 'kennisredactie':
      // the core refuses anyone but an admin, and a DM; the channel's own address is what it stores
      return rest.map((w) => w.toLowerCase()).join(' ') === 'hier' ? text(`${word} hier`, 'here', true) : text(`zoek ${body.text.trim()}`, 'here', true);
    case 'zoek':
      return rest.length > 0 ? text(`zoek ${rest.join(' ')}`, 'here', true) : { kind: 'help', actor, conversation: here };
    case 'start': {
      const group = rest.some((w) => ['kanaal', 'channel', 'groep'].includes(w.toLowerCase()));
      return group && !dm ? text(`start ${rest.join(' ')}`, 'here', false) : text(`start ${rest.join(' ')}`, 'dm', false);
    }
    default:
      // a question, never an answer to a dialogue step or a vote: it goes to the core as `zoek`
      if (!PERSONAL_SUBCOMMANDS.has(word)) return text(`zoek ${body.text.trim()}`, 'here', true);
      // vergeet mij is always personal; stop and verder act on a group session where typed in a channel
      return word === 'vergeet' ? text('vergeet mij', 'here', true) : text(word, 'here', false);
  }
}
