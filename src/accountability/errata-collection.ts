import { entriesOf } from '../data/collections.ts';
import { CONTENT_DIRS } from '../data/content-dirs.ts';
import { getExplainers } from '../data/explainers.ts';
import { oncePerBuild } from '../data/once-per-build.ts';
import { errataByChapter, erratumPageKey, newestFirst, type ErratumEntry } from './errata.ts';
import type { ChapterLike } from '../data/explainer-structure.ts';

/** Our own corrections from the content layer, newest first. */
export const getErrata: () => Promise<ErratumEntry[]> = oncePerBuild(async () =>
  newestFirst((await entriesOf('errata')).map(({ id, data }) => ({ id, data }))),
);

/** Each chapter with its corrections; fails the build on a correction whose page names no chapter. */
export async function getErrataByChapter() {
  const explainers = await getExplainers();
  return errataByChapter(
    explainers.flatMap((explainer) => explainer.chapters),
    await getErrata(),
    CONTENT_DIRS.errata,
  );
}

/** One chapter's corrections, newest first. */
export async function errataOf(chapter: ChapterLike): Promise<ErratumEntry[]> {
  const key = erratumPageKey(chapter);
  return (await getErrata()).filter((erratum) => erratum.data.page === key);
}
