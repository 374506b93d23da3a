import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, test, vi } from 'vitest';
import { parseMdx, type ChapterFile, type ContentModel } from '../../src/checks/model.ts';
import { checkUncitedParagraphs } from '../../src/checks/uncited-paragraph.ts';
import { CITING_COMPONENTS, DATA_COMPONENTS } from '../../src/markdown/components/index.ts';
import { COMPONENTS } from '../../src/markdown/content-policy.ts';
import remarkCitations from '../../src/markdown/remark-citations.ts';
import { FIXTURE_DIRS, renderMdx } from './render-mdx.ts';

// The MDX component map imports .astro files, which only Astro compiles; its names are what is tested here.
vi.mock('../../src/components/LocatorMap.astro', () => ({ default: () => '' }));
vi.mock('../../src/components/MembershipChart.astro', () => ({ default: () => '' }));

/** One valid use of each data component, naming entries of the fixture tree (tests/fixtures/content). */
const EXAMPLES: Record<string, string> = {
  Quote: '<Quote id="doe-remark" />',
  EditorsNote: '<EditorsNote id="wrong-year" />',
  Person: 'As <Person id="jane-doe" short /> said.',
  KeyEvents: '<KeyEvents ids="treaty-signed" />',
  NameSpellings: '<NameSpellings />',
};

/** The citation transform alone (no content policy before it), on MDX text. */
function transform(mdx: string): { tree: Root; frontmatter: Record<string, unknown> } {
  const file = new VFile({ path: 'chapter.mdx', value: mdx, data: { astro: { frontmatter: {} } } });
  const tree = unified().use(remarkParse).use(remarkMdx).parse(file);
  remarkCitations({ dirs: FIXTURE_DIRS, requireEvidence: false })(tree, file);
  return { tree, frontmatter: (file.data as { astro: { frontmatter: Record<string, unknown> } }).astro.frontmatter };
}

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the transform to stop');
}

describe('the registry of data components', () => {
  test('has a valid example here for each component (a new one needs one)', () => {
    expect(Object.keys(EXAMPLES).toSorted()).toEqual(DATA_COMPONENTS.map((component) => component.name).toSorted());
  });

  test.each(Object.entries(EXAMPLES))('the transform expands <%s>: no element of that name is left', (_name, mdx) => {
    const { tree } = transform(mdx);
    const left: string[] = [];
    visit(tree, (node) => {
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') left.push(node.name ?? '');
    });
    expect(left).toEqual([]);
  });

  test('an element the registry does not hold is left for MDX', () => {
    const { tree } = transform('<MembershipChart until="2024" />');
    expect(tree.children[0]?.type).toBe('mdxJsxFlowElement');
  });

  test.each(CITING_COMPONENTS)('the uncited-paragraph check counts <%s> as a citation', (name) => {
    const paragraph = (mdx: string) => `The treaty was signed by the member states in the capital. ${mdx}\n`;
    const chapter = (text: string): ChapterFile => ({
      file: 'chapter.mdx',
      folder: 'sample',
      slug: 'chapter',
      text,
      tree: parseMdx(text),
      explainer: 'sample',
      order: 1,
      basedOn: [],
      fieldAt: () => ({}),
    });
    const uncited = (text: string) => checkUncitedParagraphs({ chapters: [chapter(text)] } as unknown as ContentModel);
    expect(uncited(paragraph(''))).toHaveLength(1);
    expect(uncited(paragraph(EXAMPLES[name]!.replace(/^As | said\.$/g, '')))).toEqual([]);
  });

  test('components that do not cite are not counted as citations', () => {
    expect(CITING_COMPONENTS).not.toContain('Person');
    expect(CITING_COMPONENTS).not.toContain('NameSpellings');
  });

  test('the MDX component map holds none of them, and the content policy knows both lists', async () => {
    const { mdxComponents } = await import('../../src/components/mdx/index.ts');
    const data = DATA_COMPONENTS.map((component) => component.name);
    expect(Object.keys(mdxComponents).filter((name) => data.includes(name))).toEqual([]);
    expect(Object.keys(COMPONENTS)).toEqual([...data, ...Object.keys(mdxComponents)]);
  });
});

describe('a data component’s props, checked by its schema', () => {
  test('an unknown prop stops the build with the place, the props there are, and the fix', async () => {
    const build = await renderMdx('chapter.mdx', 'Text.\n\n<Quote idd="doe-remark" />\n').catch((error: Error) => error.message);
    expect(build).toContain('chapter.mdx:3:1');
    expect(build).toContain('found:    idd= on <Quote>');
    expect(build).toContain('expected: only id=, excerpt= on <Quote>');
    expect(build).toContain('fix:      remove idd=');
  });

  test('a wrong prop (a value on a flag, an expression for a string) stops the build with the place and the fix', async () => {
    const flag = await renderMdx('chapter.mdx', 'As <Person id="jane-doe" short="yes" /> said.\n').catch((error: Error) => error.message);
    expect(flag).toContain('chapter.mdx:1:4');
    expect(flag).toContain('expected: short written alone');
    expect(flag).toContain('fix:      write <Person … short />');
    const expression = await renderMdx('chapter.mdx', '<EditorsNote id={"wrong-year"} />\n').catch((error: Error) => error.message);
    expect(expression).toContain('chapter.mdx:1:1');
    expect(expression).toContain('fix:      write <EditorsNote id="…" />');
  });

  test('the transform checks props itself, when it runs without the content policy', () => {
    expect(failure(() => transform('\n<Quote idd="doe-remark" />'))).toMatch(
      /^chapter\.mdx:2:1\n {2}found: {4}idd= on <Quote>[\s\S]*fix: {6}remove idd=/,
    );
    expect(failure(() => transform('<Person id="" />'))).toMatch(
      /^chapter\.mdx:1:1 — field `<Person id>`\n {2}found: {4}nothing \(the id is missing\)/,
    );
    expect(failure(() => transform('<KeyEvents />'))).toContain('found:    <KeyEvents> without ids=');
    expect(failure(() => transform('<KeyEvents ids=" , " />'))).toContain('found:    no ids');
  });
});

describe('note numbers, worked out once', () => {
  test('the report numbers each note as the rendered page does, a note cited inside a note included', async () => {
    // The aside is written first, but GFM numbers what it cites after every note of the text.
    const mdx = [
      '[^aside]: An aside, which cites a source too.[@treaty-text, p. 2]',
      '',
      'First.[^aside] Then.[@treaty-text] Again.[@article-one]',
      '',
      'Last.[@treaty-text]',
      '',
    ].join('\n');
    const { html, frontmatter } = await renderMdx('chapter.mdx', mdx);
    const shown = [...html.matchAll(/<a href="#[^"]*fn-([^"]+)"[^>]*data-footnote-ref[^>]*>(\d+)<\/a>/g)].map(([, id, n]) => [
      id,
      Number(n),
    ]);
    const listed = [...html.matchAll(/<li id="[^"]*fn-([^"]+)"/g)].map(([, id], index) => [id, index + 1]);
    const reported = (frontmatter['citations'] as { notes: { label: string; number: number }[] }[]).flatMap((citation) =>
      citation.notes.map((note) => [note.label, note.number]),
    );
    for (const entry of reported) {
      expect(shown).toContainEqual(entry);
      expect(listed).toContainEqual(entry);
    }
    expect(reported).toContainEqual(['chapter-treaty-text-p-2', 4]);
    expect(frontmatter['noteCount']).toBe(listed.length);
  });
});
