import { describe, expect, test } from 'vitest';
import { FULL_CHAPTER_LIST, visibleChapterIndexes } from '../../src/data/chapter-list.ts';

describe('the chapter list', () => {
  test('shows every chapter of an ordinary explainer', () => {
    expect(visibleChapterIndexes(5, 2)).toEqual([0, 1, 2, 3, 4]);
    expect(visibleChapterIndexes(FULL_CHAPTER_LIST, 0)).toHaveLength(FULL_CHAPTER_LIST);
  });

  test('shows the overview, the last part and the neighbourhood of a long explainer', () => {
    expect(visibleChapterIndexes(1000, 500)).toEqual([0, 495, 496, 497, 498, 499, 500, 501, 502, 503, 504, 505, 999]);
    expect(visibleChapterIndexes(1000, 0)).toEqual([0, 1, 2, 3, 4, 5, 999]);
    expect(visibleChapterIndexes(1000, 999)).toEqual([0, 994, 995, 996, 997, 998, 999]);
  });
});
