import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { DATA_COLLECTIONS, type CollectionName } from '../schemas/reference.ts';
import type { ContentDirs } from '../data/content-dirs.ts';
import { CITATION, citedIdsIn } from '../markdown/citation-syntax.ts';
import type { ContentProblem } from '../data/content-error.ts';
import { readDataCollections, type DataCollections } from '../data/catalog.ts';
import { FRONTMATTER, withoutBom } from '../data/data-files.ts';

/**
 * Everything the content checks look at, read once: the validated data, each data file's text (to
 * point at a line), and each chapter parsed to a Markdown tree with positions counted in the file.
 * The checks read the tree as an editor wrote it, before the citation transform rewrites it.
 */
export interface ContentModel {
  dirs: ContentDirs;
  data: DataCollections;
  /** Problems the schemas found; the other checks still run on the entries that did parse. */
  schemaProblems: ContentProblem[];
  dataFiles: DataFile[];
  chapters: ChapterFile[];
}

export interface DataFile {
  collection: CollectionName;
  id: string;
  /** Shown path, relative to the working directory. */
  file: string;
  /** Finds where a field's value is written: `locate(['roles', 0, 'title'])`. */
  locate: (path: (string | number)[]) => { line: number; column: number } | undefined;
}

export interface ChapterFile {
  /** Shown path, relative to the working directory. */
  file: string;
  /** The folder under explainers/ the file sits in. */
  folder: string;
  /** The file name without `.mdx`: `index` for the overview. */
  slug: string;
  /** The file's text, frontmatter blanked out so that offsets and lines still match the file. */
  text: string;
  tree: Root;
  /** Set when the file is not valid MDX (an unclosed tag, a stray brace); its tree is then empty. */
  syntaxProblem?: ContentProblem;
  /** The frontmatter fields the checks need, read leniently (the schema reports mistakes in them). */
  explainer: string | undefined;
  order: number | undefined;
  basedOn: string[];
  /** Where a top-level frontmatter field is written. */
  fieldAt: (name: string) => { line: number; column: number } | Record<string, never>;
}

export function shownPath(file: string): string {
  return relative(process.cwd(), file);
}

export function loadContentModel(dirs: ContentDirs): ContentModel {
  const { data, problems } = readDataCollections(dirs);
  const dataFiles = DATA_COLLECTIONS.flatMap((collection) =>
    filesIn(dirs[collection], '.yaml').map((path): DataFile => ({
      collection,
      id: basename(path, '.yaml'),
      file: shownPath(path),
      locate: locator(path),
    })),
  );
  const chapters = filesIn(dirs.explainers, '.mdx', true).map(readChapter);
  const syntaxProblems = chapters.flatMap((chapter) => (chapter.syntaxProblem ? [chapter.syntaxProblem] : []));
  return { dirs, data, schemaProblems: [...problems, ...syntaxProblems], dataFiles, chapters };
}

/** The chapter's tree, or, when it is not valid MDX, an empty tree and the problem with its place. */
function parsedOrProblem(text: string, file: string): { tree: Root; syntaxProblem?: ContentProblem } {
  try {
    return { tree: parseMdx(text) };
  } catch (error) {
    const { reason, line, column, place } = error as {
      reason?: string;
      line?: number;
      column?: number;
      place?: { line?: number; column?: number; start?: { line: number; column: number } };
    };
    // Some parse errors carry their place only in their text: "… (15:1-15:24)".
    const inReason = /\((\d+):(\d+)(?:-\d+:\d+)?\)$/.exec(reason ?? '');
    const start = place?.start ?? place ?? (inReason ? { line: Number(inReason[1]), column: Number(inReason[2]) } : undefined);
    return {
      tree: { type: 'root', children: [] },
      syntaxProblem: {
        file,
        ...((line ?? start?.line) ? { line: (line ?? start?.line)!, column: column ?? start?.column ?? 1 } : {}),
        found: (reason ?? String(error)).replace(/ \(\d+:\d+(?:-\d+:\d+)?\)$/, ''),
        expected: 'valid MDX: every <Component> closed (<Person id="…" />), braces only as \\{ and \\}',
        fix: 'close the tag or escape the character at this place; see the component syntax in CONTRIBUTING.md',
      },
    };
  }
}

