import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../src/build/chromium.ts';
import { startStaticServer } from '../../src/build/static-server.ts';
import { CHROME_PATH } from './lighthouse.ts';

/**
 * What a first visit to a page downloads in a real browser: Chromium, with an empty cache, loads
 * the page from the built site served with gzip (asked for alone, as the budgets count: the local
 * server would otherwise send brotli), waits until the network is idle (module scripts imported by
 * other scripts, fonts, icons included), and adds up the bytes each response took on the wire, headers
 * included (the DevTools protocol's encodedDataLength), by the kind of resource, and how much of
 * that was response headers. The budgets' static
 * count can miss what only a browser decides to fetch; this cannot.
 */
export async function firstViewInBrowser(
  dist: string,
  path: string,
): Promise<{ bytes: number; headers: number; requests: number; byKind: Record<string, number> }> {
  const { server, origin } = await startStaticServer({ root: dist, compress: true });
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'gzip' } });
    let bytes = 0;
    let requests = 0;
    let headers = 0;
    const kinds = new Map<string, string>();
    const byKind: Record<string, number> = {};
    cdp.on('Network.responseReceived', (event) => {
      kinds.set(event.requestId, event.type.toLowerCase());
      // At this point only the status line and headers have arrived: the site's security headers
      // (its Content-Security-Policy above all) come with every response.
      headers += event.response.encodedDataLength;
    });
    cdp.on('Network.loadingFinished', (event) => {
      const kind = kinds.get(event.requestId) ?? 'other';
      byKind[kind] = (byKind[kind] ?? 0) + event.encodedDataLength;
      bytes += event.encodedDataLength;
      requests++;
    });
    await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
    return { bytes, headers, requests, byKind };
  } finally {
    await browser.close();
    server.close();
  }
}
