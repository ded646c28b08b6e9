import { renderingAnswersOnce } from '../../../src/adapters/render-cache.js';
import { replyToMessage } from '../../../src/adapters/slack/render.js';
import { replyToCard } from '../../../src/adapters/teams/render.js';
import { answerReply } from '../../../src/bot/lookup/lookup-replies.js';
import { notice, type Reply } from '../../../src/bot/replies.js';
import { conceptYaml, makeKnowledgeDir } from '../../helpers/knowledge-dir.js';
import { loadSnapshot, SHIPPED_KNOWLEDGE } from '../../helpers/snapshot.js';

/** Concept answers are made once per concept and knowledge version, and rendered once per platform. */
describe('answers made and rendered once', () => {
  test('the core hands out one frozen answer per concept and snapshot; a reloaded snapshot gets its own', async () => {
    const snapshot = await loadSnapshot(SHIPPED_KNOWLEDGE);
    const concept = snapshot.conceptsById.get('sociale-basis')!;
    const first = answerReply(concept, snapshot);
    expect(answerReply(concept, snapshot)).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.related) && Object.isFrozen(first.actions)).toBe(true);
    expect(Object.isFrozen(first.related[0])).toBe(true);
    expect(() => (first.actions as unknown[]).push({ label: 'x', payload: 'y' })).toThrow(TypeError);

    const reloaded = await loadSnapshot(SHIPPED_KNOWLEDGE);
    const again = answerReply(reloaded.conceptsById.get('sociale-basis')!, reloaded);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  test.each([
    ['Slack', replyToMessage],
    ['Teams', replyToCard],
  ] as const)('%s: an answer is rendered once; a copy with extra buttons, and other replies, every time', async (_platform, renderer) => {
    const snapshot = await loadSnapshot(SHIPPED_KNOWLEDGE);
    const answer = answerReply(snapshot.conceptsById.get('sociale-basis')!, snapshot);
    const calls: Reply[] = [];
    const render = renderingAnswersOnce((reply: Reply) => {
      calls.push(reply);
      return (renderer as (r: Reply) => unknown)(reply);
    });

    const once = render(answer);
    expect(render(answer)).toBe(once);
    expect(once).toEqual((renderer as (r: Reply) => unknown)(answer));
    expect(calls).toHaveLength(1);

    // what the core adds in the middle of a dialogue ("ga verder") is a new object: rendered afresh, with the button
    const withGoOn = { ...answer, actions: [{ label: 'Ga verder met de dialoog', payload: '{"a":"cmd","c":"resume"}' }] };
    expect(JSON.stringify(render(withGoOn))).toContain('Ga verder met de dialoog');
    expect(JSON.stringify(once)).not.toContain('Ga verder met de dialoog');
    const hello = notice('Hallo');
    render(hello);
    render(hello);
    expect(calls).toHaveLength(4);
  });

  test('Teams: the kept card is byte for byte the card made afresh, and a reload with a changed text gives the new card', async () => {
    const render = renderingAnswersOnce(replyToCard);
    const shipped = await loadSnapshot(SHIPPED_KNOWLEDGE);
    const answer = answerReply(shipped.conceptsById.get('sociale-basis')!, shipped);
    render(answer);
    expect(JSON.stringify(render(answer))).toBe(JSON.stringify(replyToCard(answer)));

    // the same concept in two versions of a knowledge folder: the second load is what a reload makes
    const version = (term: string) => makeKnowledgeDir({ 'concepts/a.yaml': `concepts:\n${conceptYaml({ id: 'buurtteam', term })}\n` });
    const before = version('Buurtteam');
    const after = version('Wijkteam');
    try {
      const old = await loadSnapshot(before.dir);
      const oldCard = JSON.stringify(render(answerReply(old.conceptsById.get('buurtteam')!, old)));
      const reloaded = await loadSnapshot(after.dir);
      const newAnswer = answerReply(reloaded.conceptsById.get('buurtteam')!, reloaded);
      const newCard = JSON.stringify(render(newAnswer));
      expect(oldCard).toContain('Korte uitleg van Buurtteam.');
      expect(newCard).toContain('Korte uitleg van Wijkteam.');
      expect(newCard).not.toContain('Buurtteam');
      expect(newCard).toBe(JSON.stringify(replyToCard(newAnswer)));
    } finally {
      before.cleanup();
      after.cleanup();
    }
  });
});
