import { expect, test, type Page } from '@playwright/test';
import { readDataCollections } from '../../src/data/catalog.ts';
import { CHAPTER, EXPLAINER, chapterPathsOf } from './site-pages.ts';

/**
 * The reader's details (issue 16): copying a citation, the names of its downloads, "Told in" links
 * from events and people back to the chapters, the period each part covers, reading times, and a
 * person's card previewed from their name. Every expectation comes from the built site or the data
 * the build read, never from the explainer's wording.
 */
const { data } = readDataCollections();

/** "Cite this page", opened. */
async function openCite(page: Page) {
  const cite = page.locator('details.cite-this-page');
  await cite.locator('summary').click();
  return cite;
}

test.describe('Cite this page', () => {
  test('each format has a copy button that puts exactly the shown citation on the clipboard', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(CHAPTER);
    const cite = await openCite(page);
    const buttons = cite.locator('button[data-copy-format]');
    const formats = await cite.locator('dt').count();
    await expect(buttons).toHaveCount(formats);
    for (let index = 0; index < formats; index += 1) {
      const button = buttons.nth(index);
      await expect(button).toBeVisible();
      const shown = (await cite.locator('dd').nth(index).locator('[data-copy-text]').innerText()).trim();
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await button.click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
      // The copy is confirmed, to sight and to a screen reader, and the button's name still says what it copies.
      await expect(cite.locator('[data-copy-status]')).not.toBeEmpty();
      await expect(button).toHaveAccessibleName(new RegExp(`${await button.getAttribute('data-copy-format')}$`));
    }
  });

  test('the downloads are named after the page, and the BibTeX month is valid BibTeX', async ({ page }) => {
    await page.goto(CHAPTER);
    const cite = await openCite(page);
    // The page's address, made one name: /explainer/chapter/ → explainer-chapter.bib (the overview: explainer-overview.bib).
    const segments = CHAPTER.split('/').filter(Boolean);
    const stem = (segments.length === 1 ? [...segments, 'overview'] : segments).join('-');
    const downloads = cite.locator('a[download]');
    await expect(downloads).toHaveCount(2);
    const names: string[] = [];
    for (const link of await downloads.all()) {
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      names.push(download.suggestedFilename());
      if (download.suggestedFilename().endsWith('.bib')) {
        const bib = await (await page.request.get((await link.getAttribute('href'))!)).text();
        // `month = {dec 6}` is no month to BibTeX: a month is its three-letter macro.
        expect(bib).toMatch(/^\s*month = (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec),$/m);
        expect(bib).not.toMatch(/month = \{/);
      }
    }
    expect(names.toSorted()).toEqual([`${stem}.bib`, `${stem}.json`]);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('there is no copy button, and the citations are text to select', async ({ page }) => {
      await page.goto(CHAPTER);
      const cite = await openCite(page);
      await expect(cite.locator('button[data-copy-format]').first()).toBeHidden();
      await expect(cite.locator('button:visible')).toHaveCount(0);
      await expect(cite.locator('pre code')).toContainText('@');
    });
  });
});

/** The "Told in" links of each entry on a reference page, by the entry's id. */
async function toldIn(page: Page, path: string, entry: string): Promise<Map<string, string[]>> {
  await page.goto(path);
  const links = new Map<string, string[]>();
  for (const item of await page.locator(`${entry}[id]`).all()) {
    const id = (await item.getAttribute('id'))!;
    links.set(
      id,
      await item.locator('.told-in a').evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname)),
    );
  }
  return links;
}

test.describe('Told in', () => {
  // Many pages to read on a busy machine: each chapter once.
  test.describe.configure({ timeout: 120_000 });

  /** Per chapter, what its page shows: the sources its notes cite and the people whose cards it links to. */
  async function chapterContents(page: Page) {
    const contents = new Map<string, { cited: string[]; named: string[] }>();
    for (const path of chapterPathsOf(EXPLAINER)) {
      await page.goto(path);
      contents.set(path, {
        cited: await page
          .locator('.footnotes .citation[data-source]')
          .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-source')!)),
        named: await page
          .locator('main a.person')
          .evaluateAll((links) => links.map((link) => decodeURIComponent(new URL((link as HTMLAnchorElement).href).hash.slice(1)))),
      });
    }
    return contents;
  }

  test('each event links to chapters that cite its sources, and each link is a chapter', async ({ page }) => {
    const contents = await chapterContents(page);
    const events = await toldIn(page, '/timeline/', '.timeline-event');
    expect(events.size).toBe(data.events.size);
    const told = [...events].filter(([, paths]) => paths.length > 0);
    expect(told.length, 'no event links back to a chapter').toBeGreaterThan(0);
    for (const [id, paths] of told) {
      const sources = data.events.get(id)!.sources.map((source) => source.id);
      for (const path of paths) {
        const chapter = contents.get(path);
        expect(chapter, `${id}: ${path} is not a chapter`).toBeDefined();
        expect(
          sources.some((source) => chapter!.cited.includes(source)),
          `${path} cites none of ${id}'s sources`,
        ).toBe(true);
      }
    }
  });

  test('each person links to chapters that name them, with a link to their card', async ({ page }) => {
    const contents = await chapterContents(page);
    const people = await toldIn(page, '/people/', '.person-card');
    expect(people.size).toBe(data.people.size);
    const told = [...people].filter(([, paths]) => paths.length > 0);
    expect(told.length, 'no person links back to a chapter').toBeGreaterThan(0);
    for (const [id, paths] of told) {
      for (const path of paths) expect(contents.get(path)?.named, `${path} does not name ${id}`).toContain(id);
    }
  });
});

