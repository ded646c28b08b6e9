import { isValidSlackRequest } from '@slack/bolt';
import { checkSlackSignature, MAX_CLOCK_SKEW_S } from '../../../src/adapters/slack/verify.js';
import { signature, SIGNING_SECRET } from '../../helpers/slack.js';

/** Slack's request signing, checked without Bolt's tsscmp compare; Bolt's own check is the oracle where both apply. */
const NOW_MS = 1_764_600_000_000;
const NOW_S = NOW_MS / 1000;
const BODY = '{"type":"event_callback","event":{"type":"message","text":"wat is de sociale basis?"}}';

const check = (over: Partial<{ body: string; signature: string | undefined; timestamp: string | undefined; signingSecret: string }> = {}) =>
  checkSlackSignature({ signingSecret: SIGNING_SECRET, body: BODY, signature: signature(BODY, NOW_S), timestamp: String(NOW_S), nowMs: NOW_MS, ...over });

const bolt = (body: string, sig: string, ts: number) =>
  isValidSlackRequest({ signingSecret: SIGNING_SECRET, body, headers: { 'x-slack-signature': sig, 'x-slack-request-timestamp': ts }, nowMilliseconds: NOW_MS });

describe('checkSlackSignature', () => {
  test('a correctly signed request passes, as with Bolt', () => {
    expect(check()).toBe('ok');
    expect(bolt(BODY, signature(BODY, NOW_S), NOW_S)).toBe(true);
  });

  test('a changed body, another secret, or a signature for another timestamp is bad, as with Bolt', () => {
    const cases: Array<[string, string, number]> = [
      [`${BODY} `, signature(BODY, NOW_S), NOW_S],
      [BODY, signature(BODY, NOW_S, 'another-secret'), NOW_S],
      [BODY, signature(BODY, NOW_S - 1), NOW_S],
    ];
    for (const [body, sig, ts] of cases) {
      expect(check({ body, signature: sig, timestamp: String(ts) })).toBe('bad');
      expect(bolt(body, sig, ts)).toBe(false);
    }
  });

  test('a timestamp more than five minutes off is stale, in the past and (unlike Bolt) in the future too', () => {
    const old = NOW_S - MAX_CLOCK_SKEW_S - 1;
    expect(check({ timestamp: String(old), signature: signature(BODY, old) })).toBe('stale');
    expect(bolt(BODY, signature(BODY, old), old)).toBe(false);
    const ahead = NOW_S + MAX_CLOCK_SKEW_S + 1;
    expect(check({ timestamp: String(ahead), signature: signature(BODY, ahead) })).toBe('stale');
    // at the edge of the window it still passes
    const edge = NOW_S - MAX_CLOCK_SKEW_S;
    expect(check({ timestamp: String(edge), signature: signature(BODY, edge) })).toBe('ok');
  });

  test.each([
    ['no signature', { signature: undefined }],
    ['no timestamp', { timestamp: undefined }],
    ['a timestamp that is not a number', { timestamp: '12abc' }],
    ['a negative timestamp', { timestamp: '-1' }],
    ['another signature version', { signature: signature(BODY, NOW_S).replace('v0=', 'v1=') }],
    ['a signature that is too short', { signature: signature(BODY, NOW_S).slice(0, -2) }],
    ['a signature with upper-case or other characters', { signature: signature(BODY, NOW_S).toUpperCase().replace('V0=', 'v0=') }],
    ['an empty signing secret', { signingSecret: '' }],
  ])('%s is bad, without throwing', (_name, over) => {
    expect(check(over)).toBe('bad');
  });
});
