import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { checkWith, isRecord, type Checked } from '../payload-check.js';

/** The fields of an Activity that inbound.ts, the adapter and botbuilder's turn read; anything else passes unread. */
const account = z.looseObject({ id: z.string().optional(), name: z.string().nullish(), aadObjectId: z.string().optional() });

/** A card submit's data: our fields (see render.ts) are text when present; other data is not ours to judge. */
const submitValue = z.unknown().check((ctx) => {
  if (!isRecord(ctx.value)) return;
  for (const key of ['rp', 'rp_values', 'rp_text']) {
    const field = ctx.value[key];
    if (field !== undefined && typeof field !== 'string') ctx.issues.push({ code: 'custom', input: field, path: [key], message: `expected string, received ${Array.isArray(field) ? 'array' : field === null ? 'null' : typeof field}` });
  }
});

const activity = z.looseObject({
  type: z.string(),
  id: z.string().optional(),
  channelId: z.string().optional(),
  serviceUrl: z.string().optional(),
  replyToId: z.string().optional(),
  text: z.string().nullish(),
  from: account.optional(),
  recipient: account.optional(),
  conversation: z.looseObject({ id: z.string().optional(), conversationType: z.string().optional(), tenantId: z.string().optional() }).optional(),
  membersAdded: z.array(z.looseObject({ id: z.string().optional() })).optional(),
  entities: z.array(z.looseObject({ type: z.string().optional(), text: z.string().optional(), mentioned: z.looseObject({ id: z.string().optional() }).optional() })).optional(),
  value: submitValue.optional(),
});

export function checkActivity(body: unknown): Checked<Activity> {
  return checkWith<Activity>(activity, 'activity', body);
}
