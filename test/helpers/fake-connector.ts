import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { visibleText } from './visible-text.js';

/**
 * A fake Bot Connector on 127.0.0.1 (a real HTTP server, so a hanging or failing connector is real too): it
 * records every request with its decoded path and body, and answers as `behaviour` says, by default 200 with
 * a new activity id. Used as the activities' serviceUrl in local mode.
 */
export interface ConnectorRequest {
  readonly method: string;
  /** The path, decoded: /v3/conversations/<conversation id>/activities[/<activity id>] */
  readonly path: string;
  readonly body: { type?: string; id?: string; attachments?: Array<{ contentType: string; content: Record<string, unknown> }>; members?: Array<{ id: string }>; tenantId?: string; bot?: { id: string } };
  /** The id the connector gave a posted activity. */
  readonly id?: string;
}

export type Behaviour = (req: { method: string; path: string }) => 'ok' | 'hang' | number;

export interface FakeConnector {
  readonly url: string;
  readonly requests: ConnectorRequest[];
  behaviour: Behaviour;
  /** Requests into one conversation (its id, decoded); a thread's requests belong to their channel too. */
  into(conversation: string): ConnectorRequest[];
  close(): Promise<void>;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const requests: ConnectorRequest[] = [];
  let n = 0;
  const connector = {
    url: '',
    requests,
    behaviour: (() => 'ok') as Behaviour,
    into: (conversation: string) => requests.filter((r) => r.path.startsWith(`/v3/conversations/${conversation}/`) || r.path.startsWith(`/v3/conversations/${conversation};`)),
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      const method = req.method ?? '';
      const answer = connector.behaviour({ method, path });
      // POST /v3/conversations opens a conversation (a personal chat with someone): its id is a conversation id
      const id = answer === 'ok' && method === 'POST' ? (path === '/v3/conversations' ? `a:opened-${++n}` : `act-${++n}`) : undefined;
      requests.push({ method, path, body: raw ? (JSON.parse(raw) as ConnectorRequest['body']) : {}, ...(id ? { id } : {}) });
      if (answer === 'hang') return;
      const status = answer === 'ok' ? 200 : answer;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status < 300 ? { id: id ?? 'updated' } : { error: { code: status === 403 ? 'BotNotInConversationRoster' : 'ServiceError', message: 'failed' } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  connector.url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  return connector;
}

/** The Adaptive Cards of some requests. */
export function cardsIn(requests: readonly ConnectorRequest[]): Array<Record<string, unknown>> {
  return requests.flatMap((r) => (r.body.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content));
}

/** All visible text of the cards of some requests. */
export const textIn = (requests: readonly ConnectorRequest[]): string => cardsIn(requests).map(visibleText).join('\n');

/** The `data.rp` payload of the first button (Action.Submit) titled `title` in a card. */
export function buttonPayload(card: unknown, title: string): string {
  let found: string | undefined;
  const walk = (node: unknown): void => {
    if (found !== undefined || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (typeof o['type'] === 'string' && o['type'].startsWith('Action.') && o['title'] === title) {
      const data = o['data'] as { rp?: unknown } | undefined;
      if (typeof data?.rp === 'string') found = data.rp;
    }
    Object.values(o).forEach(walk);
  };
  walk(card);
  if (found === undefined) throw new Error(`no button "${title}"`);
  return found;
}
