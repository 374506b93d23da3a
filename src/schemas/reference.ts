import type { z } from 'astro/zod';

/** The collections of data files (YAML, one entry a file), which data may point into. */
export const DATA_COLLECTIONS = ['sources', 'outlets', 'people', 'events', 'statements', 'corrections', 'states', 'errata'] as const;
export type CollectionName = (typeof DATA_COLLECTIONS)[number];

/** A link to another entry: written as its id, read as `{ collection, id }` (the shape Astro's `reference()` gives). */
export type ReferenceSchema<C extends CollectionName> = z.ZodType<{ collection: C; id: string }, string>;

/**
 * One reference schema per collection. Schemas take these as a parameter: the catalog (src/data/),
 * which reads and validates every entry once, passes schemas that check each id against the files
 * it finds and report a mistake with its line; Astro's content layer, which stores the catalog's
 * entries as they are (src/data/yaml-loader.ts), passes `reference('people')` and so on only to type
 * `getEntry` and `getCollection`.
 */
export type References = { [C in CollectionName]: ReferenceSchema<C> };
