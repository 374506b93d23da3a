import { expect, test } from '@playwright/test';
import { readDataCollections } from '../../src/data/catalog.ts';
import { CHAPTER, chapterPathsOf, explainerPaths } from './site-pages.ts';

/**
 * Notes, citations and quotations on every chapter of every explainer, as invariants of any correct
 * content: each marker has its note and back, each citation a listed source and, in the prose, its
 * evidence passage; each quotation is a statement's words, linked to its source.
 */
const chapters = explainerPaths().flatMap((explainer) => chapterPathsOf(explainer));

test('a footnote marker jumps to its note, and the note links back to the marker', async ({ page }) => {
  await page.goto(CHAPTER);
  const marker = page.locator('a[data-footnote-ref]').first();
  const noteId = (await marker.getAttribute('href'))!.slice(1);
  const markerId = (await marker.getAttribute('id'))!;
  await marker.click();
  await expect(page).toHaveURL(new RegExp(`#${noteId}$`));
  const note = page.locator(`[id="${noteId}"]`);
  await expect(note).toBeInViewport();
  await note.locator(`a[href="#${markerId}"]`).click();
  await expect(page).toHaveURL(new RegExp(`#${markerId}$`));
  await expect(page.locator(`[id="${markerId}"]`)).toBeInViewport();
});

test('every chapter: each marker has a note, each note a marker, and each citation a listed source', async ({ page }) => {
  await page.goto('/sources/');
  const knownSources = new Set(await page.locator('main li[id]').evaluateAll((items) => items.map((li) => li.id)));
  expect(knownSources.size).toBeGreaterThan(0);

  for (const path of chapters) {
    await page.goto(path);
    const report = await page.evaluate(() => {
      const ids = (selector: string, attribute: string) =>
        [...document.querySelectorAll(selector)].map((element) => element.getAttribute(attribute)!);
      const markerTargets = ids('a[data-footnote-ref]', 'href').map((href) => href.slice(1));
      const noteIds = ids('.footnotes li', 'id');
      const backTargets = ids('.footnotes a[data-footnote-backref]', 'href').map((href) => href.slice(1));
      const markerIds = ids('a[data-footnote-ref]', 'id');
      return {
        markersWithoutNote: markerTargets.filter((id) => !noteIds.includes(id)),
        notesWithoutMarker: noteIds.filter((id) => !markerTargets.includes(id)),
        backlinksWithoutMarker: backTargets.filter((id) => !markerIds.includes(id)),
        citedSources: ids('.footnotes .citation', 'data-source'),
        markers: markerTargets.length,
      };
    });
    expect(report.markers, `${path} has footnotes`).toBeGreaterThan(0);
    expect(report.markersWithoutNote, path).toEqual([]);
    expect(report.notesWithoutMarker, path).toEqual([]);
    expect(report.backlinksWithoutMarker, path).toEqual([]);
    expect(
      report.citedSources.filter((id) => !knownSources.has(id)),
      path,
    ).toEqual([]);
  }
});

/** Text compared as the build may have set it: curled quotes and apostrophes, dashes, ellipses and spacing undone. */
const plain = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb\u201e]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\s+/g, ' ')
    .trim();

test('every quotation is a statement’s words, marked up as a quotation with its source’s address and a note', async ({ page }) => {
  const { data } = readDataCollections();
  const statements = [...data.statements.values()].map((statement) => ({
    text: plain(statement.text),
    url: data.sources.get(statement.source.id)?.url,
  }));
  for (const path of chapters) {
    await page.goto(path);
    const found = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('main figure.quote blockquote, main q.quote')].map((quote) => ({
        block: quote.tagName === 'BLOCKQUOTE',
        // Without the ellipses we add where a quotation is cut: the words are the statement's own.
        text: [...quote.querySelectorAll('.quote-cut')].reduce((text, cut) => text.replace(cut.textContent ?? '', ''), quote.innerText),
        cite: quote.getAttribute('cite'),
        // A block quotation is cited in its caption; an inline one right after it.
        cited: Boolean(
          quote.tagName === 'BLOCKQUOTE'
            ? quote.closest('figure')?.querySelector('figcaption a[data-footnote-ref]')
            : quote.nextElementSibling?.querySelector('a[data-footnote-ref]'),
        ),
      })),
    );
    for (const quote of found) {
      const from = statements.filter((statement) => statement.text.includes(plain(quote.text)));
      expect(from.length, `${path}: “${quote.text.slice(0, 60)}” is no statement's words`).toBeGreaterThan(0);
      expect(
        from.map((statement) => statement.url),
        `${path}: “${quote.text.slice(0, 60)}” cites another address`,
      ).toContain(quote.cite);
      expect(quote.cited, `${path}: “${quote.text.slice(0, 60)}” has no note`).toBe(true);
    }
  }
});

test('every citation in a chapter’s prose carries its evidence passage in its note', async ({ page }) => {
  let checked = 0;
  for (const path of chapters) {
    await page.goto(path);
    const { missing: withoutEvidence, checked: checkedHere } = await page.evaluate(() => {
      const missing: string[] = [];
      let checked = 0;
      for (const marker of document.querySelectorAll<HTMLAnchorElement>('.prose-explainer a[data-footnote-ref]')) {
        // Quotations, editor's notes, tables and charts cite through their component: the quotation or
        // the data is the evidence. So does the marker right after an inline quotation.
        if (marker.closest('figure, aside, table, .footnotes')) continue;
        // (Markers and the punctuation after them are kept together in a span.fn-anchor.)
        const before = (marker.closest('.fn-anchor') ?? marker.closest('sup'))?.previousSibling;
        if (before instanceof Element && before.matches('q.quote')) continue;
        const note = document.getElementById(decodeURIComponent(marker.hash.slice(1)));
        // An explanatory note of our own ([^note]) cites no source.
        if (!note?.querySelector('.citation')) continue;
        checked++;
        if (!note.querySelector('q.evidence')) missing.push(`note ${marker.textContent}: ${note.innerText.slice(0, 80)}`);
      }
      return { missing, checked };
    });
    expect(withoutEvidence, path).toEqual([]);
    checked += checkedHere;
  }
  // Every paragraph of fact is cited, so any correct content has citations to check.
  expect(checked, 'no citation in any chapter’s prose was checked').toBeGreaterThan(0);
});