export function parseMdx(text: string): Root {
  return unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(text);
}

function readChapter(path: string): ChapterFile {
  const raw = withoutBom(readFileSync(path, 'utf8'));
  const [frontmatter = '', yaml = ''] = FRONTMATTER.exec(raw) ?? [];
  const text = frontmatter.replace(/[^\r\n]/g, ' ') + raw.slice(frontmatter.length);
  let fields: Record<string, unknown> = {};
  try {
    const parsed: unknown = parseDocument(yaml).toJS();
    if (parsed && typeof parsed === 'object') fields = parsed as Record<string, unknown>;
  } catch {
    // The schema check reports broken frontmatter; here it only means no fields.
  }
  return {
    file: shownPath(path),
    folder: basename(dirname(path)),
    slug: basename(path, '.mdx'),
    text,
    ...parsedOrProblem(text, shownPath(path)),
    explainer: typeof fields['explainer'] === 'string' ? fields['explainer'] : undefined,
    order: Number.isInteger(fields['order']) ? (fields['order'] as number) : undefined,
    basedOn: Array.isArray(fields['basedOn']) ? fields['basedOn'].map(String) : [],
    fieldAt: (name) => {
      const index = frontmatter.split('\n').findIndex((line) => line.startsWith(`${name}:`));
      return index < 0 ? {} : { line: index + 1, column: 1 };
    },
  };
}

/** Files with `extension` in a folder (and, with `recursive`, below it), in a stable order. */
export function filesIn(dir: string, extension: string, recursive = false): string[] {
  return allFilesIn(dir, recursive).filter((path) => extname(path) === extension);
}

export function allFilesIn(dir: string, recursive = false): string[] {
  try {
    return readdirSync(dir, { recursive, encoding: 'utf8', withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
  } catch {
    return [];
  }
}

function locator(path: string): DataFile['locate'] {
  let parsed: { document: Document; lines: LineCounter } | undefined;
  return (fieldPath) => {
    if (!parsed) {
      const lines = new LineCounter();
      parsed = { document: parseDocument(readFileSync(path, 'utf8'), { lineCounter: lines }), lines };
    }
    const node = parsed.document.getIn(fieldPath, true) as { range?: [number, number, number] } | undefined;
    if (!node?.range) return undefined;
    const at = parsed.lines.linePos(node.range[0]);
    return { line: at.line, column: at.col };
  };
}

/** Where a node starts, as an editor counts: line and column from 1. */
export function startOf(node: Nodes): { line: number; column: number } | Record<string, never> {
  return node.position ? { line: node.position.start.line, column: node.position.start.column } : {};
}

export { pointAt } from '../data/content-error.ts';

/** The source as written for a node, e.g. a paragraph with its `[@citations]` and `<Components />`. */
export function sourceOf(text: string, node: Nodes): string {
  const { start, end } = node.position ?? {};
  return start?.offset === undefined || end?.offset === undefined ? '' : text.slice(start.offset, end.offset);
}

/** A short quotation of what an editor wrote, for the `found` line. */
export function excerpt(text: string, length = 70): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > length ? `${flat.slice(0, length - 1)}…` : flat);
}

/** Every node of a tree, with its ancestors (nearest last). */
export function* walk(node: Nodes, ancestors: Nodes[] = []): Generator<{ node: Nodes; ancestors: Nodes[] }> {
  yield { node, ancestors };
  if ('children' in node) for (const child of node.children) yield* walk(child, [...ancestors, node]);
}

/** The source ids a text cites, read with the transform's own syntax (plugins/citation-syntax). */
export function citedIds(raw: string): string[] {
  return [...raw.matchAll(CITATION)].flatMap((match) => citedIdsIn(match[1] ?? ''));
}

/** A heading's words as the reader sees them, which is what its anchor is made from. */
export function headingText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return 'children' in node ? node.children.map((child) => headingText(child)).join('') : '';
}
