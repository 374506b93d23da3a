import { expect, test } from '@playwright/test';
import { sitemapPaths } from './site-pages.ts';

/**
 * Evidence on citations, on whatever content is built: a note that quotes its source shows the
 * passage after the source, and so does the note's preview; outlets a state directs are labelled.
 * (The build refuses a citation in prose without its passage; these check what readers see.)
 */
const pagesWithNotes = () => sitemapPaths().filter((path) => path.split('/').filter(Boolean).length === 2);

test('a footnote preview shows the source and the passage that supports the sentence', async ({ page }) => {
  // Below the sidenotes' width, where a marker opens its preview.
  await page.setViewportSize({ width: 1024, height: 800 });
  let checked = 0;
  for (const path of pagesWithNotes()) {
    await page.goto(path);
    const withPassage = page.locator('.footnotes li:has(q.evidence)');
    if ((await withPassage.count()) === 0) continue;
    const note = withPassage.first();
    const noteId = await note.getAttribute('id');
    const passage = (await note.locator('q.evidence').first().textContent())!.trim();
    const marker = page.locator(`a[data-footnote-ref][href="#${noteId}"]`).first();
    await marker.scrollIntoViewIfNeeded();
    await marker.hover();
    const preview = page.locator('.footnote-preview');
    await expect(preview).toBeVisible();
    await expect(preview.locator('q.evidence')).toHaveText(passage);
    await expect(preview.locator('.citation')).toBeVisible();
    checked++;
  }
  expect(checked, 'at least one chapter has notes with passages').toBeGreaterThan(0);
});

test('each note quotes one passage at most, after its source, and a translated passage is marked as ours', async ({ page }) => {
  for (const path of pagesWithNotes()) {
    await page.goto(path);
    const notes = await page.locator('.footnotes li').evaluateAll((items) =>
      items.map((li) => ({
        passages: li.querySelectorAll('q.evidence').length,
        passageAfterSource: !li.querySelector('q.evidence') || !!li.querySelector('.citation ~ q.evidence'),
        translatedHasLanguage: [...li.querySelectorAll('q.evidence')].every(
          (q) => !q.nextElementSibling?.matches('.evidence-translation') || q.hasAttribute('lang'),
        ),
      })),
    );
    for (const note of notes) {
      expect(note.passages, path).toBeLessThanOrEqual(1);
      expect(note.passageAfterSource, path).toBe(true);
      expect(note.translatedHasLanguage, path).toBe(true);
    }
  }
});

test('the sources page lists the passages each source is cited for, linked to their notes', async ({ page }) => {
  await page.goto('/sources/');
  const links = await page.locator('.evidence-list a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')!));
  expect(links.length).toBeGreaterThan(0);
  for (const href of links.slice(0, 5)) {
    const [path, id] = href.split('#');
    await page.goto(path!);
    await expect(page.locator(`[id="${decodeURIComponent(id!)}"] q.evidence`)).toBeVisible();
  }
});

test('a labelled outlet is labelled wherever it is cited', async ({ page }) => {
  await page.goto('/sources/');
  const labelled = await page.locator('main li[id]:has(.outlet-label)').evaluateAll((items) => items.map((li) => li.id));
  test.skip(labelled.length === 0, 'no source on this site comes from a labelled outlet');
  for (const path of pagesWithNotes()) {
    await page.goto(path);
    const unlabelled = await page.locator('.footnotes li:has(.citation[data-source])').evaluateAll(
      (notes, labelledIds) =>
        notes
          .filter((li) => labelledIds.includes(li.querySelector('.citation')!.getAttribute('data-source')!))
          .filter((li) => !li.querySelector('.outlet-label')?.checkVisibility())
          .map((li) => li.id),
      labelled,
    );
    expect(unlabelled, path).toEqual([]);
  }
});
