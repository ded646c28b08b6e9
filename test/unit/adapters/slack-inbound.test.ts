import { blockActionToEvent, messageToEvent, parseSlashCommand, type SlackBlockActionBody, type SlackMessageEvent } from '../../../src/adapters/slack/inbound.js';

/** Which Slack messages are a person talking to the bot, and as which conversation. */
const dm = (patch: Partial<SlackMessageEvent> = {}): SlackMessageEvent => ({ type: 'message', channel: 'D0ANNADM', channel_type: 'im', user: 'U0ANNA', text: 'wat is de sociale basis?', ts: '1.1', ...patch });
const toEvent = (e: SlackMessageEvent) => messageToEvent('T0GEMEENTE', e, ['U0ADMIN']);

describe('Slack messages as neutral events', () => {
  test('a DM is a personal conversation of its own', () => {
    expect(toEvent(dm())).toEqual({
      kind: 'message',
      conversation: { key: 'slack:T0GEMEENTE:D0ANNADM', scope: 'personal', address: { platform: 'slack', ref: 'c:T0GEMEENTE:D0ANNADM' } },
      actor: { id: 'slack:T0GEMEENTE:U0ANNA', name: 'U0ANNA', isAdmin: false, isExpert: false, address: { platform: 'slack', ref: 'u:T0GEMEENTE:U0ANNA' } },
      text: 'wat is de sociale basis?',
    });
    expect(toEvent(dm({ user: 'U0ADMIN' }))?.actor.isAdmin).toBe(true);
    expect(messageToEvent('T0GEMEENTE', dm(), [], ['U0ANNA'])?.actor.isExpert).toBe(true);
  });

  test('a message with a file, or a thread reply also sent to the channel, is still a question', () => {
    expect(toEvent(dm({ subtype: 'file_share', text: 'klopt dit schema?' }))).toMatchObject({ text: 'klopt dit schema?' });
    expect(toEvent({ ...dm({ subtype: 'thread_broadcast', text: '<@U0BOT> preventie' }), type: 'app_mention', channel: 'C0KANAAL', channel_type: 'channel', thread_ts: '1.0' })).toMatchObject({
      conversation: { key: 'slack:T0GEMEENTE:C0KANAAL:1.0', scope: 'channel' },
      text: 'preventie',
    });
  });

  test.each([
    ['a bot message', dm({ bot_id: 'B0OTHER' })],
    ['an edit', dm({ subtype: 'message_changed', user: undefined })],
    ['a deletion', dm({ subtype: 'message_deleted', user: undefined })],
    ['someone joining', dm({ subtype: 'channel_join' })],
    ['a channel message without a mention', dm({ channel: 'C0KANAAL', channel_type: 'channel' })],
  ])('%s is not', (_name, e) => {
    expect(toEvent(e)).toBeUndefined();
  });

  test('a mention at channel level opens a thread conversation under it; the mention itself is stripped', () => {
    expect(toEvent({ ...dm({ text: '<@U0BOT|routeplanner>   start zelfscan kanaal' }), type: 'app_mention', channel: 'C0KANAAL', channel_type: 'channel', ts: '5.5' })).toMatchObject({
      conversation: { key: 'slack:T0GEMEENTE:C0KANAAL:5.5', scope: 'channel' },
      text: 'start zelfscan kanaal',
    });
  });
});

describe('/routeplanner as neutral text', () => {
  const slash = (text: string, channel = 'C0KANAAL') => parseSlashCommand({ command: '/routeplanner', text, team_id: 'T0GEMEENTE', user_id: 'U0ANNA', channel_id: channel }, []);

  test.each(['', '  ', '?', 'help', 'hulp', 'zoek'])('%j shows the help', (text) => {
    expect(slash(text).kind).toBe('help');
  });

  test.each([
    ['wat is de sociale basis?', 'zoek wat is de sociale basis?'],
    ['Wmo', 'zoek Wmo'],
    ['  hoe werkt de jeugdwet  ', 'zoek hoe werkt de jeugdwet'],
    ['zoek mantelzorg', 'zoek mantelzorg'],
  ])('%j is a question, answered privately where it was asked', (text, core) => {
    expect(slash(text)).toMatchObject({ kind: 'text', text: core, target: 'here', private: true, conversation: { key: 'slack:T0GEMEENTE:C0KANAAL', scope: 'channel' } });
  });

  test('subcommands stay subcommands: start goes to the DM, stop acts here, in public', () => {
    expect(slash('start zelfscan')).toMatchObject({ kind: 'text', text: 'start zelfscan', target: 'dm', private: false });
    expect(slash('stop')).toMatchObject({ kind: 'text', text: 'stop', target: 'here', private: false });
  });

  test('experts hier is an admin command, answered privately, with the channel\'s address; other words after experts are a question', () => {
    expect(slash('experts hier')).toMatchObject({ kind: 'text', text: 'experts hier', private: true, conversation: { address: { platform: 'slack', ref: 'c:T0GEMEENTE:C0KANAAL' } } });
    expect(slash('Kennisredactie HIER')).toMatchObject({ kind: 'text', text: 'kennisredactie hier', private: true });
    expect(slash('experts in de zorg')).toMatchObject({ kind: 'text', text: 'zoek experts in de zorg' });
  });
});

describe('clicks as neutral events', () => {
  const click = (actionId: string, values: NonNullable<SlackBlockActionBody['state']>['values']): SlackBlockActionBody => ({
    type: 'block_actions', team: { id: 'T0GEMEENTE' }, user: { id: 'U0BEA', name: 'bea' }, container: { type: 'message', channel_id: 'C0REDACTIE' },
    actions: [{ action_id: actionId, block_id: 'b', value: '{"a":"xlink","q":"q1"}' }], state: { values },
  });

  test('"Koppel aan begrip" carries the concept chosen in the select and the name typed in the box', () => {
    const event = blockActionToEvent(click('rp_submit_values_410', {
      rp_expert_concept: { rp_values_concept: { type: 'static_select', selected_option: { value: 'sociale-basis' } } },
      rp_expert_term: { rp_text: { type: 'plain_text_input', value: '  buurtteam ' } },
    }), [], ['U0BEA']);
    expect(event).toMatchObject({ kind: 'action', payload: '{"a":"xlink","q":"q1"}', values: ['sociale-basis'], text: 'buurtteam', actor: { isExpert: true } });
  });

  test('a button beside an empty box or an empty select carries no text and no values', () => {
    const event = blockActionToEvent(click('rp_button_420', { rp_expert_term: { rp_text: { type: 'plain_text_input', value: null } }, rp_expert_concept: { rp_values_concept: { type: 'static_select', selected_option: null } } }), []);
    expect(event).not.toHaveProperty('text');
    expect(event).not.toHaveProperty('values');
  });
});
