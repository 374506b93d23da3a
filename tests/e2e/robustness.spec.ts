import { expect, test, type Page } from '@playwright/test';
import { VIEWPORTS, ZOOMED } from './site-data.ts';
import { sitemapPaths } from './site-pages.ts';

/**
 * The site holds up when the reader's browser differs from ours: no JavaScript, forced colours
 * (Windows high contrast), reduced motion, and text zoomed to 200% and 400%.
 */
const paths = sitemapPaths();
const chapters = paths.filter((path) => /^\/[^/]+\/[^/]+\/$/.test(path));

/**
 * The text blocks of <main> a reader can see. Controls are left out (a Print button needs
 * JavaScript and rightly hides without it), as are closed popovers and dialogs, the in-page
 * contents list (a wide-screen aid; the headings it lists stay), and guidance about what only a
 * script does ([data-needs-script]: "select the words … and they are filled in").
 */
async function readableText(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main :is(p, li, h1, h2, h3, h4, td, th, dd, dt, figcaption, blockquote)')]
      .filter((element) => !element.closest('[popover], dialog, template, .chapter-toc, [data-needs-script]'))
      .filter((element) => element.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
      .map((element) => {
        const copy = element.cloneNode(true) as HTMLElement;
        for (const control of copy.querySelectorAll('button, [role="button"]')) control.remove();
        return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
      })
      .filter(Boolean),
  );
}

/** What a reader sees on `path` in the usual browser and does not see in `other`. */
async function lostText(page: Page, other: Page, path: string): Promise<string[]> {
  await page.goto(path);
  await other.goto(path);
  const kept = new Set(await readableText(other));
  const seen = await readableText(page);
  expect(seen.length, `${path} has text to compare`).toBeGreaterThan(0);
  return seen.filter((text) => !kept.has(text)).map((text) => text.slice(0, 80));
}

test.describe('without JavaScript', () => {
  for (const path of paths) {
    test(`${path}: every text and note is readable`, async ({ page, browser, baseURL }) => {
      const context = await browser.newContext({ baseURL: baseURL!, javaScriptEnabled: false });
      const noScript = await context.newPage();
      expect(await lostText(page, noScript, path)).toEqual([]);
      await expect(noScript.locator('h1')).toBeVisible();
      if (chapters.includes(path)) {
        // Every note has a box on the page (one pass in the page: the one-page edition has hundreds).
        const notes = await noScript
          .locator('.footnotes li')
          .evaluateAll((items) =>
            items.map((li) => ({ id: li.id, visible: li.checkVisibility() && li.getBoundingClientRect().height > 0 })),
          );
        expect(notes.length).toBeGreaterThan(0);
        expect(notes.filter((note) => !note.visible).map((note) => note.id)).toEqual([]);
        // A marker still leads to its note.
        const marker = noScript.locator('main a[data-footnote-ref]').first();
        await marker.click();
        await expect(noScript.locator(`[id="${decodeURIComponent((await marker.getAttribute('href'))!.slice(1))}"]`)).toBeInViewport();
      }
      await context.close();
    });
  }
});

