import { expect, test } from '@playwright/test';
import { CHAPTER } from './site-pages.ts';

test('"Cite this page" gives the chapter in three styles and BibTeX, and its downloads are the same citation', async ({ page }) => {
  await page.goto(CHAPTER);
  const title = (await page.locator('h1').textContent())!.trim();
  const cite = page.locator('details.cite-this-page');
  await cite.locator('summary', { hasText: 'Cite this page' }).click();

  const styles = cite.locator('dt');
  await expect(styles).toHaveText(['APA', 'Harvard', 'Vancouver', 'BibTeX']);
  for (const entry of (await cite.locator('dd').all()).slice(0, 3)) await expect(entry).toContainText(title);

  const json = cite.getByRole('link', { name: 'Download CSL-JSON' });
  const bibtex = cite.getByRole('link', { name: 'Download BibTeX' });
  await expect(json).toHaveAttribute('download');
  await expect(bibtex).toHaveAttribute('download');

  const jsonResponse = await page.request.get((await json.getAttribute('href'))!);
  expect(jsonResponse.status()).toBe(200);
  expect(jsonResponse.headers()['content-type']).toContain('json');
  const [item] = (await jsonResponse.json()) as { title: string; URL: string }[];
  expect(item!.title).toContain(title);
  expect(new URL(item!.URL).pathname).toBe(CHAPTER);

  const bibResponse = await page.request.get((await bibtex.getAttribute('href'))!);
  expect(bibResponse.status()).toBe(200);
  const bib = await bibResponse.text();
  expect(bib).toMatch(/^@\w+\{/);
  // BibTeX keeps proper nouns' capitals with braces: {Armenia}; compared without them.
  expect(bib.replace(/[{}]/g, '')).toContain(title);
  // The BibTeX on the page is the file's.
  await expect(cite.locator('pre code')).toHaveText(bib.trim());
});
