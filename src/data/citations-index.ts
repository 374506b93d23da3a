import type { CollectionEntry } from 'astro:content';
import { entriesOf } from './collections.ts';
import type { PageCitation } from './chapter-report.ts';
import type { PartialDate } from '../schemas/partial-date.ts';
import { chapterNavTitle, getExplainers, renderChapter, type Chapter } from './explainers.ts';
import { chapterPath } from '../routes.ts';
import { oncePerBuild } from './once-per-build.ts';

/** A place in a chapter: the chapter, its path, and how to name it ("Explainer: Part", or the part alone). */
export interface ChapterPlace {
  chapter: Chapter;
  path: string;
  label: string;
  /** The chapter's short title ("The scandal"), where the explainer is clear from the context. */
  short: string;
  /** Whether it is an explainer's overview, which tells every story only in brief. */
  overview: boolean;
}

export interface CitingPlace extends ChapterPlace {
  notes: PageCitation['notes'];
}

export interface NotingPlace extends ChapterPlace {
  /** The editor's note's element id in the chapter. */
  anchor: string;
}

/** Every chapter in reading order, with what its citation transform reported; read once per build (each page asks). */
const chapterReports = oncePerBuild(readChapterReports);

async function readChapterReports() {
  const all = [];
  for (const explainer of await getExplainers()) {
    for (const chapter of explainer.chapters) {
      const { citations, corrections, tells, words } = await renderChapter(chapter);
      all.push({
        place: {
          chapter,
          path: chapterPath(chapter),
          label: `${explainer.overview.data.title}: ${chapterNavTitle(chapter)}`,
          short: chapterNavTitle(chapter),
          overview: chapter.id === explainer.overview.id,
        },
        citations,
        corrections,
        tells,
        words,
      });
    }
  }
  return all;
}

function append<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** For each source id, every chapter (and note) that cites it, in reading order. */
export async function getCitingPlaces(): Promise<Map<string, CitingPlace[]>> {
  const places = new Map<string, CitingPlace[]>();
  for (const { place, citations } of await chapterReports()) {
    for (const { source, notes } of citations) append(places, source, { ...place, notes });
  }
  return places;
}

/** For each correction id, every chapter whose editor's note states it, in reading order. */
export async function getNotingPlaces(): Promise<Map<string, NotingPlace[]>> {
  const places = new Map<string, NotingPlace[]>();
  for (const { place, corrections } of await chapterReports()) {
    for (const { correction, anchor } of corrections) append(places, correction, { ...place, anchor });
  }
  return places;
}

/**
 * Which chapters tell each event and name each person, for "Told in" on the timeline and the people
 * page. A chapter tells an event when its text cites the event's own evidence (the same source and
 * passage); an event whose evidence no chapter cites word for word is told where most of its sources
 * are cited. A person is told where a chapter names them (<Person>). An explainer's overview tells
 * everything in brief, so it is given only when none of its parts qualifies.
 */
export const getToldIn = oncePerBuild(toldIn);

async function toldIn(): Promise<{ events: Map<string, ChapterPlace[]>; people: Map<string, ChapterPlace[]> }> {
  const all = await chapterReports();
  const events = new Map<string, ChapterPlace[]>();
  const people = new Map<string, ChapterPlace[]>();
  const eventIds = new Set(all.flatMap(({ tells }) => Object.keys(tells.events)));
  for (const id of eventIds) {
    const citing = all.filter(({ tells }) => tells.events[id] !== undefined);
    const byPassage = citing.filter(({ tells }) => tells.events[id]!.passage);
    const most = Math.max(...citing.map(({ tells }) => tells.events[id]!.sources));
    const chosen = byPassage.length > 0 ? byPassage : citing.filter(({ tells }) => tells.events[id]!.sources === most);
    events.set(id, partsFirst(chosen.map(({ place }) => place)));
  }
  for (const { place, tells } of all) for (const person of tells.people) append(people, person, place);
  for (const [id, places] of people) people.set(id, partsFirst(places));
  return { events, people };
}

/** Places without an explainer's overview when one of that explainer's parts is among them. */
function partsFirst(places: ChapterPlace[]): ChapterPlace[] {
  return places.filter(
    (place) => !place.overview || !places.some((other) => !other.overview && other.chapter.data.explainer === place.chapter.data.explainer),
  );
}

/**
 * The period a chapter covers, as its "Covers" line shows it: for a part, from the first to the last
 * day of the events it tells (see getToldIn); for the overview, or a part that tells no event or
 * only one day's, the `period` of its frontmatter.
 */
export async function getChapterCovers(chapter: Chapter): Promise<{ from: PartialDate; to: PartialDate }> {
  const told = (await eventsToldByPart()).get(chapter.id) ?? [];
  const starts = told.map(({ data }) => data.date).toSorted((a, b) => a.iso.localeCompare(b.iso));
  const ends = told.map(({ data }) => data.until ?? data.date).toSorted((a, b) => a.iso.localeCompare(b.iso));
  const [from, to] = [starts[0], ends.at(-1)];
  // One event's day is no period: the editors' own `period` says more.
  if (from === undefined || to === undefined || from.iso === to.iso) return chapter.data.period;
  return { from, to };
}

/** The events each part tells (by chapter id), from getToldIn: an overview tells none of its own. */
const eventsToldByPart = oncePerBuild(async () => {
  const { events } = await getToldIn();
  const byChapter = new Map<string, CollectionEntry<'events'>[]>();
  for (const event of await entriesOf('events')) {
    for (const place of events.get(event.id) ?? []) if (!place.overview) append(byChapter, place.chapter.id, event);
  }
  return byChapter;
});

/** Words a reader reads in a chapter (prose, quotations, editor's notes, tables; not the notes), as its transform counted them. */
export async function getChapterWords(chapter: Chapter): Promise<number> {
  return (await wordsByChapter()).get(chapter.id) ?? 0;
}

const wordsByChapter = oncePerBuild(async () => new Map((await chapterReports()).map(({ place, words }) => [place.chapter.id, words])));