test.describe('forced colours', () => {
  for (const path of ['/', ...chapters.slice(0, 1), '/timeline/', '/sources/']) {
    test(`${path}: focus, the current page, notes and icons stay visible`, async ({ page }) => {
      const forced = await page.context().newPage();
      await forced.emulateMedia({ forcedColors: 'active' });
      expect(await lostText(page, forced, path)).toEqual([]);
      await forced.close();
      await page.emulateMedia({ forcedColors: 'active' });
      await page.goto(path);
      // Forced colours drop box-shadows and backgrounds: focus must be an outline.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
      expect(focus.style).not.toBe('none');
      expect(focus.width).toBeGreaterThan(0);
      const problems = await page.evaluate(() => {
        const found: string[] = [];
        // Something marked as current must show it by more than colour: weight, underline or a border.
        for (const current of document.querySelectorAll<HTMLElement>('[aria-current]')) {
          if (!current.checkVisibility()) continue;
          const style = getComputedStyle(current);
          const marked =
            Number(style.fontWeight) >= 600 ||
            style.textDecorationLine.includes('underline') ||
            ['borderLeftWidth', 'borderBottomWidth'].some((side) => parseFloat(style[side as 'borderLeftWidth']) > 0);
          if (!marked) found.push(`aria-current "${current.textContent?.trim()}" is shown by colour alone`);
        }
        // An editor's note must keep its edge when its background colour is dropped.
        for (const note of document.querySelectorAll<HTMLElement>('.editors-note')) {
          const style = getComputedStyle(note);
          if (parseFloat(style.borderLeftWidth) === 0 && parseFloat(style.borderTopWidth) === 0)
            found.push('an editor’s note without a border');
        }
        // Icons drawn in currentColor follow the forced text colour.
        for (const icon of document.querySelectorAll<SVGElement>('button svg, a svg')) {
          if (!icon.checkVisibility()) continue;
          const style = getComputedStyle(icon);
          if (style.stroke !== style.color && style.fill !== style.color)
            found.push(`an icon in ${icon.closest('button, a')?.textContent?.trim() || 'a control'} with a fixed colour`);
        }
        return found;
      });
      expect(problems).toEqual([]);
    });
  }
});

test.describe('reduced motion', () => {
  for (const path of ['/', ...chapters.slice(0, 1), '/timeline/']) {
    test(`${path}: nothing moves and scrolling jumps`, async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(path);
      const moving = await page.evaluate(() => {
        const seconds = (value: string) =>
          Math.max(...value.split(',').map((part) => (part.trim().endsWith('ms') ? parseFloat(part) / 1000 : parseFloat(part))));
        const found: string[] = [];
        if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth') found.push('html scrolls smoothly');
        for (const element of document.querySelectorAll<HTMLElement>('body, body *')) {
          const style = getComputedStyle(element);
          if (style.animationName !== 'none' && seconds(style.animationDuration) > 0.01)
            found.push(`${element.tagName} animates (${style.animationName})`);
          if (seconds(style.transitionDuration) > 0.01 && style.transitionProperty !== 'none') {
            found.push(`${element.tagName}.${element.className} transitions ${style.transitionProperty}`);
          }
        }
        return [...new Set(found)];
      });
      expect(moving).toEqual([]);
    });
  }
});

test.describe('zoom', () => {
  for (const path of paths) {
    test(`${path}: at 200% and 400% nothing is lost or scrolls sideways`, async ({ page }) => {
      await page.setViewportSize(VIEWPORTS.desktop);
      await page.goto(path);
      const desktopText = await readableText(page);
      expect(desktopText.length).toBeGreaterThan(0);
      for (const [zoom, viewport] of Object.entries(ZOOMED)) {
        await page.setViewportSize(viewport);
        await page.goto(path);
        const layout = await page.evaluate(() => {
          const clipped: string[] = [];
          for (const element of document.querySelectorAll<HTMLElement>('body *')) {
            const style = getComputedStyle(element);
            if (!['hidden', 'clip'].includes(style.overflowX) || element.matches('.sr-only') || !element.checkVisibility()) continue;
            if (element.scrollWidth > element.clientWidth + 1 && (element.textContent ?? '').trim())
              clipped.push(`${element.tagName}.${element.className}`);
          }
          return { overflow: document.documentElement.scrollWidth - innerWidth, clipped };
        });
        expect(layout.overflow, `${zoom}: the page scrolls sideways`).toBeLessThanOrEqual(1);
        expect(layout.clipped, `${zoom}: text cut off`).toEqual([]);
        const zoomedText = new Set(await readableText(page));
        expect(
          desktopText.filter((text) => !zoomedText.has(text)),
          `${zoom}: text shown on a desktop but not here`,
        ).toEqual([]);
      }
    });
  }
});
