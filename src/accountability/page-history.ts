import { execFileSync } from 'node:child_process';

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
export interface Change {
  /** The commit's full hash, for a link to its diff in the repository. */
  commit: string;
  /** The day it landed, YYYY-MM-DD (committer date: when a pull request was merged, not when it was begun). */
  date: string;
  /** What readers are told changed; undefined when the commit has no `Reader-note:` trailer. */
  readerNote: string | undefined;
  /** The files it changed, relative to the project root. */
  files: string[];
}

/** The trailer a commit carries its reader-facing line in. */
export const READER_NOTE_TRAILER = 'Reader-note';

const RECORD = '\u0000';
const FIELD = '\u001f';
const NOTES = '\u001e';

/** The `git log` format `parseGitLog` reads: a record per commit, its fields, then its files (from --name-only). */
export const GIT_LOG_FORMAT = `%x00%H%x1f%cs%x1f%(trailers:key=${READER_NOTE_TRAILER},valueonly,unfold,separator=%x1e)`;

/** Reads `git log --name-only --format=GIT_LOG_FORMAT`, newest commit first. */
export function parseGitLog(output: string): Change[] {
  return output
    .split(RECORD)
    .filter((record) => record.trim() !== '')
    .flatMap((record): Change[] => {
      const [header = '', ...files] = record.split('\n');
      const [commit = '', date = '', notes = ''] = header.split(FIELD);
      if (!/^[0-9a-f]{7,}$/.test(commit) || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return [];
      // Several Reader-note trailers make one line; the last one written is the newest word.
      const readerNote = notes
        .split(NOTES)
        .map((note) => note.trim())
        .filter(Boolean)
        .join(' ');
      return [{ commit, date, readerNote: readerNote || undefined, files: files.map((file) => file.trim()).filter(Boolean) }];
    });
}

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

/**
 * The repository's history, read with one `git log` in `cwd`; undefined where there is none to
 * trust (no git, not a repository, a shallow clone).
 */
export function readGitHistory(cwd = process.cwd()): Change[] | undefined {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  try {
    if (git('rev-parse', '--is-shallow-repository').trim() !== 'false') return undefined;
    // --relative: paths from the project root even when the project sits in a sub-folder of the repository.
    return parseGitLog(git('log', '--relative', '--no-renames', '--name-only', `--format=${GIT_LOG_FORMAT}`));
  } catch {
    return undefined;
  }
}

let cached: { history: Change[] | undefined } | undefined;

/** The history, read once per build (every chapter's page asks). */
export function gitHistory(): Change[] | undefined {
  cached ??= { history: readGitHistory() };
  return cached.history;
}
