import { expect, test, type Page } from '@playwright/test';
import { EXPLAINER, sitemapPaths } from './site-pages.ts';

/**
 * The reading page's design, where a browser decides it: sidenotes in the margin on wide screens,
 * markers that never start a line, focus that follows the page, the story before its apparatus on a
 * phone, and a membership chart that shows its point at phone width and in forced colours.
 * Chapters are found from the sitemap, so nothing here depends on the explainer's wording.
 */
const chapters = sitemapPaths().filter((path) => path.startsWith(EXPLAINER) && !path.endsWith('/all/'));

// Several tests walk every chapter; give them room on a busy machine.
test.describe.configure({ timeout: 120_000 });

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

/** Waits until the sidenote script has placed the notes (or decided not to). */
async function settle(page: Page) {
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

for (const width of [1280, 1920]) {
  test(`at ${width} px every note sits in the right margin, level with or below its marker, none overlapping`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    let checked = 0;
    for (const path of chapters) {
      await page.goto(path);
      await settle(page);
      const report = await page.evaluate(() => {
        const body = document.querySelector('[data-sidenotes]');
        const notes = [...document.querySelectorAll<HTMLElement>('section[data-footnotes] li[id]')];
        if (!body || notes.length === 0) return undefined;
        const prose = body.querySelector('.chapter-prose')!.getBoundingClientRect();
        const boxes = notes.map((note) => {
          const box = note.getBoundingClientRect();
          const marker = document.querySelector(`a[data-footnote-ref][href="#${CSS.escape(note.id)}"]`)!.getBoundingClientRect();
          return { id: note.id, top: box.top, bottom: box.bottom, left: box.left, right: box.right, markerTop: marker.top };
        });
        return { on: body.classList.contains('has-sidenotes'), proseRight: prose.right, viewport: innerWidth, boxes };
      });
      if (!report) continue;
      expect(report.on, `${path}: sidenotes switched on`).toBe(true);
      const sorted = report.boxes.toSorted((a, b) => a.top - b.top);
      for (const [index, box] of sorted.entries()) {
        expect(box.left, `${path} ${box.id}: right of the text`).toBeGreaterThan(report.proseRight);
        expect(box.right, `${path} ${box.id}: inside the window`).toBeLessThanOrEqual(report.viewport);
        expect(box.top, `${path} ${box.id}: not above its marker`).toBeGreaterThanOrEqual(box.markerTop - 8);
        const previous = sorted[index - 1];
        if (previous) expect(box.top, `${path} ${box.id}: below ${previous.id}`).toBeGreaterThanOrEqual(previous.bottom - 0.5);
      }
      // The first note is level with its marker: nothing above it pushes it down.
      expect(Math.abs(sorted[0]!.top - sorted[0]!.markerTop), `${path}: first note level with its marker`).toBeLessThan(12);
      checked++;
    }
    expect(checked, 'no chapter with notes was checked').toBeGreaterThan(0);
  });
}

test('below 1280 px the notes stay a list after the chapter, and the marker still jumps to its note', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.goto(chapters[0]!);
  await settle(page);
  await expect(page.locator('[data-sidenotes]')).not.toHaveClass(/has-sidenotes/);
  const [proseBottom, notesTop] = await page.evaluate(() => [
    document.querySelector('[data-sidenotes] .chapter-prose')!.getBoundingClientRect().bottom,
    document.querySelector('section[data-footnotes]')!.getBoundingClientRect().top,
  ]);
  expect(notesTop).toBeGreaterThan(proseBottom);
  const marker = page.locator('a[data-footnote-ref]').first();
  const target = await marker.getAttribute('href');
  await marker.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
});

test('hovering a marker beside its sidenote highlights the note instead of opening a preview', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(chapters[0]!);
  await settle(page);
  const marker = page.locator('a[data-footnote-ref]').first();
  const note = page.locator(`li[id="${(await marker.getAttribute('href'))!.slice(1)}"]`);
  await marker.hover();
  await expect(note).toHaveClass(/sidenote-hover/);
  await expect(page.locator('.footnote-preview:popover-open')).toHaveCount(0);
});

