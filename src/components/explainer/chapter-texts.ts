/**
 * Chapters' rendered HTML, kept by the one-page edition for the chapters' own pages (ChapterText.astro).
 * Each is taken once, by the next page that shows the chapter, so none outlives the page it was kept
 * for, and a text is never shown from an earlier build.
 */
const texts = new Map<string, string>();

export function keepChapterText(chapterId: string, html: string): void {
  texts.set(chapterId, html);
}

export function takeChapterText(chapterId: string): string | undefined {
  const html = texts.get(chapterId);
  texts.delete(chapterId);
  return html;
}
