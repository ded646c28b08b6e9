/**
 * `work`, or what `late()` returns (or throws) when `work` has not settled after `ms`. The timer is cleared
 * either way, so a race that is over keeps no timer (and no process) alive. One place for the time limits
 * of outgoing calls and health checks, which each hand-rolled this race before.
 */
export async function withTimeLimit<T, L = T>(work: Promise<T>, ms: number, late: () => L): Promise<T | L> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<L>((resolve, reject) => {
    timer = setTimeout(() => {
      try {
        resolve(late());
      } catch (err) {
        reject(err);
      }
    }, ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
