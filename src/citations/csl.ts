import { Cite, plugins, type CslItem } from '@citation-js/core';
import { decodeHTML, escapeUTF8 } from 'entities';
import { nested } from './nested-quotes.ts';
import { strings } from '../i18n/ui.ts';
import { languageName } from './language-name.ts';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import { packageVersions, persistentMemo } from '../build/build-cache.ts';
import { processShared } from '../build/process-shared.ts';
import { packageUrl, WorkerPool } from '../build/worker-pool.ts';
import type { PartialDate } from '../schemas/partial-date.ts';
import type { Source } from '../schemas/source.ts';
import { SITE } from '../site.config.ts';

/**
 * Citations are formatted by citation-js (citeproc with the CSL styles it ships: APA, Harvard,
 * Vancouver), never by hand. We only map our source entries to CSL-JSON.
 *
 * The house writes dates day-month-year ("13 June 2024"). citation-js ships only the en-US locale,
 * so we derive en-GB from it by changing the one date pattern that differs; no file is downloaded.
 */
export const CITATION_LOCALE = SITE.locale;
export const CITATION_STYLES = { apa: 'APA', harvard1: 'Harvard', vancouver: 'Vancouver' } as const;
export type CitationStyle = keyof typeof CITATION_STYLES;
/** The styles' ids, in the order "Cite this page" shows them. */
export const CITATION_STYLE_IDS = Object.keys(CITATION_STYLES) as CitationStyle[];
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

/** A partial date as CSL date parts: only the parts we know, so "June 2024" is never cited as 1 June. */
export function cslDate(date: PartialDate): { 'date-parts': number[][] } {
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
  const html = bibliography(item, style);
  const entry = (/<div[^>]*class="csl-entry"[^>]*>([\s\S]*?)<\/div>\s*<\/div>\s*$/.exec(html)?.[1] ?? html)
    // Numbered styles (Vancouver) set the number in a margin box beside the entry; an entry shown
    // on its own has no list to be numbered in, and the boxes would break it over two lines.
    .replace(/<div class="csl-left-margin">[\s\S]*?<\/div>/, '')
    .replace(/<div class="csl-right-inline">([\s\S]*)<\/div>/, '$1');
  return markLanguage(
    entry.trim().replace(URL_IN_TEXT, (url) => `<a href="${url}">${url}</a>`),
    item,
  );
}

/**
 * A source as notes and the sources page show it: the formatted entry, then what the style has no
 * place for: the headline in English where the page is in another language, the agency whose story
 * the page carries, and a link to the archived copy the editors read.
 */
export function formatSourceEntry(id: string, source: Source): string {
  const t = strings();
  const parts = [formatEntry(toCslItem(id, source))];
  if (source.titleTranslated)
    parts.push(
      `<span class="title-translated">${escapeUTF8(t.headlineTranslated(languageName(source.language)))}: “${escapeUTF8(nested(source.titleTranslated))}”.</span>`,
    );
  if (source.via) parts.push(`<span class="via">${escapeUTF8(t.storyBy(source.via))}</span>`);
  if (source.archived) parts.push(`<a class="archived" href="${escapeUTF8(source.archived)}">${escapeUTF8(t.archivedCopy)}</a>.`);
  return parts.join(' ');
}

/**
 * Starts formatting every source's entry as the notes cite it, in a worker thread (formatAhead),
 * before any chapter is compiled: the citation transform runs on the main thread and formats each
 * source it cites, and at thousands of sources that is seconds of citeproc. An entry not yet back
 * when a note needs it is formatted there as before.
 */
export function formatSourcesAhead(sources: Map<string, Source>): void {
  formatAhead(
    [...sources].map(([id, source]) => toCslItem(id, source)),
    [NOTE_STYLE],
  );
}

/**
 * A title in another language than the edition's (English) is marked with its own `lang`, so that
 * a screen reader reads "Лукашенко предостерег…" with Russian rules (WCAG 3.1.2, language of parts).
 */
function markLanguage(html: string, item: CslItem): string {
  const language = item.language;
  if (!language || language.split('-')[0] === SITE.lang) return html;
  // citeproc escapes &, < and > as numeric references.
  const title = item.title.replace(/&/g, '&#38;').replace(/</g, '&#60;').replace(/>/g, '&#62;');
  // citeproc turns quotation marks inside the quoted title into the inner kind (“ → ‘), so any
  // quotation mark in the title matches any other.
  const quote = `["'\u2018\u2019\u201c\u201d\u00ab\u00bb\u201e]`;
  const pattern = new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(new RegExp(quote, 'g'), quote));
  return html.replace(pattern, (found) => `<span lang="${language}">${found}</span>`);
}

/**
 * A plain-text entry: the HTML entry without its markup, so that it costs no second citeproc run
 * and reads exactly as the notes do.
 */
export function formatEntryText(item: CslItem, style: CitationStyle = NOTE_STYLE): string {
  // citeproc writes &, < and > as numeric references (&#38;); entities reads every kind.
  return decodeHTML(formatEntry(item, style).replace(/<[^>]*>/g, '')).trim();
}

/**
 * citeproc builds an engine for every call, which costs a millisecond or more; a source is cited
 * on many pages and in many notes, and most entries are the same from one build to the next. So
 * each formatted entry is remembered, keyed by everything that shapes it, within the build and
 * across builds (in the build cache; see persistentMemo). The file depends on the citation-js and
 * citeproc versions and on our locale, so an upgrade or a locale change starts a new one.
 */
