import { createMemoryDeduper } from '../../../src/adapters/dedupe.js';

test('an event id runs once within the window, again after it, and memory stays bounded', () => {
  let t = 0;
  const d = createMemoryDeduper({ ttlMs: 1000, maxIds: 3, now: () => t });
  expect(d.firstDelivery('Ev1')).toBe(true);
  expect(d.firstDelivery('Ev1')).toBe(false);
  t = 1001;
  expect(d.firstDelivery('Ev1')).toBe(true);
  for (const id of ['a', 'b', 'c']) d.firstDelivery(id);
  expect(d.firstDelivery('Ev1')).toBe(true); // pushed out by newer ids
});
