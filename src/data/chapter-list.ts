/** Past this many chapters, the chapter list shows the neighbourhood of the current one. */
export const FULL_CHAPTER_LIST = 30;
const NEIGHBOURS = 5;

/**
 * The chapter numbers (indexes into `chapters`) a chapter list shows: all of them for an ordinary
 * explainer; for a long one, the overview, the last part and five on either side of the current
 * chapter, so each page's size does not grow with the length of the explainer.
 */
export function visibleChapterIndexes(count: number, current: number): number[] {
  if (count <= FULL_CHAPTER_LIST) return Array.from({ length: count }, (_, index) => index);
  const shown = new Set([0, count - 1]);
  for (let index = Math.max(0, current - NEIGHBOURS); index <= Math.min(count - 1, current + NEIGHBOURS); index++) shown.add(index);
  return [...shown].sort((a, b) => a - b);
}
