import { defineCollection, reference } from 'astro:content';
import { z } from 'astro/zod';
import { chapterSchema } from './schemas/chapter.ts';
import { correctionSchema } from './schemas/correction.ts';
import { eventSchema } from './schemas/event.ts';
import { personSchema } from './schemas/person.ts';
import { sourceSchema } from './schemas/source.ts';
import { outletSchema } from './schemas/outlet.ts';
import { erratumSchema } from './schemas/erratum.ts';
import { stateSchema } from './schemas/state.ts';
import { chapterLoader, yamlLoader } from './data/yaml-loader.ts';

/**
 * The collections the pages read. Each YAML collection is a folder under content/, one file per
 * entry (the file name is the id), stored from the catalog's one reading of the data (see
 * data/yaml-loader.ts): the schemas here give `getEntry` and `getCollection` their types, and are the
 * same schemas the catalog validated the files with.
 *
 * Statements are not here: no page reads them through the content layer. A `<Quote>` is filled in
 * by the citation transform, which reads them from the catalog, as do the checks.
 */
const references = {
  sources: reference('sources'),
  people: reference('people'),
  events: reference('events'),
  // Nothing links to a statement from a collection loaded here; the catalog checks the ids.
  statements: z.string().transform((id) => ({ collection: 'statements' as const, id })),
  corrections: reference('corrections'),
  states: reference('states'),
  outlets: reference('outlets'),
  errata: reference('errata'),
};

export const collections = {
  explainers: defineCollection({
    loader: chapterLoader(),
    schema: chapterSchema(references),
  }),
  sources: defineCollection({ loader: yamlLoader('sources'), schema: sourceSchema(references) }),
  outlets: defineCollection({ loader: yamlLoader('outlets'), schema: outletSchema }),
  errata: defineCollection({ loader: yamlLoader('errata'), schema: erratumSchema(references) }),
  people: defineCollection({ loader: yamlLoader('people'), schema: personSchema(references) }),
  events: defineCollection({ loader: yamlLoader('events'), schema: eventSchema(references) }),
  corrections: defineCollection({ loader: yamlLoader('corrections'), schema: correctionSchema(references) }),
  states: defineCollection({ loader: yamlLoader('states'), schema: stateSchema(references) }),
};