const formatted = persistentMemo('citeproc', [
  ...packageVersions(['@citation-js/core', '@citation-js/plugin-csl', '@citation-js/plugin-bibtex', 'citeproc']),
  csl.locales.get(CITATION_LOCALE),
]);

function memoised(key: string, format: () => string): string {
  let entry = formatted.get(key);
  if (entry === undefined) {
    entry = format();
    formatted.set(key, entry);
  }
  return entry;
}

/** What citeproc is asked for one entry, here or in the worker. */
function bibliographyRequest(item: CslItem, style: CitationStyle) {
  return { item, options: { format: 'html', template: style, lang: CITATION_LOCALE } } as const;
}

type BibliographyRequest = ReturnType<typeof bibliographyRequest>;

function bibliographyKey(item: CslItem, style: CitationStyle): string {
  return `${style} ${JSON.stringify(item)}`;
}

function bibliography(item: CslItem, style: CitationStyle): string {
  return memoised(bibliographyKey(item, style), () => {
    const { options } = bibliographyRequest(item, style);
    return new Cite(item).format('bibliography', options);
  });
}

/**
 * Entries that pages will ask for soon, formatted meanwhile in a worker thread. "Cite this page"
 * shows every page in three styles: in a clean build of a thousand pages that is 3,000 citeproc
 * runs, about 6 s of the main thread's time, which a worker does while the main thread renders the
 * pages. Only what is neither remembered nor already under way is sent. A worker first loads
 * citeproc and builds its styles (about half a second), so a few entries are left to the page,
 * which formats them itself as before. If the worker fails, so do only its promises: the page
 * formats the entry itself, and a real error surfaces there.
 */
export function formatAhead(items: CslItem[], styles: readonly CitationStyle[]): void {
  const { pending } = ahead;
  const needed = new Map<string, { item: CslItem; style: CitationStyle }>();
  for (const item of items) {
    for (const style of styles) {
      const key = bibliographyKey(item, style);
      if (!pending.has(key) && formatted.get(key) === undefined) needed.set(key, { item, style });
    }
  }
  if (needed.size < WORTH_A_WORKER) return;
  ahead.worker ??= startCiteprocWorker();
  for (const [key, { item, style }] of needed) {
    const done = ahead.worker
      .run(bibliographyRequest(item, style))
      .then((html) => formatted.set(key, html), warnOnce)
      .finally(() => pending.delete(key));
    pending.set(key, done);
  }
}

/** formatEntry, once the entry is back from the worker if formatAhead sent it there. */
export async function formatEntryWhenReady(item: CslItem, style: CitationStyle): Promise<string> {
  await ahead.pending.get(bibliographyKey(item, style));
  return formatEntry(item, style);
}

/** Fewer entries than this are quicker to format on the main thread than to start a worker for. */
const WORTH_A_WORKER = 100;

/**
 * The worker and the entries sent to it and not yet back, by memo key. One worker, given every
 * entry at once (they are small): it formats an entry in about 1 ms, faster than the main thread
 * renders the page that needs it. Shared by the process (processShared), so that `astro dev`,
 * which runs this module again after an edit, keeps one worker.
 */
const ahead = processShared<CiteprocAhead>('citeproc-ahead', () => ({ pending: new Map() }));

interface CiteprocAhead {
  worker?: WorkerPool<BibliographyRequest, string>;
  pending: Map<string, Promise<unknown>>;
}

let warned = false;
function warnOnce(error: unknown): void {
  if (warned) return;
  warned = true;
  console.warn(`Citations are formatted on the main thread instead: ${String(error)}`);
}

const CITEPROC_WORKER = `
import { workerData } from 'node:worker_threads';
const { Cite, plugins } = (await import(workerData.core)).default;
await import(workerData.csl);
const { locales } = plugins.config.get('@csl');
if (!locales.has(workerData.locale)) locales.add(workerData.locale, workerData.localeXml);
async function work({ item, options }) {
  return new Cite(item).format('bibliography', options);
}
`;

function startCiteprocWorker(): WorkerPool<BibliographyRequest, string> {
  return new WorkerPool<BibliographyRequest, string>('A citation could not be formatted', CITEPROC_WORKER, {
    size: 1,
    tasksPerWorker: Infinity,
    workerData: {
      core: packageUrl('@citation-js/core'),
      csl: packageUrl('@citation-js/plugin-csl'),
      locale: CITATION_LOCALE,
      localeXml: csl.locales.get(CITATION_LOCALE),
    },
  });
}

export function formatBibtex(items: CslItem[]): string {
  return memoised(`bibtex, valid months ${JSON.stringify(items)}`, () => validBibtexMonths(new Cite(items).format('bibtex').trim()));
}

/**
 * citation-js writes a full date as `month = {dec 6}`, which BibTeX takes as a month named "dec 6"
 * and styles print verbatim. The month becomes BibTeX's own macro (`month = dec`, which every style
 * spells out in its language), and the day its own field, which biblatex reads and BibTeX ignores.
 */
export function validBibtexMonths(bibtex: string): string {
  return bibtex.replace(
    /^(\s*)month = \{([a-z]{3})(?: (\d{1,2}))?\},$/gm,
    (_, indent: string, month: string, day?: string) => `${indent}month = ${month},${day ? `\n${indent}day = {${day}},` : ''}`,
  );
}
