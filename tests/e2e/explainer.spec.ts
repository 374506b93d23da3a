import { expect, test } from '@playwright/test';
import { EXPLAINER } from './site-pages';

const PARTS = ['Background', 'The scandal', 'Reactions', 'CSTO context'];

test('the overview and the four parts exist and link to each other in order', async ({ page }) => {
  await page.goto(EXPLAINER);
  const nav = page.getByRole('navigation', { name: 'Chapters in this explainer' });
  const links = nav.getByRole('link');
  await expect(links).toHaveCount(5);
  await expect(links.nth(0)).toHaveText(/Overview/);
  for (const [index, title] of PARTS.entries()) await expect(links.nth(index + 1)).toContainText(title);

  // Walk the whole explainer with "Next", then back with "Previous".
  const visited: string[] = [new URL(page.url()).pathname];
  for (const title of PARTS) {
    await page.locator('a[rel="next"]').click();
    await expect(page.locator('h1')).toBeVisible();
    await expect(nav.locator('[aria-current="page"]')).toContainText(title);
    visited.push(new URL(page.url()).pathname);
  }
  await expect(page.locator('a[rel="next"]')).toHaveCount(0);
  expect(new Set(visited).size).toBe(5);
  for (const path of visited.toReversed().slice(1)) {
    await page.locator('a[rel="prev"]').click();
    expect(new URL(page.url()).pathname).toBe(path);
  }
});

test('every chapter states the period it covers and when it was updated', async ({ page }) => {
  await page.goto(EXPLAINER);
  const hrefs = await page
    .getByRole('navigation', { name: 'Chapters in this explainer' })
    .getByRole('link')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  for (const href of hrefs) {
    await page.goto(href);
    await expect(page.locator('.chapter-meta')).toContainText(/Covers 15 May 1992 – 13 June 2024/);
    await expect(page.locator('.chapter-meta')).toContainText(/Updated \d{1,2} \w+ \d{4}/);
  }
});

test('every correction is noted in a chapter, and the note and the corrections page link to each other', async ({ page }) => {
  await page.goto('/corrections/');
  const corrections = page.locator('main ol > li[id]');
  const count = await corrections.count();
  expect(count).toBeGreaterThanOrEqual(7);
  for (let index = 0; index < count; index++) {
    await expect(corrections.nth(index).getByText('Editor’s note in')).toBeVisible();
  }
  const first = corrections.first();
  const id = await first.getAttribute('id');
  await first.getByText('Editor’s note in').locator('a').first().click();
  const note = page.locator(`aside.editors-note[data-correction="${id}"]`).first();
  await expect(note).toBeInViewport();
  await note.getByRole('link', { name: 'All corrections' }).click();
  await expect(page).toHaveURL(new RegExp(`/corrections/#${id}$`));
});
