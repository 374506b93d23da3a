import { expect, test, type Page } from '@playwright/test';
import { EXPLAINER, sitemapPaths } from './site-pages.ts';

/**
 * Printing: in print emulation every page drops the site chrome and controls, prints black on white
 * whatever the theme, shows every note in full, and prints the address of every external link.
 * The whole-explainer page numbers its notes continuously and agrees with the chapter pages.
 */

const WHOLE = `${EXPLAINER}all/`;
const paths = [...new Set([...sitemapPaths(), WHOLE])];

/** Chrome that must not reach paper, as selectors; each is checked wherever it exists on a page. */
const CHROME = [
  '.site-header',
  '.site-footer',
  '.chapter-aside',
  '.chapter-toc',
  '.toc-details',
  '.prev-next',
  '.explainer-tools',
  '[data-theme-toggle]',
  'button',
];

async function printView(page: Page, path: string, theme: 'light' | 'dark' = 'dark'): Promise<void> {
  await page.addInitScript((chosen) => localStorage.setItem('theme', chosen), theme);
  await page.emulateMedia({ media: 'print', colorScheme: theme });
  await page.goto(path);
}

for (const path of paths) {
  test(`${path} prints without chrome, black on white, with every note and every external address`, async ({ page }) => {
    await printView(page, path);
    const report = await page.evaluate((chrome) => {
      const shown = (element: Element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
      };
      const body = getComputedStyle(document.body);
      const channels = (color: string) => (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const notes = [...document.querySelectorAll('.footnotes li')];
      const markers = [...document.querySelectorAll<HTMLAnchorElement>('a[data-footnote-ref]')];
      const external = [...document.querySelectorAll<HTMLAnchorElement>('main a[href^="http"]')].filter(shown);
      return {
        chromeShown: chrome.flatMap((selector) => [...document.querySelectorAll(selector)].filter(shown).map(() => selector)),
        background: body.backgroundColor,
        text: body.color,
        // Dark ink everywhere: no text lighter than #555 on the white page.
        paleText: [...document.querySelectorAll('main :is(p, li, h1, h2, h3, dd, dt, td, th, a, figcaption, time)')]
          .filter((element) => shown(element) && channels(getComputedStyle(element).color).some((channel) => channel > 0x55))
          .map((element) => `${element.tagName} ${getComputedStyle(element).color}`)
          .slice(0, 5),
        notes: notes.length,
        hiddenNotes: notes.filter((note) => !shown(note)).map((note) => note.id),
        // A marker on paper must lead to a note printed on the same page (document).
        markersWithoutPrintedNote: markers
          .filter((marker) => {
            const note = document.getElementById(decodeURIComponent(marker.hash.slice(1)));
            return !note || !shown(note);
          })
          .map((marker) => marker.id),
        markersPrintingUrl: markers.filter((marker) => getComputedStyle(marker, '::after').content.includes('#')).map((m) => m.id),
        // An external link's address is on paper: in its text (citations) or printed after it.
        externalWithoutAddress: external
          .filter((link) => {
            const address = link.getAttribute('href')!;
            return !link.textContent?.includes(address) && !getComputedStyle(link, '::after').content.includes(address);
          })
          .map((link) => link.href),
      };
    }, CHROME);
    expect(report.chromeShown, 'chrome on paper').toEqual([]);
    expect(report.background).toBe('rgb(255, 255, 255)');
    expect(report.text).toBe('rgb(0, 0, 0)');
    expect(report.paleText, 'pale text on paper').toEqual([]);
    expect(report.hiddenNotes, 'notes hidden on paper').toEqual([]);
    expect(report.markersWithoutPrintedNote, 'markers whose note does not print').toEqual([]);
    expect(report.markersPrintingUrl, 'footnote markers print no address').toEqual([]);
    expect(report.externalWithoutAddress, 'external links whose address does not print').toEqual([]);
    if (path.startsWith(EXPLAINER)) expect(report.notes, 'an explainer page has notes').toBeGreaterThan(3);
  });
}

test('the print stylesheet sets margins and puts page numbers and the title in the margin boxes', async ({ page }) => {
  await page.goto(EXPLAINER);
  const explainerTitle = (await page.locator('h1').textContent())!.trim();
  await page.goto(`${EXPLAINER}background/`);
  const rules = await page.evaluate(() =>
    [...document.styleSheets].flatMap((sheet) =>
      [...sheet.cssRules].filter((rule) => rule instanceof CSSPageRule).map((rule) => rule.cssText),
    ),
  );
  const all = rules.join('\n');
  expect(all).toMatch(/margin:/);
  expect(all).toMatch(/counter\(page\).*counter\(pages\)/);
  expect(all).toContain('attr(data-print-title)');
  await expect(page.locator('html')).toHaveAttribute('data-print-title', explainerTitle);
});

test('on paper an external link in the text is followed by its address; internal links are not', async ({ page }) => {
  await page.emulateMedia({ media: 'print' });
  await page.goto(`${EXPLAINER}background/`);
  // The text has no external links of its own today; add one, and an internal one, to the prose.
  const after = await page.evaluate(() => {
    const prose = document.querySelector('.prose-explainer p')!;
    const external = Object.assign(document.createElement('a'), { href: 'https://example.org/report', textContent: 'a report' });
    const internal = Object.assign(document.createElement('a'), { href: '/people/', textContent: 'people' });
    prose.append(' ', external, ' ', internal);
    return [getComputedStyle(external, '::after').content, getComputedStyle(internal, '::after').content];
  });
  expect(after[0]).toContain('https://example.org/report');
  expect(after[1]).not.toContain('people');
});

test('the Print button prints, and is absent without JavaScript', async ({ page, browser }) => {
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await page.goto(`${EXPLAINER}scandal/`);
  const print = page.getByRole('button', { name: 'Print' });
  await expect(print).toBeVisible();
  await print.click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(`${EXPLAINER}scandal/`);
  await expect(plain.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(plain.getByRole('link', { name: 'Download PDF' })).toBeVisible();
  await noScript.close();
});

test('explainer pages link to the whole explainer and to the PDF edition, and both exist', async ({ page, request }) => {
  await page.goto(`${EXPLAINER}reactions/`);
  const onePage = page.getByRole('link', { name: 'Read on one page' });
  await expect(onePage).toHaveAttribute('href', WHOLE);
  const pdf = page.getByRole('link', { name: 'Download PDF' });
  const pdfHref = (await pdf.getAttribute('href'))!;
  const response = await request.get(pdfHref);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await onePage.click();
  await expect(page).toHaveURL(new RegExp(`${WHOLE}$`));
  await expect(page.getByRole('link', { name: 'Read chapter by chapter' })).toHaveAttribute('href', EXPLAINER);
});

test('the whole-explainer page: every chapter in order, notes numbered 1 to N, markers and notes agree', async ({ page }) => {
  // What the chapter pages hold, one by one.
  await page.goto(EXPLAINER);
  const chapterHrefs = await page
    .getByRole('navigation', { name: 'Chapters in this explainer' })
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  const chapters: { title: string; notes: string[] }[] = [];
  for (const href of chapterHrefs) {
    await page.goto(href);
    chapters.push({
      title: (await page.locator('h1').textContent())!.trim(),
      notes: await page.locator('.footnotes li').evaluateAll((items) => items.map((li) => li.id)),
    });
  }

  await page.goto(WHOLE);
  const whole = await page.evaluate(() => {
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
    const notes = [...document.querySelectorAll<HTMLOListElement>('.footnotes ol')].flatMap((list) =>
      [...list.children].map((li, index) => ({ id: li.id, number: list.start + index })),
    );
    const numberOf = new Map(notes.map((note) => [note.id, note.number]));
    const markers = [...document.querySelectorAll<HTMLAnchorElement>('a[data-footnote-ref]')].map((marker) => ({
      shown: Number(marker.textContent),
      note: numberOf.get(decodeURIComponent(marker.hash.slice(1))),
    }));
    const cited = [...document.querySelectorAll<HTMLAnchorElement>('.page-sources .cited-notes a[href^="#"]')].map((link) => ({
      shown: Number(link.textContent.replace(/\D/g, '')),
      note: numberOf.get(decodeURIComponent(link.hash.slice(1))),
    }));
    return {
      duplicateIds: ids.filter((id, index) => ids.indexOf(id) !== index),
      chapterTitles: [...document.querySelectorAll('[data-chapter] > header h2')].map((h) => h.textContent.trim()),
      notes,
      markers,
      cited,
      sourceLists: document.querySelectorAll('.page-sources').length,
      h1: document.querySelectorAll('h1').length,
    };
  });
  expect(whole.duplicateIds).toEqual([]);
  expect(whole.h1).toBe(1);
  expect(whole.chapterTitles).toEqual(chapters.map((chapter) => chapter.title));
  // The same notes as the chapter pages, in the same order, numbered 1 … N without a gap.
  expect(whole.notes.map((note) => note.id)).toEqual(chapters.flatMap((chapter) => chapter.notes));
  expect(whole.notes.map((note) => note.number)).toEqual(whole.notes.map((_, index) => index + 1));
  // Every marker shows the number its note shows; so does every "Cited in" link in the one source list.
  expect(whole.markers.length).toBeGreaterThan(whole.notes.length);
  expect(whole.markers.filter((marker) => marker.shown !== marker.note)).toEqual([]);
  expect(whole.cited.length).toBeGreaterThan(0);
  expect(whole.cited.filter((link) => link.shown !== link.note)).toEqual([]);
  expect(whole.sourceLists).toBe(1);
  // Links between chapters stay on the page.
  const brokenInPage = await page
    .locator('main a[href^="#"]')
    .evaluateAll((links) =>
      links.map((a) => a.getAttribute('href')!.slice(1)).filter((id) => !document.getElementById(decodeURIComponent(id))),
    );
  expect(brokenInPage).toEqual([]);
});
