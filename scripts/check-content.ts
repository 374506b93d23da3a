/**
 * The content checks: every data file against its schema, every chapter through the citation
 * transform, and the editorial checks in src/checks (uncited sources and paragraphs, unused
 * footnotes, unsourced entries, duplicate ids, house spellings, internal links).
 *
 *   npm run check:content               checks content/ (or CONTENT_ROOT)
 *   npm run check:content -- <dir>      checks another content tree
 *
 * Prints each problem as file:line:column, field, found, expected and fix; exits 1 if there are any.
 * In GitHub Actions (GITHUB_ACTIONS=true) each is also printed as an `::error` annotation.
 */
import { contentDirs, CONTENT_DIRS } from '../src/data/content-dirs.ts';
import { formatProblem, githubAnnotations } from '../src/data/content-error.ts';
import { runContentChecks } from '../src/checks/index.ts';

const root = process.argv[2];
const dirs = root ? contentDirs(root) : CONTENT_DIRS;
const started = performance.now();
const problems = await runContentChecks(dirs);
const took = `${Math.round(performance.now() - started)} ms`;
if (problems.length === 0) {
  console.log(`Content checks: ${dirs.root}/ has no problems (${took}).`);
} else {
  console.error(`${problems.map(formatProblem).join('\n\n')}\n`);
  console.error(
    `Content checks: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dirs.root}/ (${took}). See CONTRIBUTING.md.`,
  );
  // In GitHub Actions, each problem also as an annotation on its line of the pull request.
  process.stdout.write(githubAnnotations(problems));
  process.exitCode = 1;
}
