import { existsSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { CONTENT_DIRS } from '../../src/data/content-dirs.ts';
import { locatorMapProps } from '../../src/map/explainer-map.ts';
import { strings } from '../../src/i18n/ui.ts';
import { explainerPaths } from './site-pages.ts';

/**
 * The locator map (LocatorMap.astro), where an overview shows one: found from the overviews' own
 * files, so nothing here names a state, a title or a date of the real explainer. The states the
 * story is about are read from the component's `accent` prop.
 */
const t = strings();
const mapped = explainerPaths().flatMap((path) => {
  const file = `${CONTENT_DIRS.explainers}${path.replace(/\/$/, '')}/index.mdx`;
  const props = existsSync(file) ? locatorMapProps(readFileSync(file, 'utf8')) : undefined;
  return props ? [{ path, accent: (props.accent ?? '').split(/\s+/).filter(Boolean) }] : [];
});
const titlePrefix = t.mapTitle('').trim();

test.skip(mapped.length === 0, 'no overview shows a locator map');
const { path: overview, accent } = mapped[0] ?? { path: '/', accent: [] };

/** A fill as the screen shows it, in relative luminance (0 black, 1 white): what greyscale print keeps of it. */
async function luminanceOf(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 1;
      const context = canvas.getContext('2d')!;
      context.fillStyle = getComputedStyle(element).fill;
      context.fillRect(0, 0, 1, 1);
      const [r, g, b] = [...context.getImageData(0, 0, 1, 1).data].map((value) => {
        const channel = value / 255;
        return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    });
}

test('the overview shows a map named by its caption, with a text alternative and the data credited', async ({ page }) => {
  await page.goto(overview);
  const map = page.getByRole('img', { name: new RegExp(`^${titlePrefix}`) });
  await expect(map).toHaveCount(1);
  await expect(map).toBeVisible();
  const description = await map.evaluate((svg) => svg.getAttribute('aria-describedby'));
  const described = await page.evaluate(
    (ids) =>
      ids
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    description ?? '',
  );
  // A shape for each state of the story; the description and the notes credit the data.
  for (const id of accent) await expect(page.locator(`figure.locator-map path[data-state="${id}"]`), `a shape for ${id}`).toHaveCount(1);
  expect(described).toContain(t.mapCredit);
  expect(described).toContain(t.mapBorders);
  const figure = page.locator('figure.locator-map');
  await expect(figure).toContainText(t.mapCredit);
  await expect(figure.locator('[data-point]')).toHaveCount(1);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`in the ${scheme} theme the states of the story stand apart from the rest, in greyscale too`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(overview);
    expect(accent.length).toBeGreaterThan(0);
    const accented = await Promise.all(accent.map((id) => luminanceOf(page, `figure.locator-map path[data-state="${id}"]`)));
    const members = await luminanceOf(page, 'figure.locator-map path[data-role="member"]');
    const others = await luminanceOf(page, 'figure.locator-map path[data-role="other"]');
    const land = await luminanceOf(page, 'figure.locator-map path.map-land');
    for (const value of accented) {
      // At least a 1.5 : 1 contrast of luminance between the accent and either other shade.
      for (const rest of [members, others, land])
        expect((Math.max(value, rest) + 0.05) / (Math.min(value, rest) + 0.05)).toBeGreaterThan(1.5);
    }
    // Members and non-members differ too, and the accented states carry a heavier outline.
    expect((Math.max(members, others) + 0.05) / (Math.min(members, others) + 0.05)).toBeGreaterThan(1.2);
    const stroke = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => parseFloat(getComputedStyle(element).strokeWidth));
    expect(await stroke(`figure.locator-map path[data-state="${accent[0]}"]`)).toBeGreaterThan(
      await stroke('figure.locator-map path[data-role="member"]'),
    );
  });
}

test('in forced colours the states of the story, the other members and the rest still differ', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(overview);
  const fill = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((element) => getComputedStyle(element).fill);
  const fills = new Set([
    await fill(`figure.locator-map path[data-state="${accent[0]}"]`),
    await fill('figure.locator-map path[data-role="member"]'),
    await fill('figure.locator-map path[data-role="other"]'),
  ]);
  expect(fills.size).toBe(3);
});

test('at 360 px the map fits the screen: nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(overview);
  const figure = page.locator('figure.locator-map');
  await figure.scrollIntoViewIfNeeded();
  const box = (await figure.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // The labels are drawn at a size a phone can read: at least 10 px on screen.
  const smallest = await figure
    .locator('.map-labels text')
    .evaluateAll((texts) => Math.min(...texts.map((text) => text.getBoundingClientRect().height)));
  expect(smallest).toBeGreaterThanOrEqual(10);
});

test("the home page's card shows the same map, small, on a wide screen", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(overview);
  const shape = await page.locator(`figure.locator-map path[data-state="${accent[0]}"]`).getAttribute('d');
  await page.goto('/');
  const card = page.locator(`li:has(a[href$="${overview}"]) figure.locator-map`).first();
  await expect(card).toBeVisible();
  await expect(card.getByRole('img', { name: new RegExp(`^${titlePrefix}`) })).toBeVisible();
  expect(await card.locator(`path[data-state="${accent[0]}"]`).getAttribute('d')).toBe(shape);
  expect((await card.boundingBox())!.width).toBeLessThan(500);
});
