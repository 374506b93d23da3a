import { expect, test, vi } from 'vitest';

const getCollection = vi.fn(async (collection: string) => [{ id: `one of ${collection}` }]);
vi.mock('astro:content', () => ({ getCollection }));
vi.mock('../../src/data/catalog.ts', () => ({
  loadDataCollections: () => ({ errata: new Map(), events: new Map([['an-event', {}]]) }),
}));
const { entriesOf } = await import('../../src/data/collections.ts');

test('an empty data collection reads as empty without asking Astro, which would warn that it may be misconfigured', async () => {
  expect(await entriesOf('errata')).toEqual([]);
  expect(getCollection).not.toHaveBeenCalled();
  expect(await entriesOf('events')).toEqual([{ id: 'one of events' }]);
  expect(getCollection).toHaveBeenCalledWith('events');
});
