import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse } from 'yaml';
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

interface Frontmatter {
  explainer?: string;
  order?: number;
  title?: string;
  navTitle?: string;
}

const NOTE = (id: string) => new RegExp(`<EditorsNote\\s+id=["']${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']`);

function frontmatterOf(text: string): Frontmatter {
  const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
  try {
    return (block ? parse(block) : {}) as Frontmatter;
  } catch {
    return {};
  }
}

/**
 * The chapter beside `file` (the overview) that carries the full editor's note for `correction`:
 * the first in reading order, or none when no other chapter notes it. The overview shows a one-line
 * note linking there, so its story in brief is not broken up by boxes the chapters repeat in full.
 * Read from the chapter files themselves because a remark plugin sees one file at a time.
 */
export function fullNoteOf(file: string, correction: string): FullNote | undefined {
  const folder = dirname(file);
  let files: string[];
  try {
    files = readdirSync(folder).filter((name) => name.endsWith('.mdx') && join(folder, name) !== file);
  } catch {
    return undefined;
  }
  const pattern = NOTE(correction);
  return files
    .map((name) => ({ name, text: readFileSync(join(folder, name), 'utf8') }))
    .filter(({ text }) => pattern.test(text))
    .map(({ name, text }) => ({ name, data: frontmatterOf(text) }))
    .toSorted((a, b) => (a.data.order ?? Infinity) - (b.data.order ?? Infinity) || a.name.localeCompare(b.name))
    .filter(({ data }) => typeof data.explainer === 'string')
    .map(({ name, data }) => ({
      chapter: basename(name, '.mdx'),
      path: chapterPath({ id: name, filePath: name, data: { explainer: data.explainer! } }),
      title: data.navTitle ?? data.title ?? basename(name, '.mdx'),
    }))[0];
}
