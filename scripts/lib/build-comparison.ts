/**
 * Whether two builds of the site are the same, byte for byte, apart from what is expected to differ
 * between two builds of the same sources: the content hashes in asset names (`_astro/Base.IiNJ-rDU.css`)
 * and the CSP hashes of inline code that names them, and a PDF's creation date and internal ids (PDFs
 * are compared by page count and text). For a refactoring that must not change what readers get
 * (issue 12): build before, build after, compare.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Difference {
  file: string;
  /** What differs: "only in the first build", "only in the second", or the first differing line, before and after. */
  detail: string;
}

/** A hashed asset name, as Vite writes it: `name.<8 characters>.ext`. */
const HASHED = /(?<=[/.\w-])\.[A-Za-z0-9_-]{8}\.(?=(?:css|js|mjs|woff2?|ttf|svg|png|jpe?g|webp|avif|gif)\b)/g;
/** A CSP source hash: it changes whenever an inline script or style names a hashed asset. */
const CSP_HASH = /'?sha(?:256|384|512)-[A-Za-z0-9+/=]+'?/g;
const TEXT = /\.(html|css|js|mjs|json|xml|txt|svg|webmanifest|md|bib|ris)$|(^|\/)_headers$|(^|\/)_redirects$/;

/** Every file under `root`, as paths relative to it with forward slashes, sorted. */
export function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .toSorted();
}

/** A file's path or text with asset hashes and CSP hashes replaced by placeholders. */
export function withoutHashes(text: string): string {
  return text.replace(HASHED, '.#.').replace(CSP_HASH, "'sha-#'");
}

/** The first line where two texts differ, shortened around the difference. */
export function firstDifference(a: string, b: string): string {
  const linesA = a.split('\n');
  const linesB = b.split('\n');
  for (let i = 0; i < Math.max(linesA.length, linesB.length); i++) {
    const x = linesA[i] ?? '';
    const y = linesB[i] ?? '';
    if (x === y) continue;
    let start = 0;
    while (start < x.length && x[start] === y[start]) start++;
    const cut = (line: string) => JSON.stringify(line.slice(Math.max(0, start - 40), start + 80));
    return `line ${i + 1}: ${cut(x)} → ${cut(y)}`;
  }
  return 'the same text';
}

/**
 * The differences between two builds. `pdfText` reads a PDF's page count and text (injected, so that
 * the comparison itself needs no PDF library and stays testable).
 */
export async function compareBuildDirs(
  first: string,
  second: string,
  pdfText: (bytes: Uint8Array) => Promise<{ pages: number; text: string }>,
): Promise<Difference[]> {
  const names = (root: string) => new Map(filesUnder(root).map((file) => [withoutHashes(file), file]));
  const a = names(first);
  const b = names(second);
  const differences: Difference[] = [];
  for (const [key, file] of a) if (!b.has(key)) differences.push({ file, detail: 'only in the first build' });
  for (const [key, file] of b) if (!a.has(key)) differences.push({ file, detail: 'only in the second build' });
  for (const [key, fileA] of a) {
    const fileB = b.get(key);
    if (fileB === undefined) continue;
    const bytesA = readFileSync(join(first, fileA));
    const bytesB = readFileSync(join(second, fileB));
    if (bytesA.equals(bytesB)) continue;
    if (fileA.endsWith('.pdf')) {
      const [x, y] = await Promise.all([pdfText(new Uint8Array(bytesA)), pdfText(new Uint8Array(bytesB))]);
      if (x.pages !== y.pages) differences.push({ file: fileA, detail: `${x.pages} pages → ${y.pages}` });
      else if (x.text !== y.text) differences.push({ file: fileA, detail: firstDifference(x.text, y.text) });
    } else if (TEXT.test(fileA)) {
      const x = withoutHashes(bytesA.toString());
      const y = withoutHashes(bytesB.toString());
      if (x !== y) differences.push({ file: fileA, detail: firstDifference(x, y) });
    } else {
      differences.push({ file: fileA, detail: `bytes differ (${bytesA.length} → ${bytesB.length})` });
    }
  }
  return differences.toSorted((x, y) => x.file.localeCompare(y.file));
}
