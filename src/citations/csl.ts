import { Cite, plugins, type CslItem } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import type { PartialDate } from '../schemas/partial-date';
import type { Source } from '../schemas/source';

/**
 * Citations are formatted by citation-js (citeproc with the CSL styles it ships: APA, Harvard,
 * Vancouver), never by hand. We only map our source entries to CSL-JSON.
 *
 * The house writes dates day-month-year ("13 June 2024"). citation-js ships only the en-US locale,
 * so we derive en-GB from it by changing the one date pattern that differs; no file is downloaded.
 */
export const CITATION_LOCALE = 'en-GB';
export const CITATION_STYLES = { apa: 'APA', harvard1: 'Harvard', vancouver: 'Vancouver' } as const;
export type CitationStyle = keyof typeof CITATION_STYLES;
/** The style of footnotes and source lists: author (or publisher), year, title, day and month, link. */
export const NOTE_STYLE: CitationStyle = 'harvard1';

const csl = plugins.config.get('@csl');
if (!csl.locales.has(CITATION_LOCALE)) {
  const dayMonthYear =
    '<date form="text"><date-part name="day" suffix=" "/><date-part name="month" suffix=" "/><date-part name="year"/></date>';
  csl.locales.add(
    CITATION_LOCALE,
    csl.locales
      .get('en-US')
      .replace(/<date form="text">[\s\S]*?<\/date>/, dayMonthYear)
      .replace('xml:lang="en-US"', `xml:lang="${CITATION_LOCALE}"`),
  );
}

function cslDate(date: PartialDate): { 'date-parts': number[][] } {
  return { 'date-parts': [date.iso.split('-').map(Number)] };
}

const CSL_TYPES: Record<Source['kind'], string> = {
  'news-report': 'article-newspaper',
  'official-statement': 'webpage',
  reference: 'webpage',
};

export function toCslItem(id: string, source: Source): CslItem {
  return {
    id,
    type: CSL_TYPES[source.kind],
    title: source.title,
    // The outlet or site that published it; styles print it once, in italics, as the container.
    'container-title': source.publisher,
    ...(source.published ? { issued: cslDate(source.published) } : {}),
    ...(source.author ? { author: source.author.map((literal) => ({ literal })) } : {}),
    URL: source.url,
    language: source.language,
  };
}

const URL_IN_TEXT = /https?:\/\/[^\s<"]+[^\s<".,;:)]/g;

/** One formatted entry as HTML, with its address made a link (citeproc prints it as plain text). */
export function formatEntry(item: CslItem, style: CitationStyle = NOTE_STYLE): string {
  const html = bibliography(item, style, 'html');
  const entry = /<div[^>]*class="csl-entry"[^>]*>([\s\S]*?)<\/div>\s*<\/div>\s*$/.exec(html)?.[1] ?? html;
  return markLanguage(
    entry.trim().replace(URL_IN_TEXT, (url) => `<a href="${url}">${url}</a>`),
    item,
  );
}

/**
 * A title in another language than the edition's (English) is marked with its own `lang`, so that
 * a screen reader reads "Лукашенко предостерег…" with Russian rules (WCAG 3.1.2, language of parts).
 */
function markLanguage(html: string, item: CslItem): string {
  const language = item.language;
  if (!language || language.split('-')[0] === 'en') return html;
  // citeproc escapes &, < and > as numeric references.
  const title = item.title.replace(/&/g, '&#38;').replace(/</g, '&#60;').replace(/>/g, '&#62;');
  return html.includes(title) ? html.replace(title, `<span lang="${language}">${title}</span>`) : html;
}

/** A plain-text entry, for copying. */
export function formatEntryText(item: CslItem, style: CitationStyle): string {
  return bibliography(item, style, 'text').trim();
}

/**
 * citeproc builds an engine for every call, which costs milliseconds; a source is cited on many
 * pages and in many notes, so each formatted entry is kept, keyed by everything that shapes it.
 */
const formatted = new Map<string, string>();
function bibliography(item: CslItem, style: CitationStyle, format: 'html' | 'text'): string {
  const key = `${style} ${format} ${JSON.stringify(item)}`;
  let entry = formatted.get(key);
  if (entry === undefined) {
    entry = new Cite(item).format('bibliography', { format, template: style, lang: CITATION_LOCALE });
    formatted.set(key, entry);
  }
  return entry;
}

export function formatBibtex(items: CslItem[]): string {
  return new Cite(items).format('bibtex').trim();
}
