import { decodeHTML } from 'entities';
import { CHAPTER_ATTRIBUTE, chapterAnchor } from './whole-explainer.ts';

/**
 * What a PDF edition must hold, read from the whole-explainer page's HTML as the build wrote it, and
 * the check of a printed PDF's text against it. The printer (src/integrations/pdf-edition.ts) runs
 * it before it writes the file, so an edition that printed something else (a browser error page, a
 * page a refresh led to, a page cut short) fails the build instead of being published.
 *
 * The HTML is read with a few regular expressions over Astro's own output (quoted attributes, the
 * chapter sections the page writes), not parsed: the page can be megabytes and only these few
 * things are needed.
 */

export interface ExpectedEdition {
  title: string;
  chapters: { key: string; title: string; firstNote?: string | undefined; lastNote?: string | undefined }[];
  notes: number;
}

/** Text as found in a PDF and in HTML alike: no white space or hyphens, one form of each quotation mark. */
export function squash(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00ad\u2010\u2011-]+/g, '')
    .replace(/[\u2018\u2019\u02bb\u02bc']/g, "'")
    .replace(/[\u201c\u201d"]/g, '"');
}

/**
 * An element's text as printed: the back-links (not printed) dropped, a `<q>`'s quotation marks (which
 * the browser prints) added, tags dropped, references decoded, white space collapsed.
 */
function textOf(html: string): string {
  let depth = 0;
  const quoted = html
    .replace(/<a\b[^>]*\sdata-footnote-backref[^>]*>[\s\S]*?<\/a>/g, '')
    .replace(/<(\/?)q\b[^>]*>/g, (_, closing: string) => {
      if (closing) return --depth % 2 === 0 ? '”' : '’';
      return depth++ % 2 === 0 ? '“' : '‘';
    });
  return decodeHTML(quoted.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

const NOTE = /<li id="user-content-fn-[^"]*"[^>]*>([\s\S]*?)<\/li>/g;
/** How much of a note's text is compared: enough to tell notes apart, short of where a long note could be cut by a page. */
const NOTE_PREFIX = 40;

export function expectedEdition(html: string, title: string): ExpectedEdition {
  const starts = [...html.matchAll(new RegExp(`<section\\b[^>]*\\s${CHAPTER_ATTRIBUTE}="([^"]*)"`, 'g'))];
  let notes = 0;
  const chapters = starts.map((start, index) => {
    const key = start[1]!;
    const section = html.slice(start.index, starts[index + 1]?.index ?? html.length);
    const heading = new RegExp(`<h2\\b[^>]*\\sid="${chapterAnchor(key)}-title"[^>]*>([\\s\\S]*?)</h2>`).exec(section);
    const texts = [...section.matchAll(NOTE)].map((match) => squash(textOf(match[1]!)).slice(0, NOTE_PREFIX));
    notes += texts.length;
    return { key, title: textOf(heading?.[1] ?? ''), firstNote: texts[0], lastNote: texts.at(-1) };
  });
  return { title, chapters, notes };
}

/**
 * What is wrong with a printed edition, one line each; empty when it holds the title, every chapter's
 * title, and each chapter's first and last note.
 */
export function problemsInPrinted(expected: ExpectedEdition, pages: string[]): string[] {
  const problems: string[] = [];
  // Without the addresses print.css prints after external links, which can fall inside a note's first words.
  const text = squash(pages.join('\n').replace(/ ?<https?:[^>]*>/g, ''));
  if (expected.chapters.length === 0) problems.push('the page printed has no chapters (no <section data-chapter>)');
  if (!text.includes(squash(expected.title))) problems.push(`the title "${expected.title}" is not in the PDF`);
  if (pages.length < expected.chapters.length + 1) {
    problems.push(`${pages.length} pages for a title page and ${expected.chapters.length} chapters`);
  }
  for (const chapter of expected.chapters) {
    if (!chapter.title || !text.includes(squash(chapter.title)))
      problems.push(`chapter "${chapter.title || chapter.key}" is not in the PDF`);
    for (const note of new Set([chapter.firstNote, chapter.lastNote])) {
      if (note && !text.includes(note)) problems.push(`a note of chapter "${chapter.title || chapter.key}" is not in the PDF ("${note}…")`);
    }
  }
  return problems;
}
