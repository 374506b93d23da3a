import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { CONTENT_DIRS } from '../../src/data/content-dirs.ts';
import { EXPLAINER, sitemapPaths } from './site-pages.ts';

// axe, keyboard and language checks for every page: accessibility.spec.ts.

const paths = sitemapPaths();

test('the sitemap lists the home page, the reference pages, every chapter in content/ and each one-page edition', () => {
  for (const path of ['/', '/timeline/', '/people/', '/sources/', '/corrections/']) expect(paths).toContain(path);
  const chapters = readdirSync(CONTENT_DIRS.explainers, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.mdx'))
    .map(
      (file) =>
        `/${file
          .replace(/\\/g, '/')
          .replace(/(^|\/)index\.mdx$/, '$1')
          .replace(/\.mdx$/, '/')}`,
    );
  expect(chapters.length).toBeGreaterThan(0);
  for (const chapter of chapters) expect(paths).toContain(chapter);
  // Each explainer's overview (its index.mdx) has a one-page edition beside it.
  const overviews = chapters.filter((chapter) => chapter.split('/').length === 3);
  expect(overviews.length).toBeGreaterThan(0);
  for (const overview of overviews) expect(paths).toContain(`${overview}all/`);
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

    test('shares a preview image: a 1200×630 PNG on this site, with alternative text', async ({ page, request }) => {
      await page.goto(path);
      const image = await page.locator('meta[property="og:image"]').getAttribute('content');
      expect(await page.locator('meta[name="twitter:image"]').getAttribute('content')).toBe(image);
      expect(await page.locator('meta[property="og:image:alt"]').getAttribute('content')).toMatch(/\S/);
      // The address is the published site's (canonical); the same path is served here.
      const response = await request.get(new URL(image!).pathname);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('image/png');
      const png = await response.body();
      // IHDR: width and height are the first two big-endian 32-bit numbers after the 16-byte header.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
      const [width, height] = await Promise.all(
        ['width', 'height'].map((side) => page.locator(`meta[property="og:image:${side}"]`).getAttribute('content')),
      );
      expect([Number(width), Number(height)]).toEqual([1200, 630]);
    });
  });
}

test("an explainer's pages share its card, named by its title; every other page has its own; the 404 page shares the home page's", async ({
  page,
}) => {
  const previews = new Map<string, { image: string | null; alt: string | null }>();
  expect(paths).toContain(`${EXPLAINER}all/`);
  for (const path of paths) {
    await page.goto(path);
    previews.set(path, {
      image: await page.locator('meta[property="og:image"]').getAttribute('content'),
      alt: await page.locator('meta[property="og:image:alt"]').getAttribute('content'),
    });
  }
  await page.goto(EXPLAINER);
  const explainerTitle = await page.locator('h1').textContent();
  const explainerPages = [...previews].filter(([path]) => path.startsWith(EXPLAINER));
  // At least the overview and the one-page edition.
  expect(explainerPages.length).toBeGreaterThanOrEqual(2);
  for (const [, preview] of explainerPages) expect(preview).toEqual({ image: previews.get(EXPLAINER)!.image, alt: explainerTitle });
  const others = [...previews].filter(([path]) => !path.startsWith(EXPLAINER)).map(([, { image }]) => image);
  expect(new Set(others).size).toBe(others.length);
  expect(others).not.toContain(previews.get(EXPLAINER)!.image);
  // The 404 page answers for any address and shares the home page's card, described the same way.
  await page.goto('/no-such-page/');
  expect({
    image: await page.locator('meta[property="og:image"]').getAttribute('content'),
    alt: await page.locator('meta[property="og:image:alt"]').getAttribute('content'),
  }).toEqual(previews.get('/'));
});
