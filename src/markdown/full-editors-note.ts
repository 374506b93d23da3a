import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { z } from 'astro/zod';
import { FRONTMATTER, readFrontmatter, withoutBom } from '../data/data-files.ts';
import { chapterPath } from '../routes.ts';

/** Where a correction's full editor's note is: a chapter of the same explainer that notes it. */
export interface FullNote {
  /** The chapter's file name (`background`): its notes' ids start with it. */
  chapter: string;
  /** The chapter's page, relative to the site's base path. */
  path: string;
  /** The chapter's short title (navTitle, else title), to name it in the link. */
  title: string;
}

/**
 * The frontmatter fields a link to a chapter needs. Read leniently: the chapter's own build and the
 * content checks report a mistake in its frontmatter, with its place; here such a chapter is skipped.
 */
const LINKED_CHAPTER = z.object({
  explainer: z.string(),
  order: z.number().optional(),
  title: z.string().optional(),
  navTitle: z.string().optional(),
});

/** The element whose notes these are; a file that does not name it is not parsed. */
const EDITORS_NOTE = 'EditorsNote';

/**
 * For each correction noted in the chapters beside `file` (the overview), the chapter that carries
 * its full editor's note: the first in reading order. The overview shows a one-line note linking
 * there, so its story in brief is not broken up by boxes the chapters repeat in full. Read from the
 * chapter files themselves because a remark plugin sees one file at a time; each is read once, and
 * parsed as MDX (so a note in a code example or a comment does not count) only if it names the element.
 */
export function fullNotesBeside(file: string): Map<string, FullNote> {
  const folder = dirname(file);
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.mdx') && join(folder, name) !== file);
  } catch {
    return new Map();
  }
  const chapters = names
    .map((name) => ({ name, path: join(folder, name), text: withoutBom(readFileSync(join(folder, name), 'utf8')) }))
    .filter(({ text }) => text.includes(`<${EDITORS_NOTE}`))
    .flatMap(({ name, path, text }) => {
      const { data } = readFrontmatter(path, LINKED_CHAPTER);
      return data ? [{ name, data, corrections: notedIn(text) }] : [];
    })
    .toSorted((a, b) => (a.data.order ?? Infinity) - (b.data.order ?? Infinity) || a.name.localeCompare(b.name));
  const notes = new Map<string, FullNote>();
  for (const { name, data, corrections } of chapters) {
    const note: FullNote = {
      chapter: basename(name, '.mdx'),
      path: chapterPath({ id: name, filePath: name, data: { explainer: data.explainer } }),
      title: data.navTitle ?? data.title ?? basename(name, '.mdx'),
    };
    for (const correction of corrections) if (!notes.has(correction)) notes.set(correction, note);
  }
  return notes;
}

/** The corrections a chapter's editor's notes show, read from its MDX tree; none if it does not parse (its build says why). */
function notedIn(text: string): string[] {
  const body = text.replace(FRONTMATTER, (frontmatter) => frontmatter.replace(/[^\r\n]/g, ' '));
  let tree: Root;
  try {
    tree = unified().use(remarkParse).use(remarkMdx).parse(body);
  } catch {
    return [];
  }
  const ids: string[] = [];
  visit(tree, (node) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === EDITORS_NOTE) {
      const id = node.attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'id')?.value;
      if (typeof id === 'string') ids.push(id);
    }
  });
  return ids;
}
