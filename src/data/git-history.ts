import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { processShared } from '../build/process-shared.ts';

/**
 * The repository's history, read from git at build time: what the chapters' page histories
 * (accountability/page-history.ts) and every page's "Last changed" show. A commit's line for readers
 * is its `Reader-note:` trailer (the pull-request template asks for one).
 *
 * There is no history to read without git, without a .git folder (a downloaded archive), or in a
 * shallow clone, whose one commit would claim every file changed on its day: then there is none.
 */

/** One commit, as the history shows it. */
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

const runGit = promisify(execFile);

/**
 * The repository's history, read with one `git log` in `cwd`; undefined where there is none to
 * trust (no git, not a repository, a shallow clone).
 */
export async function readGitHistory(cwd = process.cwd()): Promise<Change[] | undefined> {
  const git = async (...args: string[]) => (await runGit('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })).stdout;
  try {
    // Both at once, so that a build forks both while it is small (gitHistory).
    const [shallow, log] = await Promise.all([
      git('rev-parse', '--is-shallow-repository'),
      // --relative: paths from the project root even when the project sits in a sub-folder of the repository.
      git('log', '--relative', '--no-renames', '--name-only', `--format=${GIT_LOG_FORMAT}`),
    ]);
    return shallow.trim() === 'false' ? parseGitLog(log) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The history, read once per build process: every chapter's history page and every page's "Last
 * changed" ask for it. A build starts the reading as soon as its config is loaded (the
 * gitHistoryAhead integration), beside Vite's work and while the process is still small. Read from
 * the pages, as it was, each git command waited for a fork of a process of some 3 GB at 1,000
 * chapters: 0.7 s of the main thread for the four commands of two readings (a profile of one build).
 */
export function gitHistory(): Promise<Change[] | undefined> {
  return processShared('git-history', () => readGitHistory());
}

/** Each file's last change: the day of the newest commit that touched it. */
export function lastChangeByFile(history: Change[]): Map<string, string> {
  const days = new Map<string, string>();
  // Newest commit first: a file's first appearance is its last change.
  for (const { date, files } of history) for (const file of files) if (!days.has(file)) days.set(file, date);
  return days;
}
