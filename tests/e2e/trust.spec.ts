import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { passageForReport } from '../../src/accountability/report-form.ts';
import { CHECK_IDS } from '../../src/checks/index.ts';
import { readDataCollections } from '../../src/data/catalog.ts';
import { SITE } from '../../src/site.config.ts';
import { sitemapPaths } from './site-pages.ts';
import {
  FEED_PATH,
  HOW_WE_WORK_PATH,
  OUR_CORRECTIONS_PATH,
  erratumAnchor,
  historyPath,
  chapterPath,
  chapterSlug,
} from '../../src/routes.ts';

/**
 * Accountability a reader can see: "How we work", our own corrections, the feed, "Report an error"
 * and each chapter's page history, checked as invariants over whatever content was built (read
 * from CONTENT_ROOT, as the build read it), never over the explainer's own words.
 */
const { chapters, errata, sources } = readDataCollections().data;
const chapterPages = chapters.map(({ filePath, data }) => ({
  path: `/${chapterPath({ id: filePath, filePath, data })}`,
  history: `/${historyPath({ id: filePath, filePath, data })}`,
  key: `${data.explainer}/${chapterSlug({ id: filePath, filePath, data })}`,
  data,
}));
const pathOf = (key: string) => chapterPages.find((chapter) => chapter.key === key)?.path;

async function jsonLd(page: Page): Promise<Record<string, unknown>[]> {
  return (await page.locator('script[type="application/ld+json"]').allTextContents()).map(
    (text) => JSON.parse(text) as Record<string, unknown>,
  );
}

async function article(page: Page) {
  const found = (await jsonLd(page)).find((data) => data['@type'] === 'Article');
  expect(found, 'an Article in the JSON-LD').toBeDefined();
  return found as {
    url: string;
    datePublished?: string;
    dateModified?: string;
    image?: { url: string };
    publisher: Record<string, unknown> & { logo?: { url: string } };
    correction?: { '@type': string; url: string; datePublished: string; text: string }[];
  };
}

test('every page links to "How we work", our corrections and the feed, in its footer and its <head>', async ({ page, request }) => {
  test.setTimeout(120_000);
  const paths = sitemapPaths();
  expect(paths).toContain(`/${HOW_WE_WORK_PATH}`);
  expect(paths).toContain(`/${OUR_CORRECTIONS_PATH}`);
  for (const path of paths) {
    await page.goto(path);
    const footer = page.locator('footer.site-footer');
    await expect(footer.locator(`a[href="/${HOW_WE_WORK_PATH}"]`), path).toHaveCount(1);
    await expect(footer.locator(`a[href="/${OUR_CORRECTIONS_PATH}"]`), path).toHaveCount(1);
    await expect(footer.locator(`a[href="/${FEED_PATH}"]`), path).toHaveCount(1);
    await expect(page.locator(`head link[rel="alternate"][type="application/rss+xml"][href="/${FEED_PATH}"]`), path).toHaveCount(1);
    expect(await page.locator('meta[name="twitter:image:alt"]').getAttribute('content'), path).toMatch(/\S/);
  }
  const feed = await request.get(`/${FEED_PATH}`);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toMatch(/^<\?xml[^>]*\?><rss version="2.0">/);
});

test('"How we work" cites only checks that exist, and holds a section for each policy the publisher names', async ({ page }) => {
  await page.goto(`/${HOW_WE_WORK_PATH}`);
  const cited = await page.locator('[data-check]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-check')));
  expect(cited.length).toBeGreaterThan(0);
  for (const id of cited) expect(CHECK_IDS).toContain(id);
  const publisher = (await jsonLd(page)).map((data) => data['publisher'] as Record<string, string>).find(Boolean)!;
  for (const policy of ['publishingPrinciples', 'correctionsPolicy', 'verificationFactCheckingPolicy', 'actionableFeedbackPolicy']) {
    const url = new URL(publisher[policy]!);
    expect(url.pathname, policy).toBe(`/${HOW_WE_WORK_PATH}`);
    if (url.hash) await expect(page.locator(url.hash), policy).toHaveCount(1);
  }
});

