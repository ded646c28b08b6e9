/**
 * What the Web API said when a call failed: the client throws an answer with `ok: false` as a platform error
 * whose `data.error` is Slack's reason (`not_in_channel`, `missing_scope`, ...).
 */

/** Slack's answers that mean the place is gone or closed to the bot: posting again will not help. */
const UNREACHABLE: ReadonlySet<string> = new Set([
  'channel_not_found', 'not_in_channel', 'is_archived', 'user_not_found', 'user_disabled', 'account_inactive', 'cannot_dm_bot', 'restricted_action', 'messages_tab_disabled',
]);

/** Whether Slack said the place is gone or closed to the bot. */
export function isUnreachable(err: unknown): boolean {
  const code = slackError(err);
  return code !== undefined && UNREACHABLE.has(code);
}

/** The `error` of a Web API answer with `ok: false` (the client throws it as a platform error). */
export function slackError(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}
