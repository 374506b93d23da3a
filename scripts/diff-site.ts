/**
 * What readers will see differently between two built sites, as Markdown: per page, the sentences
 * added, removed and changed, the citations, evidence passages, quotations and editor's notes; then
 * the sources and corrections. Written to stdout and, in GitHub Actions, to the job summary.
 *
 *   npm run build -- --outDir /tmp/base     (on the base branch)
 *   npm run build                           (on yours)
 *   npm run diff:site -- /tmp/base dist
 *
 * In a pull request's workflow, PREVIEW_ARTIFACT names the uploaded build: the summary links to the
 * run's artifacts and gives one command that downloads and serves it.
 */
import { appendFileSync, existsSync } from 'node:fs';
import { compareBuilds, summaryMarkdown, type SummaryOptions } from './lib/site-diff.ts';

const [baseDir, headDir] = process.argv.slice(2);
if (!baseDir || !headDir) {
  console.error('usage: npm run diff:site -- <base-dist> <head-dist>');
  process.exit(2);
}
if (!existsSync(headDir)) {
  console.error(`diff:site: ${headDir} does not exist; build the site first (npm run build).`);
  process.exit(2);
}

const env = process.env;
const options: SummaryOptions = {};
const artifact = env['PREVIEW_ARTIFACT'];
if (env['GITHUB_ACTIONS'] === 'true' && env['GITHUB_REPOSITORY'] && env['GITHUB_RUN_ID']) {
  const repository = env['GITHUB_REPOSITORY'];
  options.previewUrl = `${env['GITHUB_SERVER_URL'] ?? 'https://github.com'}/${repository}/actions/runs/${env['GITHUB_RUN_ID']}#artifacts`;
  if (artifact) {
    options.previewName = artifact;
    // GitHub's CLI downloads the artifact; Python's server is on nearly every computer. The build is
    // made for the site's root, so it works as served here.
    options.serveCommand = `gh run download ${env['GITHUB_RUN_ID']} -R ${repository} -n ${artifact} -D ${artifact} && python3 -m http.server 4321 -b 127.0.0.1 -d ${artifact}`;
  }
} else {
  options.serveCommand = `node scripts/serve-static.ts ${headDir} 4321`;
}

const diff = compareBuilds(baseDir, headDir);
const markdown = diff
  ? summaryMarkdown(diff, options)
  : `## What readers will see differently\n\nThe base branch's site was not built (${baseDir} is missing), so there is nothing to compare with.\n`;
process.stdout.write(markdown);
const summaryFile = env['GITHUB_STEP_SUMMARY'];
if (summaryFile) appendFileSync(summaryFile, `${markdown}\n`);
