import { basename, extname } from 'node:path';
import { slug } from 'github-slugger';
import type { Heading } from 'mdast';
import type { ContentProblem } from '../data/content-error.ts';
import { DATA_COLLECTIONS } from '../schemas/reference.ts';
import { allFilesIn, headingText, shownPath, startOf, walk, type ContentModel } from './model.ts';

/**
 * Ids must be unique and usable. The file name is an entry's id, so the mistakes are: a file the
 * site never reads (wrong extension) or cannot cite (capitals, spaces); one work or one person
 * entered twice under two ids; two headings in a chapter with the same anchor; two chapters of an
 * explainer with the same number; and a chapter whose `explainer` names another folder.
 */
export function checkDuplicateIds(model: ContentModel): ContentProblem[] {
  return [...unreadFiles(model), ...badIds(model), ...sameSource(model), ...samePerson(model), ...chapterIds(model)];
}

/** A file name that can be an id: lower-case letters and digits, joined by single hyphens. */
export const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function unreadFiles(model: ContentModel): ContentProblem[] {
  const folders = [
    ...DATA_COLLECTIONS.map((collection) => ({ dir: model.dirs[collection], extension: '.yaml', recursive: false })),
    { dir: model.dirs.explainers, extension: '.mdx', recursive: true },
  ];
  return folders.flatMap(({ dir, extension, recursive }) =>
    allFilesIn(dir, recursive)
      .filter((path) => extname(path) !== extension && !basename(path).startsWith('.'))
      .map((path) => ({
        file: shownPath(path),
        found: `a file the site does not read: "${basename(path)}"`,
        expected: `a ${extension} file; only ${extension} files in ${dir}/ are content`,
        fix: `rename it to ${basename(path, extname(path))}${extension}, or move it out of ${dir}/`,
      })),
  );
}

function badIds(model: ContentModel): ContentProblem[] {
  const files = [
    ...model.dataFiles.map((file) => ({ file: file.file, id: file.id })),
    ...model.chapters.map((c) => ({ file: c.file, id: c.slug })),
  ];
  return files
    .filter(({ id }) => !ID.test(id))
    .map(({ file, id }) => {
      // Accents are dropped (é → e); a name in another script leaves nothing to suggest.
      const suggestion = id
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      return {
        file,
        found: `the id "${id}" (the file name)`,
        expected: 'an id of lower-case letters, digits and single hyphens, e.g. oc-media-2023-11-15',
        fix: suggestion
          ? `rename the file to ${suggestion}${extname(file)}, and update every reference to it`
          : `rename the file in Latin letters, digits and hyphens (a transliteration of "${id}", ending ${extname(file)}), and update every reference to it`,
      };
    });
}

/** The same page entered twice: the same address under two ids. */
function sameSource(model: ContentModel): ContentProblem[] {
  const seen = new Map<string, string>();
  const problems: ContentProblem[] = [];
  for (const file of model.dataFiles) {
    const source = file.collection === 'sources' ? model.data.sources.get(file.id) : undefined;
    if (!source) continue;
    const key = normaliseUrl(source.url);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, file.id);
      continue;
    }
    problems.push({
      file: file.file,
      ...file.locate(['url']),
      field: 'url',
      found: `${source.url}, the same page as source "${first}"`,
      expected: 'one source file for each cited page',
      fix: `keep one of the two files, cite it everywhere (ids: ${first}, ${file.id}), or correct the address`,
    });
  }
  return problems;
}

function normaliseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname.replace(/^www\./, '')}${parsed.pathname.replace(/\/$/, '')}${parsed.search}`.toLowerCase();
  } catch {
    return url;
  }
}

/** One person entered twice: a name that is another person's name or other spelling. */
function samePerson(model: ContentModel): ContentProblem[] {
  const owner = new Map<string, string>();
  for (const [id, person] of model.data.people)
    for (const name of [person.name, ...person.otherSpellings]) if (!owner.has(name)) owner.set(name, id);
  const problems: ContentProblem[] = [];
  for (const file of model.dataFiles) {
    const person = file.collection === 'people' ? model.data.people.get(file.id) : undefined;
    if (!person) continue;
    for (const [index, name] of [person.name, ...person.otherSpellings].entries()) {
      const other = owner.get(name);
      if (other === undefined || other === file.id) continue;
      problems.push({
        file: file.file,
        ...file.locate(index === 0 ? ['name'] : ['otherSpellings', index - 1]),
        field: index === 0 ? 'name' : `otherSpellings.${index - 1}`,
        found: `"${name}", which is also a name of person "${other}"`,
        expected: 'each person once, under one id',
        fix: `keep one of the two files (ids: ${other}, ${file.id}), with the other forms in its otherSpellings, and point every reference to it`,
      });
    }
  }
  return problems;
}

function chapterIds(model: ContentModel): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const orders = new Map<string, string>();
  for (const chapter of model.chapters) {
    if (chapter.explainer !== undefined && chapter.explainer !== chapter.folder) {
      problems.push({
        file: chapter.file,
        ...chapter.fieldAt('explainer'),
        field: 'explainer',
        found: `"${chapter.explainer}", in the folder ${chapter.folder}/`,
        expected: `the name of the folder the chapter is in: "${chapter.folder}"`,
        fix: `write explainer: ${chapter.folder}, or move the file to the folder of its explainer`,
      });
    }
    if (chapter.order !== undefined) {
      const key = `${chapter.folder}#${chapter.order}`;
      const first = orders.get(key);
      if (first === undefined) orders.set(key, chapter.file);
      else {
        problems.push({
          file: chapter.file,
          ...chapter.fieldAt('order'),
          field: 'order',
          found: `${chapter.order}, the number of ${first} too`,
          expected: 'a number of its own for each chapter of an explainer (0 for the overview)',
          fix: 'renumber the chapters in reading order',
        });
      }
    }
    // Anchors are made as the build makes them (github-slugger, via @astrojs/markdown-remark);
    // a repeated one gets "-1" appended, so links written for the second heading reach the first.
    const headings = new Map<string, Heading>();
    for (const { node } of walk(chapter.tree)) {
      if (node.type !== 'heading') continue;
      const id = slug(headingText(node));
      const first = headings.get(id);
      if (!first) {
        headings.set(id, node);
        continue;
      }
      problems.push({
        file: chapter.file,
        ...startOf(node),
        found: `a heading whose anchor #${id} is already taken by the heading on line ${first.position?.start.line}`,
        expected: 'headings with different words within a chapter, so that each has its own anchor',
        fix: 'reword one of the two headings',
      });
    }
  }
  return problems;
}
