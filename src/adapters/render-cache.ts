import type { Reply } from '../bot/replies.js';

/**
 * A platform renderer that renders each concept answer once: the core hands out one frozen answer object per
 * concept and knowledge version (see ../bot/lookup/lookup-replies.ts), so its rendering (Block Kit, an
 * Adaptive Card) can be kept with it, and goes when a reload drops the object. Other replies are made per
 * turn and rendered every time. What the renderer returns must be treated as read only.
 */
export function renderingAnswersOnce<R>(render: (reply: Reply) => R): (reply: Reply) => R {
  const rendered = new WeakMap<Reply, R>();
  return (reply) => {
    if (reply.kind !== 'answer' || !Object.isFrozen(reply)) return render(reply);
    let result = rendered.get(reply);
    if (result === undefined) rendered.set(reply, (result = render(reply)));
    return result;
  };
}