for (const chapter of chapterPages) {
  test.describe(chapter.path, () => {
    test('says what it is and when it was published and updated, links to "How we work", and carries a complete Article', async ({
      page,
    }) => {
      await page.goto(chapter.path);
      const header = page.locator('article header');
      await expect(header.locator(`a[href^="/${HOW_WE_WORK_PATH}#"]`)).toHaveCount(1);
      await expect(header.locator(`time[datetime="${chapter.data.updated.iso}"]`).first()).toBeVisible();
      // "First published" appears once the editors set it, and only then.
      await expect(header.getByText('First published')).toHaveCount(chapter.data.published ? 1 : 0);
      if (chapter.data.published) await expect(header.locator(`time[datetime="${chapter.data.published.iso}"]`)).toHaveCount(1);

      const data = await article(page);
      expect(data.datePublished).toBe((chapter.data.published ?? chapter.data.updated).iso);
      expect(data.dateModified).toBe(chapter.data.updated.iso);
      expect(data.image?.url).toBe(await page.locator('meta[property="og:image"]').getAttribute('content'));
      expect(data.publisher['name']).toBe(SITE.name);
      expect(data.publisher.logo?.url).toMatch(/^https?:\/\//);
      expect(data.publisher['correctionsPolicy']).toContain(`/${HOW_WE_WORK_PATH}#`);
    });

    test('"Report an error" opens the repository’s correction form with the page filled in', async ({ page }) => {
      await page.goto(chapter.path);
      const form = page.locator('a[data-report-form]');
      await expect(form).toHaveCount(1);
      const url = new URL((await form.getAttribute('href'))!);
      expect(`${url.origin}${url.pathname}`).toBe(`${SITE.repository}/issues/new`);
      expect(url.searchParams.get('template')).toBe('correction.yml');
      expect(url.searchParams.get('page')).toBe(await page.locator('link[rel="canonical"]').getAttribute('href'));
      // The e-mail alternative is there exactly when a newsroom has set an address.
      await expect(page.locator('a[data-report-email]')).toHaveCount(SITE.newsroom.correctionsEmail ? 1 : 0);
    });

    test('links to its page history, which lists its changes or says that history is unavailable', async ({ page }) => {
      await page.goto(chapter.path);
      await expect(page.locator(`#report-an-error a[href="${chapter.history}"]`)).toHaveCount(1);
      await page.goto(chapter.history);
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.locator(`main a[href="${chapter.path}"]`).first()).toBeVisible();
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
      const state = await page.locator('[data-history]').getAttribute('data-history');
      expect(['listed', 'empty', 'unavailable']).toContain(state);
      if (state === 'listed') {
        const items = page.locator('[data-change]');
        expect(await items.count()).toBeGreaterThan(0);
        for (const item of await items.all()) {
          await expect(item.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
          await expect(item.locator(`a[href^="${SITE.repository}/commit/"]`)).toHaveCount(1);
        }
      }
    });
  });
}

test('with JavaScript, the passage a reader selects in the chapter is filled into the form', async ({ page }) => {
  const chapter = chapterPages[0]!;
  await page.goto(chapter.path);
  await expect(page.locator('[data-report-hint]')).toBeVisible();
  const selected = await page
    .evaluate(() => {
      const paragraph = document.querySelector('.prose-explainer p')!;
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    })
    .then(passageForReport);
  expect(selected.length).toBeGreaterThan(0);
  const form = page.locator('a[data-report-form]');
  await expect.poll(async () => new URL((await form.getAttribute('href'))!).searchParams.get('passage')).toBe(selected);
  await expect(page.locator('[data-report-selected]')).toBeVisible();
  // A selection outside the chapter (the footer) leaves the passage as it was.
  await page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('footer p')!);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  });
  await page.waitForTimeout(100);
  expect(new URL((await form.getAttribute('href'))!).searchParams.get('passage')).toBe(selected);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('"Report an error" still opens the form with the page, and the selection hint stays hidden', async ({ page }) => {
    await page.goto(chapterPages[0]!.path);
    const url = new URL((await page.locator('a[data-report-form]').getAttribute('href'))!);
    expect(url.searchParams.get('page')).toMatch(/^https?:\/\//);
    await expect(page.locator('[data-report-hint]')).toBeHidden();
  });
});

