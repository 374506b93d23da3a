import type { Change } from '../data/git-history.ts';

/**
 * A chapter's changes for readers, from git history at build time, as Wikipedia's page history
 * shows them: every commit that touched the chapter's file or the data it shows, with its date and
 * the line its author wrote for readers in a `Reader-note:` trailer (the pull-request template asks
 * for one). A commit without one is listed as "Edited".
 *
 * The build must also work where there is no history: no git, no .git folder (a downloaded archive),
 * or a shallow clone, whose one commit would claim every file changed on its day. Then there is no
 * history to show, and the page says so rather than list a wrong one.
 */

/** What a chapter shows, by id, for finding the files its page is built from. */
export interface ChapterInputs {
  /** The chapter's MDX file. */
  file: string;
  /** The statements, people and events its components show, as its citation transform reported them. */
  shows: { statements: string[]; people: string[]; events: string[] };
  /** The sources its notes cite. */
  sources: string[];
  /** The corrections its editor's notes show. */
  corrections: string[];
  /** Our own corrections at its foot. */
  errata: string[];
}

/** The files a chapter's page is built from: its own, and the data files of what it shows. */
export function chapterFiles(
  inputs: ChapterInputs,
  dirs: Record<'sources' | 'corrections' | 'errata' | 'statements' | 'people' | 'events', string>,
): string[] {
  const inFolder = (dir: string, list: string[]) => list.map((id) => `${dir}/${id}.yaml`);
  return [
    ...new Set([
      inputs.file,
      ...inFolder(dirs.sources, inputs.sources),
      ...inFolder(dirs.corrections, inputs.corrections),
      ...inFolder(dirs.errata, inputs.errata),
      ...inFolder(dirs.statements, inputs.shows.statements),
      ...inFolder(dirs.people, inputs.shows.people),
      ...inFolder(dirs.events, inputs.shows.events),
    ]),
  ];
}

/** The commits, newest first, that changed any of the files. */
export function changesTo(history: Change[], files: Iterable<string>): Change[] {
  const wanted = new Set(files);
  return history.filter((change) => change.files.some((file) => wanted.has(file)));
}
