/**
 * Are two builds the same for readers? Byte for byte, apart from asset hashes (and the CSP hashes that
 * follow them) and, for PDFs, anything but their page count and text. Exit 0 if so, 1 with a list of
 * differences if not. For changes that must not change the site, such as a refactoring:
 *
 *   git stash; npm run build -- --outDir /tmp/before; git stash pop
 *   npm run build -- --outDir /tmp/after
 *   npm run compare:builds -- /tmp/before /tmp/after
 *
 * (For what readers will see changed, word by word, use npm run diff:site instead.)
 */
import { existsSync } from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import { compareBuildDirs } from './lib/build-comparison.ts';

const [first, second] = process.argv.slice(2);
if (!first || !second || !existsSync(first) || !existsSync(second)) {
  console.error('usage: npm run compare:builds -- <first-dist> <second-dist> (both must exist)');
  process.exit(2);
}
const differences = await compareBuildDirs(first, second, async (bytes) => {
  const { text, totalPages } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return { pages: totalPages, text };
});
if (differences.length === 0) {
  console.log(`compare:builds: ${first} and ${second} are the same (asset hashes and PDF dates aside).`);
} else {
  for (const { file, detail } of differences) console.log(`✗ ${file}: ${detail}`);
  console.log(`compare:builds: ${differences.length} file(s) differ.`);
  process.exit(1);
}
