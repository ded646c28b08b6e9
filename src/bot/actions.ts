/**
 * Button payloads. The core makes them and reads them back; adapters carry them unread. They are short
 * JSON strings so they fit every platform's limit (Slack: 2,000 characters per button value).
 */
export type ActionPayload =
  | { readonly a: 'concept'; readonly id: string };

export function encodeAction(payload: ActionPayload): string {
  return JSON.stringify(payload);
}

/** Undefined for anything the core did not make (old buttons, tampering): treated as an unknown action. */
export function decodeAction(raw: string): ActionPayload | undefined {
  try {
    const value = JSON.parse(raw) as Record<string, unknown>;
    if (value['a'] === 'concept' && typeof value['id'] === 'string') return { a: 'concept', id: value['id'] };
  } catch {
    // not JSON: not one of ours
  }
  return undefined;
}
