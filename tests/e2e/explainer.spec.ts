import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { CONTENT_DIRS } from '../../src/data/content-dirs.ts';
import { chapterPathsOf, explainerPaths } from './site-pages.ts';

/**
 * The explainers' structure, as invariants of any correct content: every chapter is in the chapter
 * navigation in order and reachable by "Next" and "Previous", states its period and its date, and
 * every correction is noted where it matters. The same behaviour with known titles and dates is
 * tested on the fixture site (tests/e2e/fixture/engine.spec.ts).
 */

/** A date as the site writes it: "13 June 2024", "June 2024" or "2024". */
const DATE = String.raw`(?:\d{1,2} )?(?:[A-Z][a-z]+ )?\d{4}`;

for (const explainer of explainerPaths()) {
  test(`${explainer}: the chapter navigation lists every chapter, and Next and Previous walk them in its order`, async ({ page }) => {
    const chapters = chapterPathsOf(explainer);
    await page.goto(explainer);
    const nav = page.getByRole('navigation', { name: 'Chapters in this explainer' });
    const order = await nav.getByRole('link').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(order[0], 'the overview comes first').toBe(explainer);
    expect(order.toSorted()).toEqual(chapters.toSorted());

    for (const path of order.slice(1)) {
      await page.locator('a[rel="next"]').click();
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.locator('h1')).toBeVisible();
      await expect(nav.locator('[aria-current="page"]')).toHaveAttribute('href', path);
    }
    await expect(page.locator('a[rel="next"]')).toHaveCount(0);
    for (const path of order.toReversed().slice(1)) {
      await page.locator('a[rel="prev"]').click();
      expect(new URL(page.url()).pathname).toBe(path);
    }
    await expect(page.locator('a[rel="prev"]')).toHaveCount(0);
  });

  test(`${explainer}: every chapter states the period it covers and when it was updated`, async ({ page }) => {
    for (const path of chapterPathsOf(explainer)) {
      await page.goto(path);
      const meta = page.locator('.chapter-meta');
      await expect(meta, path).toContainText(new RegExp(`Covers ${DATE} – ${DATE}`));
      await expect(meta, path).toContainText(new RegExp(`Updated ${DATE}`));
      // Each date is machine-readable too.
      for (const time of await meta.locator('time').all()) await expect(time).toHaveAttribute('datetime', /^\d{4}(-\d{2}){0,2}$/);
    }
  });
}

test('every correction is listed and noted in a chapter, and the note and the corrections page link to each other', async ({ page }) => {
  // A round trip per correction: room for a dozen or so on a busy machine.
  test.setTimeout(180_000);
  const files = readdirSync(CONTENT_DIRS.corrections).filter((file) => file.endsWith('.yaml'));
  await page.goto('/corrections/');
  const corrections = page.locator('main ol > li[id]');
  await expect(corrections).toHaveCount(files.length);
  const ids = await corrections.evaluateAll((items) => items.map((li) => li.id));
  expect(ids.toSorted()).toEqual(files.map((file) => file.replace(/\.yaml$/, '')).toSorted());
  for (const id of ids) {
    await page.goto('/corrections/');
    const entry = page.locator(`main ol > li[id="${id}"]`);
    await expect(entry.getByText('Editor’s note in')).toBeVisible();
    await entry.getByText('Editor’s note in').locator('a').first().click();
    // The overview carries a one-line note that leads to the full one in a chapter.
    const landed = page.locator(`aside.editors-note[data-correction="${id}"]:target`);
    await expect(landed).toBeInViewport();
    if (await landed.evaluate((aside) => aside.classList.contains('editors-note-brief'))) await landed.locator('a').last().click();
    const note = page.locator(`aside.editors-note:not(.editors-note-brief)[data-correction="${id}"]:target`);
    await expect(note).toBeInViewport();
    await note.getByRole('link', { name: 'All corrections' }).click();
    await expect(page).toHaveURL(new RegExp(`/corrections/#${id}$`));
  }
});
