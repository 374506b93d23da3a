import { expect, test, type Page } from '@playwright/test';
import { readDataCollections } from '../../src/data/catalog.ts';
import { CHAPTER, EXPLAINER, chapterPathsOf, explainerPaths, sitemapPaths } from './site-pages.ts';

/**
 * The reader's layout where a browser decides it (issue 16): the contents of a chapter at every
 * width and which section it marks as being read, the focus order on a phone, the overview's short
 * editor's notes and the full notes they lead to, the one-page edition's contents, index pages that
 * use a wide screen, the site navigation at 320 px, and the keys of the search results. Pages are
 * found from the sitemap and the content's data, so nothing here depends on the explainer's wording.
 */
const paths = sitemapPaths();
const chapters = chapterPathsOf(EXPLAINER, paths).slice(1);
const wholeEditions = explainerPaths(paths).map((explainer) => `${explainer}all/`);
/** Pages that are neither an explainer's chapter nor its one-page edition nor a page history: home, timeline, people, sources… */
const indexPages = paths.filter(
  (path) => !explainerPaths(paths).some((explainer) => path.startsWith(explainer)) && !path.startsWith('/history/'),
);

test.describe.configure({ timeout: 90_000 });

/** The chapter's section headings that its contents list: the ids of the h2s in the prose. */
async function sectionIds(page: Page): Promise<string[]> {
  return page.locator('.chapter-prose h2[id]').evaluateAll((headings) => headings.map((heading) => heading.id));
}

test.describe('a chapter’s contents', () => {
  for (const width of [390, 768]) {
    test(`at ${width} px "On this page" sits under the chapter’s header, opens without JavaScript, and its links reach the headings`, async ({
      browser,
    }) => {
      const context = await browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(CHAPTER);
      const ids = await sectionIds(page);
      test.skip(ids.length < 2, 'a chapter with one section lists no contents');
      const details = page.locator('details.toc-details');
      await expect(details).toBeVisible();
      await expect(page.locator('.chapter-toc nav')).toBeHidden();
      // Before the chapter's text in the document, so the focus order meets it first.
      const before = await details.evaluate((element) => {
        const prose = document.querySelector('.chapter-prose')!;
        return Boolean(element.compareDocumentPosition(prose) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      expect(before).toBe(true);
      await details.locator('summary').click();
      const links = details.locator('a');
      expect(await links.evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).hash.slice(1)))).toEqual(ids);
      const last = ids.at(-1)!;
      await links.last().click();
      await expect(page.locator(`[id="${last}"]`)).toBeInViewport();
      await context.close();
    });
  }

  test('at 1280 px the contents are in the side column, not folded', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(CHAPTER);
    test.skip((await sectionIds(page)).length < 2, 'a chapter with one section lists no contents');
    await expect(page.locator('.chapter-toc nav')).toBeVisible();
    await expect(page.locator('details.toc-details')).toBeHidden();
  });

  for (const width of [1280, 390]) {
    test(`at ${width} px the entry of the section being read is marked as the current location`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(CHAPTER);
      const ids = await sectionIds(page);
      test.skip(ids.length < 2, 'a chapter with one section lists no contents');
      const current = page.locator('[data-toc] a[aria-current="location"]');
      for (const id of [ids[1]!, ids[0]!, ids.at(-1)!]) {
        await page
          .locator(`[id="${id}"]`)
          .evaluate((heading) => window.scrollTo(0, heading.getBoundingClientRect().top + window.scrollY - 10));
        // One entry per visible contents list (the side column, or the folded one), each naming the section.
        await expect(current.first()).toHaveAttribute('href', `#${id}`);
        expect(await current.evaluateAll((links) => [...new Set(links.map((link) => link.getAttribute('href')))])).toEqual([`#${id}`]);
      }
      // Above the first section nothing is marked.
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect(current).toHaveCount(0);
    });
  }
});

test('at 390 px the Tab key moves down the page, never back up', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (const path of [CHAPTER, EXPLAINER]) {
    await page.goto(path);
    const tops: { top: number; name: string }[] = [];
    for (let step = 0; step < 45; step++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return undefined;
        // A note's preview opens at its marker, above or below it, and Tab passes through it on the
        // way on: a detour that returns to the marker's place, not a jump back up the page.
        if (element.closest('[popover]')) return { top: -1, name: 'preview' };
        const box = element.getBoundingClientRect();
        return { top: Math.round(box.top + window.scrollY), name: `${element.tagName} ${element.textContent?.trim().slice(0, 30)}` };
      });
      if (!stop) break;
      if (stop.top >= 0) tops.push(stop);
    }
    expect(tops.length, path).toBeGreaterThan(10);
    for (let index = 1; index < tops.length; index++) {
      // A stop may sit a little higher than the one before on the same line (a marker beside its word).
      expect(tops[index]!.top, `${path}: from ${tops[index - 1]!.name} to ${tops[index]!.name}`).toBeGreaterThanOrEqual(
        tops[index - 1]!.top - 12,
      );
    }
  }
});

