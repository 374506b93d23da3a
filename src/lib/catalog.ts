import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { z } from 'astro/zod';
import { correctionSchema } from '../schemas/correction';
import { personSchema } from '../schemas/person';
import { sourceSchema, type Source } from '../schemas/source';
import { statementSchema } from '../schemas/statement';
import { CONTENT_DIRS } from './content-dirs';

/**
 * The typed data that the citation transform needs while it compiles MDX. The transform runs inside
 * the MDX compiler, before Astro's content layer hands data to pages, so it reads the same YAML files
 * with the same schemas; ids are plain strings here and the transform checks them itself.
 */
const asId = () => z.string();
const statement = statementSchema(asId);
const correction = correctionSchema(asId);
const person = personSchema(asId);

export type CatalogStatement = z.output<typeof statement>;
export type CatalogCorrection = z.output<typeof correction>;
export type CatalogPerson = z.output<typeof person>;

export interface Catalog {
  sources: Map<string, Source>;
  statements: Map<string, CatalogStatement>;
  corrections: Map<string, CatalogCorrection>;
  people: Map<string, CatalogPerson>;
}

function yamlFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

/**
 * Entries that fail their schema are left out here: Astro's content layer reports them with the
 * file and field, and a citation of one then fails as unknown rather than with a second message.
 */
function load<S extends z.ZodType>(dir: string, schema: S): Map<string, z.output<S>> {
  const entries = new Map<string, z.output<S>>();
  for (const file of yamlFiles(dir)) {
    const parsed = schema.safeParse(parseYaml(readFileSync(file, 'utf8')));
    if (parsed.success) entries.set(basename(file, '.yaml'), parsed.data);
  }
  return entries;
}

function signature(dirs: string[]): string {
  return dirs
    .flatMap(yamlFiles)
    .map((file) => `${file}:${statSync(file).mtimeMs}`)
    .join('|');
}

let cached: { key: string; catalog: Catalog } | undefined;

/** Loads the catalog once, and again only when a data file has changed (as in `astro dev`). */
export function loadCatalog(dirs = CONTENT_DIRS): Catalog {
  const key = signature([dirs.sources, dirs.statements, dirs.corrections, dirs.people]);
  if (cached?.key !== key) {
    cached = {
      key,
      catalog: {
        sources: load(dirs.sources, sourceSchema),
        statements: load(dirs.statements, statement),
        corrections: load(dirs.corrections, correction),
        people: load(dirs.people, person),
      },
    };
  }
  return cached.catalog;
}
