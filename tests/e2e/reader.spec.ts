import { expect, test } from '@playwright/test';
import { CHAPTER, sitemapPaths } from './site-pages.ts';

// Search and the membership chart are tested on the fixture site, with words it is known to hold:
// tests/e2e/fixture/engine.spec.ts.

test.describe('theme', () => {
  test('a stored dark choice is applied before the body is drawn (no flash)', async ({ page }) => {
    await page.addInitScript(() => {
      localStorage.setItem('theme', 'dark');
      // Record the theme at the moment <body> is created, before any deferred script runs.
      new MutationObserver((_, observer) => {
        if (document.body) {
          (window as unknown as { themeAtBody: string | undefined }).themeAtBody = document.documentElement.dataset['theme'];
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(CHAPTER);
    expect(await page.evaluate(() => (window as unknown as { themeAtBody: string | undefined }).themeAtBody)).toBe('dark');
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).toBe('rgb(21, 23, 26)');
  });

  test('the theme control steps through automatic, light and dark, and remembers the choice', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(CHAPTER);
    const html = page.locator('html');
    const control = page.locator('[data-theme-toggle]');
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await expect(control).toHaveAttribute('aria-label', /automatic/);
    await expect(html).not.toHaveAttribute('data-theme');
    await control.click();
    await expect(html).toHaveAttribute('data-theme', 'light');
    await expect(control).toHaveAttribute('aria-label', /light/);
    expect(await background()).not.toBe('rgb(21, 23, 26)');
    await page.reload();
    await expect(html).toHaveAttribute('data-theme', 'light');
    await page.locator('[data-theme-toggle]').click();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await page.locator('[data-theme-toggle]').click();
    await expect(html).not.toHaveAttribute('data-theme');
    await page.reload();
    await expect(html).not.toHaveAttribute('data-theme');
    expect(await background()).toBe('rgb(21, 23, 26)');
  });

  test('without a stored choice the system setting decides', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(CHAPTER);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(21, 23, 26)');
  });
});

test.describe('footnote previews', () => {
  // Below 1280 px: wider, the notes sit beside their markers as sidenotes (reader-design.spec.ts).
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
  });

  async function firstMarker(page: import('@playwright/test').Page) {
    const marker = page.locator('main a[data-footnote-ref]').first();
    const noteId = decodeURIComponent((await marker.getAttribute('href'))!.slice(1));
    const noteText = (await page.locator(`[id="${noteId}"]`).innerText()).replace(/↩.*$/s, '').trim().slice(0, 40);
    return { marker, noteText };
  }

  test('by mouse: hovering a marker shows its note in place; Escape closes it', async ({ page }) => {
    await page.goto(CHAPTER);
    const { marker, noteText } = await firstMarker(page);
    await marker.hover();
    const preview = page.locator('.footnote-preview');
    await expect(preview).toBeVisible();
    await expect(preview).toContainText(noteText);
    await page.keyboard.press('Escape');
    await expect(preview).toBeHidden();
    expect(new URL(page.url()).hash).toBe('');
  });

  test('by keyboard: focusing a marker shows its note; Enter still jumps to it', async ({ page }) => {
    await page.goto(CHAPTER);
    const { marker, noteText } = await firstMarker(page);
    await marker.focus();
    await expect(page.locator('.footnote-preview')).toContainText(noteText);
    await page.keyboard.press('Escape');
    await expect(page.locator('.footnote-preview')).toBeHidden();
    await marker.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#user-content-fn-/);
  });

  test.describe('by touch', () => {
    test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
    test('the first tap previews, the second goes to the note', async ({ page }) => {
      await page.goto(CHAPTER);
      const { marker, noteText } = await firstMarker(page);
      await marker.tap();
      await expect(page.locator('.footnote-preview')).toContainText(noteText);
      expect(new URL(page.url()).hash).toBe('');
      await page.locator('.footnote-preview-go').tap();
      await expect(page).toHaveURL(/#user-content-fn-/);
    });
  });
});

test('reading a chapter fetches no font (the print face loads only to print) and no search code', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(CHAPTER, { waitUntil: 'networkidle' });
  expect(requests.filter((url) => /\.(woff2?|ttf|otf)$/.test(url))).toEqual([]);
  expect(requests.filter((url) => url.includes('/pagefind/'))).toEqual([]);
});

test.describe('at 320 px', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  for (const path of sitemapPaths()) {
    test(`${path} does not scroll sideways`, async ({ page }) => {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});
