/**
 * Checks that every source's address (`url`, and `archived` where given) still answers, and reports
 * the dead ones: to stdout, and to the job summary in GitHub Actions. Run weekly by
 * .github/workflows/source-links.yml, never in pull requests or the test suite (it uses the network).
 *
 *   npm run check:links                  content/sources (or CONTENT_ROOT's)
 *   npm run check:links -- <sources-dir>
 *
 * Exits 1 when a link is dead, so the scheduled run shows as failed; links that could not be
 * checked (a time-out, a bot wall) are listed but do not fail it.
 */
import { appendFileSync } from 'node:fs';
import { relative } from 'node:path';
import { CONTENT_DIRS } from '../src/data/content-dirs.ts';
import { checkLinks, linkReport, sourceLinks } from './lib/link-check.ts';

const dir = process.argv[2] ?? CONTENT_DIRS.sources;
const links = sourceLinks(dir).map((link) => ({ ...link, file: relative(process.cwd(), link.file) }));
const results = await checkLinks(links);
const report = linkReport(results);
process.stdout.write(report);
if (process.env['GITHUB_STEP_SUMMARY']) appendFileSync(process.env['GITHUB_STEP_SUMMARY'], `${report}\n`);
for (const dead of results.filter((result) => result.verdict === 'dead')) {
  // On GitHub, each dead link is also a warning on its line of the source file.
  if (process.env['GITHUB_ACTIONS'] === 'true')
    console.log(`::warning file=${dead.file},line=${dead.line},title=Dead link::${dead.url} answered ${dead.detail}`);
}
if (results.some((result) => result.verdict === 'dead')) process.exitCode = 1;
