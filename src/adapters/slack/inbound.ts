import type { Actor, BotEvent, ConversationRef } from '../../bot/events.js';

/**
 * Slack payloads as neutral events. Conversation keys: a DM is its channel; in a channel, a thread is
 * its own conversation (a group session lives in one thread, or at channel level when started there).
 */

export function slackConversation(team: string, channel: string, threadTs: string | undefined, isDm: boolean): ConversationRef {
  if (isDm) return { key: `slack:${team}:${channel}`, scope: 'personal' };
  return { key: threadTs ? `slack:${team}:${channel}:${threadTs}` : `slack:${team}:${channel}`, scope: 'channel' };
}

export function slackActor(team: string, user: string, name: string | undefined, adminIds: readonly string[]): Actor {
  return { id: `slack:${team}:${user}`, name: name?.trim() || `<@${user}>`.replace(/[<>@]/g, ''), isAdmin: adminIds.includes(user) };
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
export function messageToEvent(team: string, e: SlackMessageEvent, adminIds: readonly string[]): BotEvent | undefined {
  if (!e.user || e.bot_id || (e.subtype !== undefined && !PERSON_SUBTYPES.has(e.subtype))) return undefined;
  const dm = isDmChannel(e.channel, e.channel_type);
  if (e.type === 'message' && !dm) return undefined; // in channels the bot reacts to mentions only
  // a mention at channel level is answered in a thread under it: that thread is the conversation
  const thread = dm ? undefined : (e.thread_ts ?? e.ts);
  return {
    kind: 'message',
    conversation: slackConversation(team, e.channel, thread, dm),
    actor: slackActor(team, e.user, undefined, adminIds),
    text: stripMention(e.text ?? ''),
  };
}

export interface SlackBlockActionBody {
  type: 'block_actions';
  team?: { id: string } | null;
  user: { id: string; name?: string; username?: string; team_id?: string };
  channel?: { id: string };
  container?: { type: string; channel_id?: string; thread_ts?: string; message_ts?: string; is_ephemeral?: boolean };
  message?: { ts: string; thread_ts?: string };
  actions: Array<{ action_id: string; block_id: string; value?: string; selected_options?: Array<{ value: string }> }>;
  state?: { values: Record<string, Record<string, { type: string; value?: string | null; selected_options?: Array<{ value: string }> }>> };
  view?: { type: string };
}

/** Our action ids: what kind of control it is, never what it means (the payload stays opaque). */
export const ACTION = {
  button: 'rp_button',
  submitValues: 'rp_submit_values',
  values: 'rp_values',
  openText: 'rp_open_text',
} as const;

/**
 * A button click as an action event: the payload is the button's value, carried unread; a submit of a
 * multi-select carries the checked values from the message's state.
 */
export function blockActionToEvent(body: SlackBlockActionBody, adminIds: readonly string[]): BotEvent | undefined {
  const action = body.actions[0];
  if (!action?.value || !action.action_id.startsWith('rp_')) return undefined;
  const team = body.team?.id ?? body.user.team_id ?? 'T';
  const channel = body.container?.channel_id ?? body.channel?.id;
  const actor = slackActor(team, body.user.id, body.user.name ?? body.user.username, adminIds);
  // App Home buttons act in the user's DM; the adapter opens it and replaces the key
  const conversation: ConversationRef = channel
    ? slackConversation(team, channel, body.container?.thread_ts ?? body.message?.thread_ts, isDmChannel(channel))
    : { key: `slack:${team}:home:${body.user.id}`, scope: 'personal' };
  const values = action.action_id.startsWith(ACTION.submitValues) ? checkedValues(body) : undefined;
  return { kind: 'action', conversation, actor, payload: action.value, ...(values ? { values } : {}) };
}

function checkedValues(body: SlackBlockActionBody): string[] {
  const out: string[] = [];
  for (const block of Object.values(body.state?.values ?? {})) {
    for (const [actionId, element] of Object.entries(block)) {
      if (actionId.startsWith(ACTION.values)) out.push(...(element.selected_options ?? []).map((o) => o.value));
    }
  }
  return out;
}

export interface SlackCommandBody {
  command: string;
  text: string;
  team_id: string;
  user_id: string;
  user_name?: string;
  channel_id: string;
  channel_name?: string;
}

export type SlashCommand =
  /** Text for the core; `dm`: in the user's DM with the bot (the adapter opens it), `here`: where it was typed. */
  | { kind: 'text'; actor: Actor; text: string; target: 'dm' | 'here'; conversation: ConversationRef; private: boolean }
  | { kind: 'help'; actor: Actor; conversation: ConversationRef };

const PERSONAL_SUBCOMMANDS = new Set(['verder', 'stop', 'vergeet']);

/**
 * `/routeplanner <sub>`: help, zoek, start [kanaal], verder, stop, vergeet mij, and for admins herlaad, status and
 * onbeantwoord. Anything else is a question (`/routeplanner wat is de sociale basis?`), answered privately like
 * `zoek`; without text, the help. `start` without `kanaal` runs in the user's DM.
 */
export function parseSlashCommand(body: SlackCommandBody, adminIds: readonly string[]): SlashCommand {
  const actor = slackActor(body.team_id, body.user_id, body.user_name, adminIds);
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
