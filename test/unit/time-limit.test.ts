import { jest } from '@jest/globals';
import { withTimeLimit } from '../../src/time-limit.js';

/** The one race between a piece of work and its time limit (teams auth and tokens, redis dedupe, slack names, /readyz). */

const never = new Promise<string>(() => {});

test('work that settles in time wins, and its rejection stays its own', async () => {
  await expect(withTimeLimit(Promise.resolve('op tijd'), 50, () => 'te laat')).resolves.toBe('op tijd');
  await expect(withTimeLimit(Promise.reject(new Error('kapot')), 50, () => 'te laat')).rejects.toThrow('kapot');
});

test('work that does not settle gets what late() gives, or its error', async () => {
  await expect(withTimeLimit(never, 10, () => 'te laat')).resolves.toBe('te laat');
  await expect(withTimeLimit(never, 10, (): never => {
    throw new Error('CALL_TIMEOUT');
  })).rejects.toThrow('CALL_TIMEOUT');
});

test('no timer outlives a race that is over', async () => {
  jest.useFakeTimers();
  try {
    await withTimeLimit(Promise.resolve(1), 60_000, () => 0);
    expect(jest.getTimerCount()).toBe(0);
  } finally {
    jest.useRealTimers();
  }
});