test.describe('editor’s notes', () => {
  const { corrections } = readDataCollections().data;

  test('on the overview each is one short line, with no notes of its own, linking to a full note that exists', async ({ page }) => {
    await page.goto(EXPLAINER);
    const notes = page.locator('main aside.editors-note');
    const count = await notes.count();
    test.skip(count === 0, 'the overview has no editor’s notes');
    const links: { id: string; href: string }[] = [];
    for (let index = 0; index < count; index++) {
      const note = notes.nth(index);
      const id = (await note.getAttribute('data-correction'))!;
      expect(corrections.has(id), id).toBe(true);
      await expect(note).toHaveClass(/editors-note-brief/);
      await expect(note).toBeVisible();
      await expect(note.locator('a[data-footnote-ref]'), id).toHaveCount(0);
      links.push({ id, href: (await note.locator('a[data-full-note]').getAttribute('href'))! });
    }
    for (const { id, href } of links) {
      await page.goto(href);
      const hash = decodeURIComponent(new URL(href, 'http://site.invalid').hash.slice(1));
      const target = page.locator(`[id="${hash}"]`);
      await expect(target, href).toHaveCount(1);
      if (new URL(href, 'http://site.invalid').pathname.includes('/corrections/')) continue;
      // The full note: in a chapter, with the evidence's notes, and not the short form.
      await expect(target).toHaveAttribute('data-correction', id);
      await expect(target).not.toHaveClass(/editors-note-brief/);
      expect(await target.locator('a[data-footnote-ref]').count(), href).toBeGreaterThan(0);
    }
  });

  test('the overview’s short notes show without JavaScript and on paper', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(EXPLAINER);
    const notes = page.locator('main aside.editors-note');
    test.skip((await notes.count()) === 0, 'the overview has no editor’s notes');
    await expect(notes.first()).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(notes.first()).toBeVisible();
    await context.close();
  });

  test('in a chapter a note is set off by a rule, not a filled box', async ({ page }) => {
    for (const path of chapters) {
      await page.goto(path);
      const note = page.locator('main aside.editors-note').first();
      if ((await note.count()) === 0) continue;
      const style = await note.evaluate((element) => {
        const computed = getComputedStyle(element);
        return { background: computed.backgroundColor, rule: parseFloat(computed.borderLeftWidth) };
      });
      expect(style.background).toBe('rgba(0, 0, 0, 0)');
      expect(style.rule).toBeGreaterThan(0);
      return;
    }
    test.skip(true, 'no chapter has an editor’s note');
  });
});

test('the one-page edition’s contents link to each chapter and to the sources, and every link lands', async ({ page }) => {
  for (const path of wholeEditions) {
    await page.goto(path);
    const contents = page.locator('nav.whole-explainer-contents a[href^="#"]');
    const targets = await contents.evaluateAll((links) =>
      links.map((link) => decodeURIComponent((link as HTMLAnchorElement).hash.slice(1))),
    );
    const sections = await page.locator('[data-chapter]').count();
    expect(targets.length, path).toBeGreaterThanOrEqual(sections);
    for (const id of targets) await expect(page.locator(`[id="${id}"]`), `${path}#${id}`).toHaveCount(1);
    await contents.last().click();
    await expect(page.locator(`[id="${targets.at(-1)!}"]`)).toBeInViewport();
  }
});

test.describe('wide screens', () => {
  for (const width of [1280, 1920]) {
    test(`at ${width} px index pages either fill the page’s width or sit in its centre`, async ({ page }) => {
      await page.setViewportSize({ width, height: 1000 });
      for (const path of indexPages) {
        await page.goto(path);
        const layout = await page.evaluate(() => {
          const main = document.querySelector('main')!;
          const style = getComputedStyle(main);
          const left = main.getBoundingClientRect().left + parseFloat(style.paddingLeft);
          const right = main.getBoundingClientRect().right - parseFloat(style.paddingRight);
          const boxes = [...main.children].map((child) => child.getBoundingClientRect()).filter((box) => box.width > 0);
          const from = Math.min(...boxes.map((box) => box.left));
          const to = Math.max(...boxes.map((box) => box.right));
          return { share: (to - from) / (right - left), offCentre: Math.abs((from + to) / 2 - (left + right) / 2) / (right - left) };
        });
        expect(layout.share > 0.6 || layout.offCentre < 0.02, `${path}: ${JSON.stringify(layout)}`).toBe(true);
      }
    });
  }
});

test.describe('at 320 px', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('the site navigation shows every link whole', async ({ page }) => {
    await page.goto('/');
    const nav = page.locator('nav.site-nav');
    const { clipped, links } = await nav.evaluate((element) => ({
      clipped: element.scrollWidth - element.clientWidth,
      links: [...element.querySelectorAll('a')].map((link) => {
        const box = link.getBoundingClientRect();
        return { left: box.left, right: box.right };
      }),
    }));
    expect(clipped).toBeLessThanOrEqual(0);
    for (const link of links) {
      expect(link.left).toBeGreaterThanOrEqual(0);
      expect(link.right).toBeLessThanOrEqual(320);
    }
  });

  test('no page type scrolls sideways', async ({ page }) => {
    const samples = [...new Set(['/', EXPLAINER, CHAPTER, ...wholeEditions, ...indexPages])];
    for (const path of samples) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});

test('the arrow keys move between the search field and its results', async ({ page }) => {
  const person = [...readDataCollections().data.people.values()][0];
  test.skip(!person, 'no people to search for');
  await page.goto(CHAPTER);
  await page.keyboard.press('/');
  const input = page.locator('#site-search-input');
  await expect(input).toBeFocused();
  await input.fill(person!.name.split(' ').at(-1)!);
  const results = page.locator('[data-search-results] li > a');
  await expect(results.first()).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('ArrowDown');
  await expect(results.first()).toBeFocused();
  if ((await results.count()) > 1) {
    await page.keyboard.press('ArrowDown');
    await expect(results.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(results.first()).toBeFocused();
  }
  await page.keyboard.press('ArrowUp');
  await expect(input).toBeFocused();
});
