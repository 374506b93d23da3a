import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../src/lib/chromium.ts';
import { startStaticServer } from '../../src/lib/static-server.ts';
import { CHROME_PATH } from './lighthouse.ts';

/**
 * What a first visit to a page downloads in a real browser: Chromium, with an empty cache, loads
 * the page from the built site served with gzip (as static hosts serve it), waits until the network
 * is idle (fonts, icons and lazy requests included), and adds up the bytes each response took on the
 * wire (the DevTools protocol's encodedDataLength). The budgets' static count can miss what only a
 * browser decides to fetch; this cannot.
 */
export async function firstViewInBrowser(dist: string, path: string): Promise<{ bytes: number; requests: number }> {
  const { server, origin } = await startStaticServer({ root: dist, compress: true });
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    let bytes = 0;
    let requests = 0;
    cdp.on('Network.loadingFinished', (event) => {
      bytes += event.encodedDataLength;
      requests++;
    });
    await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
    return { bytes, requests };
  } finally {
    await browser.close();
    server.close();
  }
}
