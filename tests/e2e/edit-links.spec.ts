import { expect, test } from '@playwright/test';
import { SITE } from '../../src/site.config.ts';
import { sitemapPaths } from './site-pages.ts';

/** "Edit this page" on every page: a chapter links to its own MDX file, a reference page to its data. */
test('every page links to its source in the repository', async ({ page }) => {
  const chapter = /^\/([^/]+)\/([^/]+)?\/?$/;
  for (const path of sitemapPaths()) {
    await page.goto(path);
    const edit = page.getByRole('link', { name: 'Edit this page' });
    await expect(edit, path).toHaveCount(1);
    const href = (await edit.getAttribute('href'))!;
    expect(href.startsWith(`${SITE.repository}/`), `${path}: ${href}`).toBe(true);
    const match = chapter.exec(path);
    const isChapter =
      match &&
      !['timeline', 'people', 'sources', 'corrections', 'how-we-work', 'our-corrections'].includes(match[1]!) &&
      match[2] !== 'all';
    if (isChapter) expect(href, path).toMatch(new RegExp(`/edit/${SITE.branch}/.+/${match[1]}/${match[2] ?? 'index'}\\.mdx$`));
  }
});
