import type { PageCitation } from '../plugins/remark-citations';
import { chapterNavTitle, chapterPath, getExplainers, renderChapter, type Chapter } from './explainers';

/** A place in a chapter: the chapter, its path, and how to name it ("Explainer: Part"). */
export interface ChapterPlace {
  chapter: Chapter;
  path: string;
  label: string;
}

export interface CitingPlace extends ChapterPlace {
  notes: PageCitation['notes'];
}

export interface NotingPlace extends ChapterPlace {
  /** The editor's note's element id in the chapter. */
  anchor: string;
}

/** Every chapter in reading order, with what its citation transform reported. */
async function chapterReports() {
  const reports = [];
  for (const explainer of await getExplainers()) {
    for (const chapter of explainer.chapters) {
      const { citations, corrections } = await renderChapter(chapter);
      reports.push({
        place: { chapter, path: chapterPath(chapter), label: `${explainer.overview.data.title}: ${chapterNavTitle(chapter)}` },
        citations,
        corrections,
      });
    }
  }
  return reports;
}

function append<T>(map: Map<string, T[]>, key: string, value: T) {
  map.set(key, [...(map.get(key) ?? []), value]);
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
