import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { contentDirs } from '../../src/data/content-dirs.ts';
import { ContentError } from '../../src/data/content-error.ts';
import { loadDataCollections, readDataCollections } from '../../src/data/catalog.ts';
import { FIXTURE_DIRS } from './render-mdx.ts';
import { scratchDir } from './scratch-dir.ts';

/** A scratch copy of the fixture tree for a test to break. */
function fixtureCopy() {
  const root = scratchDir('content');
  cpSync('tests/fixtures/content', root, { recursive: true });
  return contentDirs(root);
}

describe('data collections', () => {
  test('the fixture tree is valid and fully cross-referenced', () => {
    const { data, problems } = readDataCollections(FIXTURE_DIRS);
    expect(problems).toEqual([]);
    expect([...data.sources.keys()]).toEqual(['article-one', 'state-wire-report', 'treaty-text']);
    expect(data.statements.get('doe-remark')?.speaker).toEqual({ collection: 'people', id: 'jane-doe' });
  });

  test('a reference to a missing entry names the nearest ids and the file to add', () => {
    const dirs = fixtureCopy();
    writeFileSync(join(dirs.events, 'bad.yaml'), 'date: 1992-05-15\ntitle: T\nsummary: S\npeople: [jane-deo]\nsources: [treaty-text]\n');
    const { problems } = readDataCollections(dirs);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      line: 4,
      column: 10,
      field: 'people.0',
      found: '"jane-deo"',
    });
    expect(problems[0]?.expected).toContain('nearest to "jane-deo": jane-doe');
  });

  test('an event that ends before it starts', () => {
    const dirs = fixtureCopy();
    writeFileSync(join(dirs.events, 'bad.yaml'), 'date: 2024-05-17\nuntil: 2024-05-15\ntitle: T\nsummary: S\nsources: [treaty-text]\n');
    expect(readDataCollections(dirs).problems[0]).toMatchObject({ field: 'until', line: 2 });
  });

  test('loading refuses to build from bad data, listing every problem', () => {
    const dirs = fixtureCopy();
    writeFileSync(join(dirs.sources, 'bad.yaml'), 'title: T\n');
    expect(() => loadDataCollections(dirs)).toThrow(ContentError);
    expect(() => loadDataCollections(dirs)).toThrow(/bad\.yaml.*field `publisher`/s);
  });
});

describe('chapter frontmatter', () => {
  test('is checked with the line counted in the MDX file', () => {
    const dirs = fixtureCopy();
    const file = join(dirs.explainers, 'sample', 'details.mdx');
    const text = readFileSync(file, 'utf8').replace('updated: 2024-06-13', 'updated: 2024-13-06');
    writeFileSync(file, text);
    const [problem] = readDataCollections(dirs).problems;
    expect(problem).toMatchObject({ line: 7, column: 10, field: 'updated', found: '"2024-13-06"' });
  });

  test('a based-on article must be a known source', () => {
    const dirs = fixtureCopy();
    const file = join(dirs.explainers, 'sample', 'index.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('basedOn: [article-one]', 'basedOn: [article-two]'));
    const [problem] = readDataCollections(dirs).problems;
    expect(problem).toMatchObject({ field: 'basedOn.0', found: '"article-two"' });
    expect(problem?.expected).toContain('nearest to "article-two": article-one');
  });
});