for (const width of [320, 390, 1280]) {
  test(`at ${width} px no footnote marker starts a line: each shares a line with the text before it`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const orphans: string[] = [];
    for (const path of chapters) {
      await page.goto(path);
      await settle(page);
      const found = await page.evaluate(() => {
        const result: string[] = [];
        for (const sup of document.querySelectorAll<HTMLElement>('.prose-explainer sup:has(> a[data-footnote-ref])')) {
          // The character just before the marker, wherever it is in the paragraph's text.
          const block = sup.closest('p, li, figcaption, td, th, blockquote, dd') ?? sup.parentElement!;
          const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
          let before: Text | undefined;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (sup.contains(node)) break;
            if (node.compareDocumentPosition(sup) & Node.DOCUMENT_POSITION_FOLLOWING && /\S/.test(node.textContent ?? ''))
              before = node as Text;
          }
          if (!before) continue;
          const text = before.textContent;
          const end = text.trimEnd().length;
          const range = document.createRange();
          range.setStart(before, end - 1);
          range.setEnd(before, end);
          const char = [...range.getClientRects()].at(-1);
          const marker = sup.getBoundingClientRect();
          if (!char) continue;
          // Same line: the marker's box overlaps the character's vertically (a sup is raised, not moved down a line).
          if (marker.top >= char.bottom || marker.bottom <= char.top)
            result.push(`${sup.textContent} after "${text.slice(Math.max(0, end - 20), end)}"`);
        }
        return result;
      });
      orphans.push(...found.map((entry) => `${path}: ${entry}`));
    }
    expect(orphans).toEqual([]);
  });
}

test('a footnote marker offers a touch target of at least 24 × 24 px', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(chapters[0]!);
  const sizes = await page.locator('a[data-footnote-ref]').evaluateAll((markers) =>
    markers.slice(0, 20).map((marker) => {
      const box = marker.getBoundingClientRect();
      return { width: box.width, height: box.height };
    }),
  );
  expect(sizes.length).toBeGreaterThan(0);
  for (const size of sizes) {
    expect(size.width).toBeGreaterThanOrEqual(24);
    expect(size.height).toBeGreaterThanOrEqual(24);
  }
});

for (const [width, path] of [
  [390, chapters[0]!],
  [768, chapters.at(-1)!],
] as const) {
  test(`at ${width} px Tab moves down the page, never back up (${path})`, async ({ page }) => {
    // A press and a look per control, a few hundred of them on a chapter with its notes.
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height: 844 });
    {
      await page.goto(path);
      const positions: { y: number; label: string }[] = [];
      for (let press = 0; press < 400; press++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const element = document.activeElement as HTMLElement | null;
          if (!element || element === document.body) return undefined;
          // A preview opened by a focused marker is a popover beside it, not a place on the page.
          if (element.closest('[popover]')) return { y: -1, label: 'preview' };
          return {
            y: element.getBoundingClientRect().top + scrollY,
            label: `${element.tagName} ${element.textContent?.trim().slice(0, 30)}`,
          };
        });
        if (!focused) break;
        if (focused.y >= 0) positions.push(focused);
      }
      expect(positions.length, `${path}: Tab reached controls`).toBeGreaterThan(5);
      for (let index = 1; index < positions.length; index++) {
        const [previous, current] = [positions[index - 1]!, positions[index]!];
        // Less than a line's height back: a raised marker's box starts a little above the words on its line.
        expect(current.y, `${path}: Tab from ${previous.label} to ${current.label}`).toBeGreaterThanOrEqual(previous.y - 12);
      }
    }
  });
}

test('at 390 px the link to the next part is within one screen after the end of the prose, on every chapter', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  let checked = 0;
  for (const path of chapters) {
    await page.goto(path);
    const next = page.locator('a[rel="next"]');
    if ((await next.count()) === 0) continue;
    const [proseEnd, nextBottom, notesTop] = await page.evaluate(() => [
      document.querySelector('[data-sidenotes] .chapter-prose')!.getBoundingClientRect().bottom,
      document.querySelector('a[rel="next"]')!.getBoundingClientRect().bottom,
      document.querySelector('section[data-footnotes]')?.getBoundingClientRect().top ?? Infinity,
    ]);
    expect(nextBottom - proseEnd, `${path}: next part within a screen of the prose`).toBeLessThanOrEqual(844);
    expect(nextBottom, `${path}: next part before the notes`).toBeLessThan(notesTop);
    checked++;
  }
  expect(checked).toBeGreaterThan(0);
});

