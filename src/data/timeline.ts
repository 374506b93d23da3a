import { getCollection, type CollectionEntry } from 'astro:content';

export type TimelineEvent = CollectionEntry<'events'>;

/** Every event in date order (ISO prefixes sort as strings; a month sorts before its days). */
export async function getTimeline(): Promise<TimelineEvent[]> {
  return (await getCollection('events')).toSorted((a, b) => a.data.date.iso.localeCompare(b.data.date.iso) || a.id.localeCompare(b.id));
}
