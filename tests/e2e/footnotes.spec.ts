import { expect, test } from '@playwright/test';
import { EXPLAINER } from './site-pages';

async function chapterPaths(page: import('@playwright/test').Page): Promise<string[]> {
  await page.goto(EXPLAINER);
  return page
    .getByRole('navigation', { name: 'Chapters in this explainer' })
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
}

test('a footnote marker jumps to its note, and the note links back to the marker', async ({ page }) => {
  await page.goto(`${EXPLAINER}scandal/`);
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
  expect(knownSources.size).toBeGreaterThan(10);

  for (const path of await chapterPaths(page)) {
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
    expect(report.markers, `${path} has footnotes`).toBeGreaterThan(3);
    expect(report.markersWithoutNote, path).toEqual([]);
    expect(report.notesWithoutMarker, path).toEqual([]);
    expect(report.backlinksWithoutMarker, path).toEqual([]);
    expect(
      report.citedSources.filter((id) => !knownSources.has(id)),
      path,
    ).toEqual([]);
  }
});

test('quotations are semantic, with the source address in cite', async ({ page }) => {
  await page.goto(`${EXPLAINER}scandal/`);
  const blockquote = page.locator('figure.quote blockquote').first();
  await expect(blockquote).toHaveAttribute('cite', /^https?:\/\//);
  await expect(page.locator('figure.quote figcaption a[data-footnote-ref]').first()).toBeVisible();
});
