import type { Activity } from 'botbuilder';
import { activityToEvent } from '../../src/adapters/teams/inbound.js';
import { blockActionToEvent, messageToEvent, parseSlashCommand, type SlackBlockActionBody, type SlackCommandBody, type SlackMessageEvent } from '../../src/adapters/slack/inbound.js';
import { replyToCard } from '../../src/adapters/teams/render.js';
import { replyToMessage } from '../../src/adapters/slack/render.js';
import { createBot } from '../../src/bot/bot.js';
import type { BotEvent } from '../../src/bot/events.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import { slackFixture } from '../helpers/slack.js';
import { teamsFixture, cardText } from '../helpers/teams.js';
import { blocksText } from '../helpers/slack.js';
import { loadSnapshot, SMALL_KNOWLEDGE } from '../helpers/snapshot.js';

/** The same scenarios through both adapters, from realistic payload fixtures: the same neutral events, equivalent replies. */

const shape = (e: BotEvent | undefined) => e && { kind: e.kind, scope: e.conversation.scope, ...(e.kind === 'message' ? { text: e.text } : {}), ...(e.kind === 'action' ? { payload: e.payload } : {}) };

describe('Teams and Slack give the same neutral events', () => {
  test('a personal question', () => {
    const teams = activityToEvent(teamsFixture('personal-message') as unknown as Activity, []);
    const slack = messageToEvent('T0GEMEENTE', (slackFixture('dm-message')['event'] as SlackMessageEvent), []);
    expect(shape(teams)).toEqual({ kind: 'message', scope: 'personal', text: 'wat is de sociale basis?' });
    expect(shape(slack)).toEqual(shape(teams));
  });

  test('a mention in a channel that starts a group session', () => {
    const teams = activityToEvent(teamsFixture('channel-mention') as unknown as Activity, []);
    const slack = messageToEvent('T0GEMEENTE', slackFixture('app-mention')['event'] as SlackMessageEvent, []);
    expect(shape(teams)).toEqual({ kind: 'message', scope: 'channel', text: 'start proef' });
    expect(shape(slack)).toEqual(shape(teams));
  });

  test('a button click: the payload arrives unread on both', () => {
    const payload = JSON.stringify({ a: 'vote', r: 'abc', s: 'rol', v: 'beleid' });
    const teams = activityToEvent({ ...teamsFixture('card-submit'), value: { rp: payload } } as unknown as Activity, []);
    const action = slackFixture('block-action') as unknown as SlackBlockActionBody;
    const slack = blockActionToEvent({ ...action, actions: [{ ...action.actions[0]!, value: payload }] }, []);
    expect(shape(teams)).toMatchObject({ kind: 'action', payload });
    expect(slack).toMatchObject({ kind: 'action', payload });
  });

  test('a multi-select submit carries the chosen values on both', () => {
    const payload = JSON.stringify({ a: 'ans', r: 'r1', s: 'wat' });
    const teams = activityToEvent({ ...teamsFixture('card-submit'), value: { rp: payload, rp_values: 'a,c' } } as unknown as Activity, []);
    const action = slackFixture('block-action') as unknown as SlackBlockActionBody;
    const slack = blockActionToEvent({
      ...action,
      actions: [{ action_id: 'rp_submit_values_0', block_id: 'b', value: payload }],
      state: { values: { b: { rp_values_0: { type: 'checkboxes', selected_options: [{ value: 'a' }, { value: 'c' }] } } } },
    }, []);
    expect(teams).toMatchObject({ kind: 'action', payload, values: ['a', 'c'] });
    expect(slack).toMatchObject({ kind: 'action', payload, values: ['a', 'c'] });
  });

  test('a slash command search is the same question', () => {
    const slash = parseSlashCommand(slackFixture('slash-command') as unknown as SlackCommandBody, []);
    expect(slash).toMatchObject({ kind: 'text', text: 'zoek sociale basis', private: true });
  });

  test('the replies render to equivalent content on both platforms', async () => {
    const snapshot = await loadSnapshot(SMALL_KNOWLEDGE);
    const bot = createBot({ knowledge: { current: () => snapshot }, store: createMemoryStore() });
    const event = activityToEvent(teamsFixture('personal-message') as unknown as Activity, [])!;
    const [answer] = await bot.handle(event);
    const teams = cardText(replyToCard(answer!));
    const slack = blocksText(replyToMessage(answer!).blocks);
    for (const text of ['Sociale basis', 'Alles wat vrij toegankelijk is', 'Preventie']) {
      expect(teams).toContain(text);
      expect(slack).toContain(text);
    }
  });
});
