import { replyToCard } from '../../../src/adapters/teams/render.js';
import type { QuestionReply, TallyReply } from '../../../src/bot/replies.js';
import { cardProblems } from '../../helpers/adaptive-card.js';
import { cardText } from '../../helpers/teams.js';

/** Group cards with member views: `refresh` for up to 60 users, a member's answer and a closed step's result as plain text. */

const tally = (viewers: number, extra: Partial<TallyReply> = {}): TallyReply => ({
  kind: 'tally', replaceKey: 'tally:s1:rol', version: 3, title: 'Stand: Rol', respondents: 2, counts: [{ label: 'Beleid', count: 2 }], texts: [], actions: [], closed: false,
  views: { key: '{"v":"t","r":"s1","s":"rol"}', viewers: Array.from({ length: viewers }, (_, i) => `29:${i}`) },
  ...extra,
});

describe('Teams cards with member views', () => {
  test('a card with views carries refresh with the viewers as userIds, and is a valid 1.5 card', () => {
    const card = replyToCard(tally(3));
    expect(card['refresh']).toEqual({ action: { type: 'Action.Execute', verb: 'refresh', data: { rp_view: '{"v":"t","r":"s1","s":"rol"}' } }, userIds: ['29:0', '29:1', '29:2'] });
    expect(cardProblems(card)).toEqual([]);
  });

  test('60 viewers still refresh; 61 share one card', () => {
    expect((replyToCard(tally(60))['refresh'] as { userIds: string[] }).userIds).toHaveLength(60);
    expect(replyToCard(tally(61))['refresh']).toBeUndefined();
  });

  test("a member's answer and a closed question's result are TextRuns, never markdown", () => {
    const question: QuestionReply = {
      kind: 'question', dialogueTitle: 'Proef', number: 1, title: 'Rol', prompt: 'Wat is je rol?', input: { kind: 'info', text: 'Deze vraag is voorbij.' },
      concepts: [], actions: [], over: true, mine: '[klik](https://evil.example)', result: { respondents: 2, counts: [{ label: 'Beleid', count: 2 }], texts: ['“**vet**”'] },
    };
    const card = replyToCard(question);
    expect(cardText(card)).toContain('Jouw antwoord: [klik](https://evil.example)');
    expect(cardText(card)).toContain('Beleid: 2');
    const runs = JSON.stringify(card).match(/"type":"TextRun","text":"[^"]*"/g) ?? [];
    expect(runs.some((r) => r.includes('evil.example'))).toBe(true);
    expect(runs.some((r) => r.includes('**vet**'))).toBe(true);
    expect(cardProblems(card)).toEqual([]);
  });
});
