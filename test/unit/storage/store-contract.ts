import type { Store } from '../../../src/storage/port.js';

export interface StoreFixture {
  readonly store: Store;
  /** Moves the store's clock forward. */
  advance(ms: number): void;
  cleanup(): Promise<void>;
}

/** The storage-port contract: every store (memory, lowdb, Redis) must pass the same suite. */
export function describeStoreContract(name: string, factory: () => Promise<StoreFixture>): void {
  describe(`${name}: storage port contract`, () => {
    let f: StoreFixture;
    beforeEach(async () => {
      f = await factory();
    });
    afterEach(async () => {
      await f.store.close();
      await f.cleanup();
    });

    test('get, update, delete and list by prefix', async () => {
      expect(await f.store.get('a:1')).toBeUndefined();
      expect(await f.store.update('a:1', () => ({ n: 1 }))).toEqual({ n: 1 });
      await f.store.update('a:2', () => 'twee');
      await f.store.update('b:1', () => [1, 2]);
      expect(await f.store.get('a:1')).toEqual({ n: 1 });
      expect((await f.store.list('a:')).sort()).toEqual(['a:1', 'a:2']);
      await f.store.delete('a:1');
      expect(await f.store.get('a:1')).toBeUndefined();
      expect(await f.store.list('a:')).toEqual(['a:2']);
      await f.store.delete('nothing-here');
    });

    test('update sees the current value and returning undefined deletes the key', async () => {
      await f.store.update<number>('n', () => 1);
      await f.store.update<number>('n', (c) => (c ?? 0) + 1);
      expect(await f.store.get('n')).toBe(2);
      await f.store.update('n', () => undefined);
      expect(await f.store.get('n')).toBeUndefined();
      expect(await f.store.list('n')).toEqual([]);
    });

    test('50 concurrent updates of one key lose nothing', async () => {
      await Promise.all(Array.from({ length: 50 }, (_, i) => f.store.update<number[]>('votes', (c) => [...(c ?? []), i])));
      const votes = await f.store.get<number[]>('votes');
      expect(votes).toHaveLength(50);
      expect(new Set(votes).size).toBe(50);
    });

    test('entries expire after their time to live, for get, update and list', async () => {
      await f.store.update('short', () => 'x', { ttlMs: 1000 });
      await f.store.update('long', () => 'y', { ttlMs: 10_000 });
      await f.store.update('forever', () => 'z');
      f.advance(1001);
      expect(await f.store.get('short')).toBeUndefined();
      expect(await f.store.update<string>('short', (c) => (c === undefined ? 'fresh' : 'stale'))).toBe('fresh');
      f.advance(10_000);
      expect(await f.store.get('long')).toBeUndefined();
      // 'short' was written again without a time to live, so it stays
      expect((await f.store.list('')).sort()).toEqual(['forever', 'short']);
      expect(await f.store.get('forever')).toBe('z');
    });

    test('values are copies: changing what you got does not change what is stored', async () => {
      const value = { list: [1] };
      await f.store.update('copy', () => value);
      value.list.push(2);
      const got = await f.store.get<{ list: number[] }>('copy');
      got!.list.push(3);
      expect(await f.store.get('copy')).toEqual({ list: [1] });
    });

    test('keys with odd characters are kept apart', async () => {
      const keys = ['user:29%3A1:conv:a', 'user:29:1:conv:a', 'teams:19:abc@thread.tacv2;messageid=1', `long:${'x'.repeat(400)}`];
      for (const [i, k] of keys.entries()) await f.store.update(k, () => i);
      for (const [i, k] of keys.entries()) expect(await f.store.get(k)).toBe(i);
      expect(await f.store.ping()).toBe(true);
    });
  });
}
