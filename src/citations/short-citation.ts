import type { Source } from '../schemas/source.ts';

/** Text as HTML: `&`, `<`, `>` and `"` escaped. */
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A source's short form, as HTML: its publisher and its title as published (marked with its language
 * when that is not English), e.g. `<i>OC Media</i>, “Armenia and Belarus recall ambassadors”`. What
 * the whole-explainer page shows where a source is cited again after its first, full citation, and
 * in its closing list of sources.
 */
export function shortCitation(source: Pick<Source, 'publisher' | 'title' | 'language'>): string {
  const short = shortTitle(source.title);
  const title = /^en\b/.test(source.language) ? escape(short) : `<span lang="${escape(source.language)}">${escape(short)}</span>`;
  return `<i>${escape(source.publisher)}</i>, “${title}”`;
}

/** Titles longer than this are cut at a word and end in "…": a short form names the work, the full citation quotes it. */
const SHORT_TITLE = 60;

export function shortTitle(title: string): string {
  if (title.length <= SHORT_TITLE) return title;
  const cut = title
    .slice(0, SHORT_TITLE + 1)
    .replace(/\s+\S*$/, '')
    .replace(/[\s,;:.–—-]+$/, '');
  return `${cut}…`;
}
