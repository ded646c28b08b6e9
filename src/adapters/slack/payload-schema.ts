import { z } from 'zod';
import type { ConversationRef } from '../../bot/events.js';
import { checkWith, isRecord, type Checked } from '../payload-check.js';

/**
 * The fields of Slack payloads that inbound.ts and the adapter read: Events API callbacks (messages,
 * mentions, App Home), slash commands, button clicks, modal submits and the message shortcut. Other payload
 * types pass unread: Bolt ignores what no listener asks for.
 */
const text = z.string();
const team = z.looseObject({ id: text }).nullish();
const user = z.looseObject({ id: text, name: text.optional(), username: text.optional(), team_id: text.optional() });
const options = z.array(z.looseObject({ value: text }));
const stateValues = z.record(text, z.record(text, z.looseObject({ value: text.nullish(), selected_option: z.looseObject({ value: text }).nullish(), selected_options: options.optional() })));
/** Our own blocks, as Slack sends back the clicked message (the modals show the question from it). */
const blocks = z.array(z.looseObject({ block_id: text.optional(), text: z.looseObject({ type: text, text }).optional() }));

const messageEvent = z.looseObject({
  user: text.optional(),
  bot_id: text.nullish(),
  subtype: text.optional(),
  text: text.optional(),
  channel: text,
  channel_type: text.optional(),
  ts: text,
  thread_ts: text.optional(),
});

const events: Record<string, z.ZodType> = {
  message: messageEvent,
  app_mention: messageEvent,
  app_home_opened: z.looseObject({ user: text, tab: text.optional() }),
};

const callback = z.looseObject({ team_id: text.optional(), event_id: text.optional(), event: z.looseObject({ type: text }) });

const payloads: Record<string, z.ZodType> = {
  url_verification: z.looseObject({ challenge: text }),
  block_actions: z.looseObject({
    team,
    user,
    channel: z.looseObject({ id: text }).optional(),
    container: z.looseObject({ channel_id: text.optional(), thread_ts: text.optional(), is_ephemeral: z.boolean().optional() }).optional(),
    message: z.looseObject({ ts: text.optional(), thread_ts: text.optional(), blocks: blocks.optional() }).optional(),
    actions: z.array(z.looseObject({ action_id: text, value: text.optional(), selected_options: options.optional() })),
    state: z.looseObject({ values: stateValues }).optional(),
    trigger_id: text.optional(),
  }),
  view_submission: z.looseObject({
    team,
    user,
    view: z.looseObject({ callback_id: text.optional(), private_metadata: text.optional(), state: z.looseObject({ values: stateValues }).optional() }),
    trigger_id: text.optional(),
  }),
  message_action: z.looseObject({
    team,
    user,
    callback_id: text,
    channel: z.looseObject({ id: text }),
    message: z.looseObject({ ts: text, thread_ts: text.optional(), text: text.optional() }),
    trigger_id: text.optional(),
    response_url: text.optional(),
  }),
};

const slashCommand = z.looseObject({ command: text, text, team_id: text, user_id: text, channel_id: text, user_name: text.optional(), channel_name: text.optional(), trigger_id: text.optional() });

/** A signed Slack payload's fields, checked before Bolt sees it. */
export function checkSlackPayload(body: unknown): Checked<Record<string, unknown>> {
  if (!isRecord(body)) return { ok: false, error: 'invalid payload: expected an object' };
  if (body['command'] !== undefined) return checkWith(slashCommand, 'slash command', body);
  const type = body['type'];
  if (type === undefined) return { ok: true, value: body };
  if (typeof type !== 'string') return { ok: false, error: 'invalid payload: type: expected string' };
  if (type === 'event_callback') {
    const envelope = checkWith<{ event: { type: string } }>(callback, 'event', body);
    if (!envelope.ok) return envelope;
    const schema = events[envelope.value.event.type];
    if (!schema) return { ok: true, value: body };
    const inner = checkWith(schema, 'event', body['event']);
    return inner.ok ? { ok: true, value: body } : { ok: false, error: inner.error.replace('invalid event: ', 'invalid event: event.') };
  }
  const schema = payloads[type];
  return schema ? checkWith(schema, type.replace(/_/g, ' '), body) : { ok: true, value: body };
}

/** What our text modals carry through Slack (see modals.ts): made by us, still checked. */
const modalMetadata = z.object({ p: text, c: text, t: text.optional(), k: text, s: z.enum(['personal', 'group', 'channel']) });

export type ModalMetadata = { p: string; c: string; t?: string; k: string; s: ConversationRef['scope'] };

export function checkModalMetadata(raw: string | undefined): ModalMetadata | undefined {
  try {
    const parsed = modalMetadata.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // not one of our modals
  }
}
