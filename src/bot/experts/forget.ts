import type { Turn } from '../turn.js';
import { erasedCard } from './cards.js';
import { deliverTo } from './deliver.js';
import { QUESTION_PREFIX, type ExpertQuestion } from './question.js';

/**
 * "vergeet mij" for the content team's questions: the user's own questions go (and their cards in the experts'
 * channel say so, best effort), and where they answered as an expert their name goes. Returns how many items
 * were erased. Questions are few (they expire after the retention time), so reading each one is cheap enough
 * and keeps the asker's id out of the key.
 */
export async function forgetExpertQuestions(turn: Turn): Promise<number> {
  const { actor } = turn.event;
  let erased = 0;
  for (const key of await turn.store.list(QUESTION_PREFIX)) {
    const question = await turn.store.get<ExpertQuestion>(key);
    if (question?.asker.id === actor.id) {
      await turn.store.delete(key);
      erased++;
      // the card may stay as it was when the channel cannot be reached: the record itself is gone
      if (turn.experts) await deliverTo(turn.experts, 'experts', question.channel, [erasedCard(question)]);
    } else if (question?.expert?.id === actor.id) {
      // set inside the update, read after it: a store may run the update function more than once
      let touched = false;
      await turn.store.update<ExpertQuestion>(key, (q) => {
        touched = q?.expert?.id === actor.id;
        return q && touched ? { ...q, expert: { id: '', name: '(gewist)' } } : q;
      }, { ttlMs: turn.ttlMs });
      if (touched) erased++;
    }
  }
  return erased;
}
