// Sends the message extension's search like Microsoft 365 Agents Playground's compose box does: a
// composeExtension/query invoke through the playground's own invoke API, which passes it to the bot as Teams
// would and hands back the bot's answer. Prints one JSON line per query with what the playground returned.
const base = 'http://127.0.0.1:56150';
const { config } = await (await fetch(`${base}/_internal/v1/config`)).json();

async function search(parameters) {
  const res = await fetch(`${base}/_conversation/v1/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'composeExtension/query',
      from: { id: config.currentUser.id },
      conversation: { id: config.personalChat.id },
      value: { commandId: 'zoekBegrip', parameters, queryOptions: { skip: 0, count: 25 } },
    }),
  });
  return { status: res.status, body: await res.json() };
}

for (const [said, parameters] of [
  ['mantelzrog', [{ name: 'zoek', value: 'mantelzrog' }]],
  ['initialRun', [{ name: 'initialRun', value: 'true' }]],
]) {
  process.stdout.write(`${JSON.stringify({ said, ...(await search(parameters)) })}\n`);
}