test('a part covers the span of the events it tells; the overview, the explainer’s period', async ({ page }) => {
  test.setTimeout(120_000); // a page per chapter, on a machine that may be busy
  const events = await toldIn(page, '/timeline/', '.timeline-event');
  const [overview, ...parts] = chapterPathsOf(EXPLAINER);
  for (const path of parts) {
    const told = [...events].filter(([, paths]) => paths.includes(path)).map(([id]) => data.events.get(id)!);
    const from = told.map((event) => event.date.iso).toSorted()[0];
    const to = told
      .map((event) => (event.until ?? event.date).iso)
      .toSorted()
      .at(-1);
    await page.goto(path);
    const times = page.locator('.chapter-meta .chapter-covers time');
    await expect(times).toHaveCount(2);
    // One event's day is no period: then the chapter's own frontmatter period is shown.
    if (from !== undefined && to !== undefined && from !== to) {
      await expect(times.first(), path).toHaveAttribute('datetime', from);
      await expect(times.last(), path).toHaveAttribute('datetime', to);
    }
  }
  await page.goto(overview!);
  const covers = page.locator('.chapter-meta .chapter-covers time');
  const whole = data.chapters.find((chapter) => chapter.data.order === 0 && overview!.includes(chapter.data.explainer))!.data.period;
  await expect(covers.first()).toHaveAttribute('datetime', whole.from.iso);
  await expect(covers.last()).toHaveAttribute('datetime', whole.to.iso);
});

test('the reading time counts the words a reader reads, not the notes', async ({ page }) => {
  test.setTimeout(120_000); // a page per chapter, on a machine that may be busy
  for (const path of chapterPathsOf(EXPLAINER)) {
    await page.goto(path);
    const words = await page.locator('.chapter-prose').evaluate((prose) => {
      const copy = prose.cloneNode(true) as HTMLElement;
      // Markers, the membership chart with its data table and the locator map: looked at, not read word by word, so not counted.
      copy.querySelectorAll('sup, .sr-only, .membership-chart, .locator-map').forEach((node) => node.remove());
      return (copy.textContent ?? '').split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
    });
    const minutes = Number(/(\d+) min read/.exec(await page.locator('.chapter-meta').innerText())?.[1]);
    // 220 words a minute, rounded; a heading or a table's header makes a word or two of difference.
    expect(Math.abs(minutes - words / 220), `${path}: ${minutes} min for ${words} words`).toBeLessThanOrEqual(0.5 + 30 / 220);
  }
});

test.describe('a person’s name previews their card', () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  async function firstName(page: Page) {
    for (const path of chapterPathsOf(EXPLAINER)) {
      await page.goto(path);
      const name = page.locator('main a.person').first();
      if ((await name.count()) > 0) return name;
    }
    throw new Error('no chapter names a person');
  }

  test('by keyboard: focusing the name shows the card; Enter still follows the link', async ({ page }) => {
    const name = await firstName(page);
    const href = (await name.getAttribute('href'))!;
    const person = data.people.get(decodeURIComponent(href.split('#')[1]!))!;
    await name.focus();
    const preview = page.locator('.footnote-preview');
    await expect(preview).toBeVisible();
    await expect(preview).toContainText(person.name);
    await expect(preview).toContainText(person.summary);
    await expect(preview.locator('.footnote-preview-go')).toHaveAttribute(
      'href',
      new RegExp(`${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    );
    await page.keyboard.press('Escape');
    await expect(preview).toBeHidden();
    await name.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`people/#${href.split('#')[1]}$`));
    await expect(page.locator(`.person-card[id="${href.split('#')[1]}"]`)).toBeVisible();
  });

  test('by mouse: hovering the name shows the card', async ({ page }) => {
    const name = await firstName(page);
    await name.hover();
    await expect(page.locator('.footnote-preview')).toBeVisible();
    await expect(page.locator('.footnote-preview .person-preview-name')).not.toBeEmpty();
  });
});
