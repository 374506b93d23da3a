import { expect, test } from '@playwright/test';
import { sitemapPaths } from './site-pages';

// axe, keyboard and language checks for every page: accessibility.spec.ts.

const paths = sitemapPaths();

test('the sitemap lists the home page, the chapters and the reference pages', () => {
  for (const path of ['/', '/timeline/', '/people/', '/sources/', '/corrections/']) expect(paths).toContain(path);
  expect(paths.length).toBeGreaterThanOrEqual(10);
});

for (const path of paths) {
  test.describe(path, () => {
    test('loads with no console error and no failed request', async ({ page }) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1')).toHaveCount(1);
      expect(problems).toEqual([]);
    });
  });
}
