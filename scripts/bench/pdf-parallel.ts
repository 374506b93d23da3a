/**
 * The PDF editions of a built site printed one at a time and side by side, taking turns, each time
 * from an empty build cache. CONTENT_ROOT names the content the site was built from (its
 * explainers say which editions there are):
 *   CONTENT_ROOT=<content> node scripts/bench/pdf-parallel.ts <dist> [rounds]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { loadDataCollections } from '../../src/data/catalog.ts';
import { CONTENT_DIRS } from '../../src/data/content-dirs.ts';

const [dist, rounds = '1'] = process.argv.slice(2);
if (!dist) throw new Error('usage: pdf-parallel.ts <dist> [rounds]');
process.env['BUILD_CACHE_DIR'] = mkdtempSync(join(tmpdir(), 'pdf-parallel-'));
// Loaded after BUILD_CACHE_DIR is set: the build cache reads it once.
const { pdfEditionsOf, writePdfEditions } = await import('../../src/editions/pdf-editions.ts');
const quiet = { info: () => {}, warn: console.warn, error: console.error } as unknown as AstroIntegrationLogger;
const editions = pdfEditionsOf(loadDataCollections(CONTENT_DIRS).chapters);
const where = { base: '/', site: 'https://example.org/' };
for (let round = 0; round < Number(rounds); round++) {
  for (const parallel of round % 2 === 0 ? ['1', '2'] : ['2', '1']) {
    rmSync(process.env['BUILD_CACHE_DIR'], { recursive: true, force: true });
    process.env['PDF_PARALLEL'] = parallel;
    const started = performance.now();
    await writePdfEditions(dist, where, editions, quiet);
    console.log(`${editions.length} editions, ${parallel} at a time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}
rmSync(process.env['BUILD_CACHE_DIR'], { recursive: true, force: true });
