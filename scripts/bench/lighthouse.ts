import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findChromium } from '../../src/build/chromium.ts';

/**
 * Lighthouse with its default mobile settings (Moto G Power viewport, simulated slow 4G and 4x CPU
 * slowdown), in the Chromium the build and tests use (src/build/chromium.ts), with the same flags.
 * The simulated throttling makes the scores repeatable on a busy machine, so each page runs once.
 */
export const CHROME_PATH = findChromium() ?? '/usr/bin/chromium';

export interface LighthouseFigures {
  url: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  /** Milliseconds. */
  lcp: number;
  cls: number;
  /** Milliseconds. */
  tbt: number;
  /** Bytes transferred, as Lighthouse counts them (compressed). */
  totalBytes: number;
  /** Audits that cost points in accessibility, best practices or SEO: the work the scores point to. */
  failing: string[];
}

export async function runLighthouse(urls: string[]): Promise<LighthouseFigures[]> {
  const chrome = await launch({ chromePath: CHROME_PATH, chromeFlags: ['--headless', ...CHROMIUM_ARGS], logLevel: 'silent' });
  try {
    const results: LighthouseFigures[] = [];
    for (const url of urls) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { categories, audits } = result.lhr;
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      const value = (id: string) => audits[id]?.numericValue ?? Number.NaN;
      results.push({
        url,
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        lcp: value('largest-contentful-paint'),
        cls: value('cumulative-layout-shift'),
        tbt: value('total-blocking-time'),
        totalBytes: value('total-byte-weight'),
        failing: ['accessibility', 'best-practices', 'seo'].flatMap((category) =>
          (categories[category]?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
            .map((ref) => `${category}/${ref.id}`),
        ),
      });
    }
    return results;
  } finally {
    chrome.kill();
  }
}