test('a chapter does not repeat its notes as a source list; notes are out of the search index', async ({ page }) => {
  await page.goto(chapters[0]!);
  await expect(page.locator('.page-sources')).toHaveCount(0);
  await expect(page.locator('.page-sources-link a')).toHaveAttribute('href', /sources\/$/);
  await expect(page.locator('section[data-footnotes]')).toHaveAttribute('data-pagefind-ignore');
});

test.describe('the membership chart', () => {
  const chartPage = async (page: Page) => {
    for (const path of chapters) {
      await page.goto(path);
      if ((await page.locator('figure.membership-chart').count()) > 0) return true;
    }
    return false;
  };

  test('fits 360 px without scrolling, and a frozen span is wide enough to see', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    test.skip(!(await chartPage(page)), 'no chapter draws the chart');
    const figure = page.locator('figure.membership-chart');
    const [svgWidth, figureWidth] = await figure.evaluate((element) => [
      element.querySelector('svg[role="img"]')!.getBoundingClientRect().width,
      element.getBoundingClientRect().width,
    ]);
    expect(svgWidth).toBeLessThanOrEqual(figureWidth + 0.5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const frozen = figure.locator('rect[data-status="frozen"]');
    if ((await frozen.count()) > 0) {
      const box = (await frozen.first().boundingBox())!;
      expect(box.width, 'the frozen span at 360 px').toBeGreaterThanOrEqual(16);
      await expect(figure.locator('.chart-annotation text').first()).toBeVisible();
    }
  });

  test('in forced colours the bars, the frozen span and the legend stay visible and apart', async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark', reducedMotion: 'reduce' });
    test.skip(!(await chartPage(page)), 'no chapter draws the chart');
    const colours = await page.locator('figure.membership-chart').evaluate((figure) => {
      const fill = (selector: string) => {
        const element = figure.querySelector(selector);
        return element ? getComputedStyle(element).fill : undefined;
      };
      return {
        background: getComputedStyle(document.body).backgroundColor,
        member: fill('svg[role="img"] rect[data-status="member"]'),
        frozen: fill('svg[role="img"] rect[data-status="frozen"]'),
        legend: [...figure.querySelectorAll('.legend-swatch rect')].map((rect) => getComputedStyle(rect).fill),
      };
    });
    expect(colours.member).toBeDefined();
    expect(colours.member).not.toBe(colours.background);
    expect(colours.member).not.toBe('none');
    if (colours.frozen) expect(colours.frozen).toContain('url(');
    expect(colours.legend.length).toBeGreaterThan(1);
    for (const legend of colours.legend) expect(legend).not.toBe(colours.background);
  });
});

test('jump targets are highlighted and land below the top of the window', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(chapters[0]!);
  const href = (await page.locator('a[data-footnote-ref]').first().getAttribute('href'))!;
  await page.goto(`${chapters[0]!}${href}`);
  const note = page.locator(`li[id="${href.slice(1)}"]`);
  const [outline, top] = await note.evaluate((element) => [getComputedStyle(element).outlineStyle, element.getBoundingClientRect().top]);
  expect(outline).not.toBe('none');
  expect(top).toBeGreaterThan(844 * 0.1);
});

test('the Print button is in place before scripts run, so nothing moves when they do', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.route('**/*.js', (route) => route.abort());
  await page.goto(chapters[0]!);
  const withoutScripts = await page.locator('[data-sidenotes] > .chapter-prose').evaluate((element) => element.getBoundingClientRect().top);
  await page.unroute('**/*.js');
  await page.goto(chapters[0]!);
  await settle(page);
  const withScripts = await page.locator('[data-sidenotes] > .chapter-prose').evaluate((element) => element.getBoundingClientRect().top);
  expect(withScripts).toBe(withoutScripts);
});

test('"/" opens search, except while typing', async ({ page }) => {
  await page.goto(chapters[0]!);
  await page.keyboard.press('/');
  const dialog = page.locator('dialog.search-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.locator('#site-search-input')).toBeFocused();
  await page.keyboard.type('a/b');
  await expect(page.locator('#site-search-input')).toHaveValue('a/b');
});
