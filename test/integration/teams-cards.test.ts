import nock from 'nock';
import { onlyLoopback, type TestApp } from '../helpers/app.js';
import { cardsOf, cardText, localTeamsApp, teamsFixture, type SentActivity } from '../helpers/teams.js';

/** Teams cards through the real server on 127.0.0.1: a personal dialogue ends in a chart and an export file. */

onlyLoopback(nock);

describe('Teams cards end to end (local mode)', () => {
  let app: TestApp;
  let sent: SentActivity[];
  localTeamsApp((started) => (app = started), (recorded) => (sent = recorded));

  const personal = teamsFixture('personal-message');
  const say = (text: string, id: string) => app.post('/api/messages', { ...personal, id, text });
  const click = (rp: string, id: string, extra: Record<string, unknown> = {}) => app.post('/api/messages', { ...personal, id, text: undefined, value: { rp, ...extra } });
  /** The payload of the button with this title on the last card that has it. */
  const button = (title: string): string => {
    const submits: Array<{ title?: string; data?: { rp?: string } }> = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        if (record['type'] === 'Action.Submit' || record['type'] === 'Action.Execute') submits.push(record);
        Object.values(record).forEach(walk);
      }
    };
    walk(cardsOf(sent));
    const rp = submits.filter((s) => s.title === title).at(-1)?.data?.rp;
    if (!rp) throw new Error(`no button ${title}`);
    return rp;
  };

  test('the summary has a chart of the scale answers, and exporteer offers a file that is uploaded on consent', async () => {
    await say('start proef', 'e1');
    await click(button('Beleid'), 'e2');
    await click(button('Klaar'), 'e3', { rp_values: 'kosten' });
    await click(button('4'), 'e4');
    const summary = cardsOf(sent).find((c) => JSON.stringify(c).includes('Chart.HorizontalBar'));
    expect(summary).toBeDefined();
    expect(JSON.stringify(summary)).toContain('{"x":"Score","y":4}');

    sent.length = 0;
    await say('exporteer', 'e5');
    const consent = sent.flatMap((s) => s.body.attachments ?? []).find((a) => a.contentType === 'application/vnd.microsoft.teams.card.file.consent');
    expect(consent).toBeDefined();
    const acceptContext = (consent!.content as { acceptContext: { markdown: string } }).acceptContext;
    expect(acceptContext.markdown).toContain('# Proefgesprek');

    let uploaded = '';
    nock('https://upload.onedrive.example').put('/s/1').reply(201, (_uri, body) => {
      uploaded = body as string;
      return {};
    });
    const invoke = { ...personal, id: 'e6', type: 'invoke', name: 'fileConsent/invoke', text: undefined, value: { type: 'fileUpload', action: 'accept', context: acceptContext, uploadInfo: { name: 'proef.md', uploadUrl: 'https://upload.onedrive.example/s/1', contentUrl: 'https://x.example/proef.md', uniqueId: 'u1', fileType: 'md' } } };
    const res = await app.post('/api/messages', invoke);
    expect(res.status).toBe(200);
    expect(uploaded).toBe(acceptContext.markdown);
    expect(sent.some((s) => s.body.attachments?.some((a) => a.contentType === 'application/vnd.microsoft.teams.card.file.info'))).toBe(true);
  });

  test('the welcome card lists the dialogues as lines and its start buttons show whole', async () => {
    await app.post('/api/messages', teamsFixture('conversation-update'));
    const [card] = cardsOf(sent);
    const titles = JSON.stringify(card).match(/"title":"[^"]*"/g) ?? [];
    expect(titles.length).toBeGreaterThan(0);
    for (const t of titles) expect(t.length - '"title":""'.length).toBeLessThanOrEqual(20);
    expect(cardText(card!)).toContain('Proefgesprek');
  });
});