test('each of our corrections is at the foot of its chapter, on the site-wide list, in the chapter’s JSON-LD and in the feed', async ({
  page,
  request,
}) => {
  test.skip(errata.size === 0, 'no corrections of our own in this content');
  test.setTimeout(120_000);
  const feed = await request.get(`/${FEED_PATH}`).then((response) => response.text());
  for (const [id, erratum] of errata) expect(pathOf(erratum.page), `${id}: page ${erratum.page}`).toBeDefined();
  // One visit per chapter, for all of its corrections.
  const byPath = Map.groupBy(errata, ([, erratum]) => pathOf(erratum.page)!);
  for (const [path, entries] of byPath) {
    await page.goto(path);
    const data = await article(page);
    await expect(page.locator('article .chapter-errata [data-erratum]'), path).toHaveCount(entries.length);
    for (const [id, erratum] of entries) {
      // Inside the article, below its text: not in the sources' list or the page's footer.
      const entry = page.locator(`article .chapter-errata #${erratumAnchor(id)}`);
      await expect(entry.locator(`time[datetime="${erratum.date.iso}"]`), id).toHaveCount(1);
      await expect(entry.getByText('Corrected on'), id).toHaveCount(1);
      // One line on the chapter, linked to the full entry (said, says, why, sources) on the site-wide list.
      await expect(entry.locator(`a[href="/${OUR_CORRECTIONS_PATH}#${erratumAnchor(id)}"]`), id).toHaveCount(1);
      const correction = data.correction?.find(({ url }) => url.endsWith(`${path}#${erratumAnchor(id)}`));
      expect(correction, `${id} in the JSON-LD`).toMatchObject({ '@type': 'CorrectionComment', datePublished: erratum.date.iso });
      expect(feed, `${id} in the feed`).toContain(`${path}#${erratumAnchor(id)}</link>`);
    }
  }

  await page.goto(`/${OUR_CORRECTIONS_PATH}`);
  await expect(page.locator('[data-erratum]')).toHaveCount(errata.size);
  for (const [id, erratum] of errata) {
    await expect(page.locator(`#${erratumAnchor(id)} a[href="${pathOf(erratum.page)}#${erratumAnchor(id)}"]`), id).toHaveCount(1);
    const entry = page.locator(`#${erratumAnchor(id)}`);
    expect(await entry.locator('.erratum-said').textContent(), id).toContain(erratum.said.slice(0, 40));
    expect(await entry.locator('.erratum-says').textContent(), id).toContain(erratum.says.slice(0, 40));
    for (const { id: source } of erratum.sources) {
      expect(sources.has(source)).toBe(true);
      await expect(entry.locator(`a[data-source="${source}"]`), `${id}: ${source}`).toHaveCount(1);
    }
  }
  // Apart from the source articles' corrections, and linked from them.
  await expect(page.locator('main a[href="/corrections/"]')).toHaveCount(1);
  await page.goto('/corrections/');
  await expect(page.locator(`main a[href="/${OUR_CORRECTIONS_PATH}"]`)).toHaveCount(1);
  await expect(page.locator('[data-erratum]')).toHaveCount(0);
});

test('a chapter without corrections of its own shows none', async ({ page }) => {
  const uncorrected = chapterPages.find(({ key }) => ![...errata.values()].some((erratum) => erratum.page === key));
  test.skip(!uncorrected, 'every chapter has a correction');
  await page.goto(uncorrected!.path);
  await expect(page.locator('.chapter-errata')).toHaveCount(0);
  expect((await article(page)).correction).toBeUndefined();
});

test('the page histories pass axe in light and dark', async ({ page }) => {
  test.setTimeout(30_000 * chapterPages.length);
  // They are outside the sitemap, so the site-wide axe sweep does not reach them.
  for (const { history } of chapterPages) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(history);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((violation) => `${history} ${colorScheme}: ${violation.id}`)).toEqual([]);
    }
  }
});
