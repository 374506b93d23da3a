import type { z } from 'astro/zod';

/** The collections that data may point into. */
export type CollectionName = 'sources' | 'people' | 'events' | 'statements' | 'corrections' | 'states';

/**
 * Schemas take the reference builder as a parameter so that the same schema serves two readers:
 * Astro's content layer passes `reference()` (a checked link to another entry), while the citation
 * transform, which runs outside Astro, passes a plain id string and checks ids itself.
 */
export type ReferenceBuilder<R extends z.ZodType> = (collection: CollectionName) => R;
