import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { nonEnglishSources, VIEWPORTS } from './site-data.ts';
import { sitemapPaths } from './site-pages.ts';

/**
 * Accessibility gates on every page of the sitemap: axe in light and dark at phone and desktop
 * widths; a keyboard reaches every control, in order, with a visible focus; a skip link; the
 * right language on the page and on words in another language.
 */
const paths = sitemapPaths();
// A chapter holds dozens of notes, each with its source and evidence passage, and the
// whole-explainer page holds them all: axe (twice, light and dark) and a full keyboard walk over
// them take minutes on a busy two-core machine, so these tests get room to finish.
test.describe.configure({ timeout: 300_000 });

for (const path of paths) {
  test.describe(path, () => {
    for (const [device, viewport] of Object.entries(VIEWPORTS)) {
      test(`axe finds no violation at ${device} width, in light and dark`, async ({ page }) => {
        await page.setViewportSize(viewport);
        const violations: string[] = [];
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          await page.goto(path);
          const results = await new AxeBuilder({ page }).analyze();
          for (const violation of results.violations) {
            const targets = violation.nodes.slice(0, 5).map((node) => node.target.join(' '));
            violations.push(`${colorScheme}: ${violation.id} (${violation.impact}): ${targets.join(', ')}`);
          }
        }
        expect(violations).toEqual([]);
      });
    }

    test('a keyboard reaches every control in turn, each with a visible focus, after a skip link', async ({ page }) => {
      // Without smooth scrolling, a focused control is on screen as soon as it has focus.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(path);
      const expected = await markFocusable(page);

      // The first Tab lands on the skip link, which is then visible and leads into <main>.
      await page.keyboard.press('Tab');
      const skip = page.locator(':focus');
      await expect(skip).toHaveAttribute('href', '#main');
      await expect(skip).toBeInViewport();
      expect((await skip.boundingBox())?.width ?? 0).toBeGreaterThan(20);

      const reached = new Set<string>();
      const problems: string[] = [];
      // Room for controls that appear along the way (a footnote preview opens with its links).
      const skipKey = await skip.getAttribute('data-focus-key');
      for (let presses = 0; presses <= expected.length * 4 + 10; presses++) {
        const focus = await page.evaluate(() => {
          const element = document.activeElement as HTMLElement | null;
          if (!element || element === document.body) return undefined;
          const style = getComputedStyle(element);
          const box = element.getBoundingClientRect();
          return {
            key: element.dataset['focusKey'],
            // A control that appears with focus (a footnote preview's link) is fine if it is visible now.
            shownNow: element.checkVisibility({ visibilityProperty: true }),
            label: `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 30)}"`,
            indicated: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
            onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight,
          };
        });
        // Past the last control, focus leaves the page (body) or wraps round to the skip link.
        if (focus === undefined || (presses > 0 && focus.key === skipKey)) break;
        if (focus.key === undefined && !focus.shownNow) problems.push(`focus reached ${focus.label}, which is not visible`);
        else if (focus.key !== undefined) reached.add(focus.key);
        if (!focus.indicated) problems.push(`${focus.label} has no visible focus indicator`);
        if (!focus.onScreen) problems.push(`${focus.label} is focused but not on screen`);
        await page.keyboard.press('Tab');
      }
      const missed = expected.filter((control) => !reached.has(control.key)).map((control) => control.label);
      expect(problems).toEqual([]);
      expect(missed, 'controls a keyboard never reaches').toEqual([]);
    });

    test('the page is in English, and the skip link moves focus into the main content', async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
    });
  });
}

test('a title in another language carries its own lang, in the source list and in the notes', async ({ page }) => {
  // Whatever the content cites; that a foreign title is found at all is tested on the fixture site.
  const foreign = nonEnglishSources();
  await page.goto('/sources/');
  for (const { id, language } of foreign) {
    await expect(page.locator(`[data-source="${id}"] [lang="${language}"]`).first(), `${id} on /sources/`).toBeAttached();
  }
  for (const path of paths.filter((path) => /^\/[^/]+\/[^/]+\/$/.test(path))) {
    await page.goto(path);
    for (const { id, language } of foreign) {
      const cited = page.locator(`.footnotes [data-source="${id}"]`);
      if ((await cited.count()) === 0) continue;
      await expect(cited.locator(`[lang="${language}"]`).first(), `${id} in the notes of ${path}`).toBeAttached();
    }
  }
});

/** Gives every control a keyboard should reach a key, in document order, and lists them. */
async function markFocusable(page: Page): Promise<{ key: string; label: string }[]> {
  return page.evaluate(() => {
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]';
    const controls = [...document.querySelectorAll<HTMLElement>(selector)].filter((element) => {
      if (element.tabIndex < 0 || element.matches(':disabled') || element.closest('[inert]')) return false;
      // Skip links and other controls shown only on focus count as visible.
      return element.checkVisibility({ visibilityProperty: true }) || element.matches('.sr-only, .sr-only *');
    });
    return controls.map((element, index) => {
      element.dataset['focusKey'] = String(index);
      return { key: String(index), label: `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 30)}"` };
    });
  });
}
