import { expect, test, type Page } from '@playwright/test';
import { sitemapPaths } from './site-pages.ts';

/**
 * Security in the browser: no request leaves the site's origin (no fonts, scripts, analytics or
 * images from elsewhere), the Content-Security-Policy blocks nothing the site itself does, the
 * static host's headers are sent, and external links cannot reach back into the page.
 */
const paths = sitemapPaths();

/** Records (and aborts) every request to another origin, and records CSP violations for `violationsOn`. */
async function watch(page: Page, origin: string): Promise<string[]> {
  const offsite: string[] = [];
  await page.context().route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) return route.continue();
    offsite.push(url);
    return route.abort('blockedbyclient');
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective}: ${event.blockedURI || 'inline'}`),
    );
  });
  return offsite;
}

const violationsOn = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);

for (const path of [...paths, '/no-such-page/']) {
  test(`${path}: no request leaves the origin and the policy blocks nothing of ours`, async ({ page, baseURL }) => {
    const offsite = await watch(page, new URL(baseURL!).origin);
    await page.goto(path);
    // Bring in whatever loads late: the bottom of the page, a footnote preview, the search.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const marker = page.locator('main a[data-footnote-ref]').first();
    if ((await marker.count()) > 0) await marker.hover();
    // Every page has the search: it loads its index and results, which must stay on the site too.
    await page.locator('[data-search-open]').first().click();
    await page.keyboard.type('the');
    // The index loads on first use: slow on a loaded machine, so a generous wait.
    await expect(page.locator('[data-search-status]').first()).not.toBeEmpty({ timeout: 20_000 });
    await page.keyboard.press('Escape');
    await page.waitForLoadState('networkidle');
    expect(offsite, 'requests that left the site').toEqual([]);
    expect(await violationsOn(page), 'Content-Security-Policy violations').toEqual([]);
  });
}

test('every page sends the security headers and a script policy without unsafe-inline', async ({ page }) => {
  for (const path of paths) {
    const response = await page.goto(path);
    const headers = response!.headers();
    expect(headers['strict-transport-security'], path).toMatch(/max-age=\d{8,}/);
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBeTruthy();
    expect(headers['permissions-policy'], path).toContain('camera=()');
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    const scriptSrc = /script-src ([^;]*)/.exec(policy ?? '')?.[1] ?? '';
    expect(scriptSrc, path).toContain("'self'");
    expect(scriptSrc, path).not.toContain("'unsafe-inline'");
    expect(scriptSrc, path).not.toContain("'unsafe-eval'");
  }
});

test('an injected inline script is blocked by the policy', async ({ page }) => {
  await page.goto('/');
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true;';
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return (window as unknown as { injected?: boolean }).injected === true;
  });
  expect(ran).toBe(false);
});

test('external links cannot reach back into the page', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  let checked = 0;
  for (const path of paths) {
    await page.goto(path);
    const unsafe = await page.evaluate((own) => {
      const found: string[] = [];
      for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
        if (link.origin === own || !link.protocol.startsWith('http')) continue;
        const rel = link.relList;
        if (link.target && link.target !== '_self' && !(rel.contains('noopener') && rel.contains('noreferrer'))) found.push(link.href);
      }
      return found;
    }, origin);
    expect(unsafe, path).toEqual([]);
    checked += await page.locator(`a[href^="http"]:not([href^="${origin}"])`).count();
  }
  expect(checked, 'external links were found to check').toBeGreaterThan(0);
});
