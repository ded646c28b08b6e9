import { randomUUID } from 'node:crypto';
import type { TestApp } from './app.js';
import { teamsFixture } from './teams.js';

/** Teams Universal Actions as the Teams client sends them: `adaptiveCard/action` invokes, in local mode (no token). */

export interface Member {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
}

export const member = (name: string): Member => ({ id: `29:1${name}`, name, aadObjectId: `aad-${name.toLowerCase().replace(/\W/g, '')}` });

export type InvokeBody = { statusCode: number; type: string; value: unknown };

/** The buttons of a card: title, data and style of every Action.Execute, wherever it sits. */
export function executeActions(card: unknown): Array<{ title: string; data: Record<string, string>; style?: string; verb: string }> {
  const found: Array<{ title: string; data: Record<string, string>; style?: string; verb: string }> = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (o['type'] === 'Action.Execute' && typeof o['title'] === 'string') found.push(o as never);
    Object.entries(o).forEach(([k, v]) => k !== 'refresh' && walk(v));
  };
  walk(card);
  return found;
}

/** The click payload of the button titled `title` on `card`. */
export function payloadOf(card: unknown, title: string): string {
  const action = executeActions(card).find((a) => a.title === title);
  if (!action) throw new Error(`no button "${title}" in: ${executeActions(card).map((a) => a.title).join(' | ')}`);
  return action.data['rp']!;
}

/** Posts an invoke for a click on a button (`data`: its data and the card's inputs) or a refresh; the invoke response body. */
export async function invoke(app: TestApp, conversation: object, from: Member, action: { verb: string; data: Record<string, string> }, trigger: 'manual' | 'automatic' = 'manual'): Promise<{ status: number; body: InvokeBody }> {
  const base = teamsFixture('card-submit');
  const { value: _value, ...rest } = base;
  const res = await app.post('/api/messages', {
    ...rest,
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: randomUUID(),
    conversation,
    from,
    value: { action: { type: 'Action.Execute', ...action }, trigger },
  });
  return { status: res.status, body: (res.body ? JSON.parse(res.body) : undefined) as InvokeBody };
}

export const click = (app: TestApp, conversation: object, from: Member, payload: string, inputs: Record<string, string> = {}) =>
  invoke(app, conversation, from, { verb: 'rp', data: { rp: payload, ...inputs } });

export const refresh = (app: TestApp, conversation: object, from: Member, card: Record<string, unknown>) =>
  invoke(app, conversation, from, (card['refresh'] as { action: { verb: string; data: Record<string, string> } }).action, 'automatic');
