import { createChannelMembers, type MembersPage } from '../../../src/adapters/slack/experts-channel.js';

/** EXPERTS_FROM_CHANNEL on Slack: the experts' channel's members, read page by page, kept a minute. */

describe('the members of the experts\' channel (Slack)', () => {
  function fakeSlack(pages: ReadonlyArray<readonly string[]>) {
    const calls: Array<string | undefined> = [];
    let failing = false;
    const page: MembersPage = async (_channel, cursor) => {
      calls.push(cursor);
      if (failing) throw Object.assign(new Error('no answer'), { code: 'CALL_TIMEOUT' });
      const at = cursor ? Number(cursor) : 0;
      return { members: pages[at]!, ...(at + 1 < pages.length ? { next: String(at + 1) } : {}) };
    };
    return { page, calls, fail: (on: boolean) => void (failing = on) };
  }

  test('reads every page, and answers from the list for a minute', async () => {
    let now = 0;
    const slack = fakeSlack([['U0BEA', 'U0BRAM'], ['U0CHRIS']]);
    const members = createChannelMembers({ page: slack.page, now: () => now });
    expect(await members.has('C0REDACTIE', 'U0CHRIS')).toBe(true);
    expect(await members.has('C0REDACTIE', 'U0ANNA')).toBe(false);
    expect(slack.calls).toEqual([undefined, '1']);
    now = 61_000;
    expect(await members.has('C0REDACTIE', 'U0BEA')).toBe(true);
    expect(slack.calls).toHaveLength(4);
  });

  test('stops after maxPages pages (a huge channel costs a bounded number of calls)', async () => {
    const slack = fakeSlack(Array.from({ length: 50 }, (_, i) => [`U${i}`]));
    const members = createChannelMembers({ page: slack.page, maxPages: 3 });
    expect(await members.has('C0REDACTIE', 'U2')).toBe(true);
    expect(await members.has('C0REDACTIE', 'U3')).toBe(false);
    expect(slack.calls).toHaveLength(3);
  });

  test('a failed call is not kept: it fails this check, and the next click asks again', async () => {
    const slack = fakeSlack([['U0BEA']]);
    const members = createChannelMembers({ page: slack.page });
    slack.fail(true);
    await expect(members.has('C0REDACTIE', 'U0BEA')).rejects.toMatchObject({ code: 'CALL_TIMEOUT' });
    slack.fail(false);
    expect(await members.has('C0REDACTIE', 'U0BEA')).toBe(true);
    expect(slack.calls).toHaveLength(2);
  });
});
