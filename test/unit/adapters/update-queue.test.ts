import { createUpdateQueue } from '../../../src/adapters/update-queue.js';

describe('in-place update queue', () => {
  test('a burst of updates sends the first and then only the newest; every caller resolves', async () => {
    const queue = createUpdateQueue();
    const sent: number[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const send = (v: number) => async () => {
      if (v === 1) await gate;
      sent.push(v);
    };
    const calls = [1, 2, 3, 4, 5].map((v) => queue.run('tally', v, send(v)));
    release();
    await Promise.all(calls);
    expect(sent).toEqual([1, 5]);
  });

  test('an older version arriving after a newer one was sent is dropped', async () => {
    const queue = createUpdateQueue();
    const sent: number[] = [];
    await queue.run('k', 7, async () => void sent.push(7));
    await queue.run('k', 6, async () => void sent.push(6));
    expect(sent).toEqual([7]);
  });

  test('a failed send rejects its callers and does not block the next update', async () => {
    const queue = createUpdateQueue();
    await expect(queue.run('k', 1, async () => Promise.reject(new Error('429')))).rejects.toThrow('429');
    const sent: number[] = [];
    await queue.run('k', 2, async () => void sent.push(2));
    expect(sent).toEqual([2]);
  });

  test('different messages do not wait for each other', async () => {
    const queue = createUpdateQueue();
    let release: () => void = () => undefined;
    const slow = queue.run('a', 1, () => new Promise<void>((r) => (release = r)));
    await queue.run('b', 1, async () => undefined);
    release();
    await slow;
  });
});
