import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A synthetic content tree in the site's format (see tests/fixtures/content/), to see how build cost
 * grows with the number of chapters. One explainer, `synthetic`, of `chapters` MDX files (the overview
 * plus chapters-1 parts), each like a real chapter but on the heavy side: about 1,150 words
 * (920–1,410) in five sections, 15 citation markers (two of them citing two sources, two with a
 * locator), one block and one inline <Quote>, two <Person>s, a GFM table, an ordinary footnote, and
 * an <EditorsNote> in every fourth chapter.
 *
 * The data grows with the text, as it would in life: 3 sources, 1 statement, 0.2 events, 0.1 people
 * and 0.1 corrections per chapter. Citations mostly go to sources near the chapter's own (a chapter
 * cites what its story needs), sometimes anywhere.
 *
 * It also writes `plain/`: the same chapters with every citation component already expanded into
 * plain Markdown (GFM footnotes, block quotes, links), for pipelines without our citation transform
 * (Astro's default Rust processor cannot run remark plugins). Same words, same number of notes.
 *
 * Deterministic: a seeded generator, so every run builds the same site.
 */
export interface SyntheticTree {
  /** CONTENT_ROOT for our site: explainers/, sources/, people/, … */
  contentRoot: string;
  /** Chapters in our citation syntax: <contentRoot>/explainers. */
  citationMdx: string;
  /** The same chapters as plain Markdown. */
  plainMdx: string;
  words: number;
  citations: number;
}

const WORDS = (
  'the government said its ministers would meet again after the summit although officials in both capitals ' +
  'denied any change of course treaty alliance security council members agreed decision parliament vote ' +
  'president prime minister foreign ministry statement border troops mission request assistance response ' +
  'delegation talks agreement withdrawal ambassador consultations visit week month year later earlier first ' +
  'second third last new old regional military economic political public official formal informal report ' +
  'press conference interview reporters question answer meeting session plenary draft text article clause ' +
  'protocol obligation partner ally neighbour region capital city republic state organisation bloc union ' +
  'army defence exercise drills observers team fact-finding ceasefire offensive conflict war peace process ' +
  'negotiation mediator envoy deputy secretary general chair rotating presidency budget contribution quota ' +
  'post staff headquarters in on of for with by from to at as over under between against without within ' +
  'and but or yet so because while when where which that this these those it they he she we our their his her'
).split(' ');

/** mulberry32: a tiny seeded PRNG, so the tree is identical on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(4, '0');
const ids = {
  source: (i: number) => `src-${pad(i)}`,
  person: (i: number) => `person-${pad(i)}`,
  statement: (i: number) => `statement-${pad(i)}`,
  correction: (i: number) => `correction-${pad(i)}`,
};
const dateOf = (i: number) => `${2020 + (i % 5)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
const q = (text: string) => JSON.stringify(text); // a JSON string is a valid double-quoted YAML scalar

/**
 * `explainers` > 1 writes a newsroom's site instead: that many explainers (`synthetic-001`, …) of
 * `chapters` chapters each, sharing one body of data sized for all their chapters together.
 */
export function generateContent(dir: string, chapters: number, seed = 1, explainers = 1): SyntheticTree {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const between = (low: number, high: number) => low + Math.floor(rand() * (high - low + 1));
  const words = (count: number) => Array.from({ length: count }, () => pick(WORDS)).join(' ');
  const sentence = (count: number) => {
    const text = words(count);
    return text.charAt(0).toUpperCase() + text.slice(1);
  };

  const all = chapters * explainers;
  const counts = {
    sources: Math.max(30, 3 * all),
    statements: Math.max(10, all),
    people: 10 + Math.ceil(all / 10),
    corrections: Math.max(3, Math.ceil(all / 10)),
    events: Math.max(5, Math.ceil(all / 5)),
  };
  const contentRoot = join(dir, 'content');
  const plainMdx = join(dir, 'plain');
  const write = (folder: string, name: string, text: string) => {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, name), text);
  };

  // Data. Kept in memory too, to expand the plain copy.
  const sources = Array.from({ length: counts.sources }, (_, i) => ({
    id: ids.source(i),
    title: sentence(between(5, 10)),
    publisher: `${pick(['Daily', 'Weekly', 'Regional', 'National'])} ${pick(['Courier', 'Monitor', 'Herald', 'Observer', 'Ministry'])} ${i % 17}`,
    url: `https://news${i % 23}.example.org/${dateOf(i)}/${i}`,
    published: dateOf(i),
  }));
  write(
    join(contentRoot, 'outlets'),
    'synthetic-news.yaml',
    'name: Synthetic News\ncontrol: independent\nbasis: Made up for the benchmark.\n',
  );
  for (const s of sources) {
    write(
      join(contentRoot, 'sources'),
      `${s.id}.yaml`,
      `title: ${q(s.title)}\npublisher: ${q(s.publisher)}\noutlet: synthetic-news\nurl: ${s.url}\npublished: ${s.published}\naccessed: 2026-12-06\nlanguage: en\nkind: news-report\n`,
    );
  }
  const people = Array.from({ length: counts.people }, (_, i) => ({
    id: ids.person(i),
    name: `${pick(['Anna', 'Boris', 'Karen', 'Lilit', 'Pavel', 'Sergei'])} ${pick(['Petrosyan', 'Ivanov', 'Kuznetsova', 'Hakobyan', 'Volkov'])}${i}`,
  }));
  for (const [i, p] of people.entries()) {
    write(
      join(contentRoot, 'people'),
      `${p.id}.yaml`,
      `name: ${q(p.name)}\nsummary: ${q(sentence(12))}\nroles:\n  - title: ${q(`Minister of ${pick(['Defence', 'Foreign Affairs', 'Finance'])}`)}\n    from: ${dateOf(i)}\nsources: [${ids.source(i % counts.sources)}]\n`,
    );
  }
  const statements = Array.from({ length: counts.statements }, (_, i) => ({
    id: ids.statement(i),
    speaker: people[i % people.length]!,
    text: `${sentence(between(20, 40))}.`,
    source: sources[(3 * i) % sources.length]!,
    occasion: `at a ${pick(['press conference', 'briefing', 'summit', 'interview'])}`,
    date: dateOf(i),
  }));
  for (const s of statements) {
    write(
      join(contentRoot, 'statements'),
      `${s.id}.yaml`,
      `speaker: ${s.speaker.id}\ndate: ${s.date}\noccasion: ${q(s.occasion)}\ntext: ${q(s.text)}\nsource: ${s.source.id}\n`,
    );
  }
  const corrections = Array.from({ length: counts.corrections }, (_, i) => ({
    id: ids.correction(i),
    article: sources[(5 * i) % sources.length]!,
    articleSays: words(10),
    fact: `${sentence(18)}.`,
    evidence: [sources[(5 * i + 1) % sources.length]!, sources[(5 * i + 2) % sources.length]!],
  }));
  for (const [i, c] of corrections.entries()) {
    write(
      join(contentRoot, 'corrections'),
      `${c.id}.yaml`,
      `claim: R${i + 1}\nverdict: wrong\narticle: ${c.article.id}\narticleSays: ${q(c.articleSays)}\nfact: ${q(c.fact)}\nevidence: [${c.evidence.map((e) => e.id).join(', ')}]\n`,
    );
  }
  for (let i = 0; i < counts.events; i++) {
    write(
      join(contentRoot, 'events'),
      `event-${pad(i)}.yaml`,
      `date: ${dateOf(i)}\ntitle: ${q(sentence(6))}\nsummary: ${q(`${sentence(25)}.`)}\npeople: [${people[i % people.length]!.id}]\nsources: [${sources[i % sources.length]!.id}]\n`,
    );
  }
  for (const name of ['Examplestan', 'Samplestan', 'Testland']) {
    write(
      join(contentRoot, 'states'),
      `${name.toLowerCase()}.yaml`,
      `name: ${name}\nchanges:\n  - action: signed\n    date: 1992-05-15\n    sources: [${sources[0]!.id}]\n`,
    );
  }

  // Chapters.
  let totalWords = 0;
  let totalCitations = 0;
  for (let explainer = 0; explainer < explainers; explainer++) {
    const id = explainers === 1 ? 'synthetic' : `synthetic-${String(explainer + 1).padStart(3, '0')}`;
    const citationDir = join(contentRoot, 'explainers', id);
    const plainDir = join(plainMdx, id);
    for (let chapter = 0; chapter < chapters; chapter++) {
      // `order` counts through every explainer's chapters, so that each cites its own stretch of the sources.
      const order = explainer * chapters + chapter;
      const near = (offset: number) => sources[(3 * order + offset) % sources.length]!;
      const citedSource = () => (rand() < 0.2 ? pick(sources) : near(between(0, 11)));
      const sectionCount = 5;
      const paragraphs: string[][] = Array.from({ length: sectionCount }, () =>
        Array.from({ length: between(3, 4) }, () => Array.from({ length: between(3, 4) }, () => sentence(between(10, 24))).join('. ')),
      );
      // 15 citation markers at random sentence ends, each with its evidence passage (about 15 words,
      // as the real ones): two cite two sources, two carry a locator.
      const passage = () => `"${sentence(between(10, 20))}"`;
      const marks = Array.from({ length: 15 }, (_, n) => {
        const one = citedSource().id;
        if (n < 2) return `[@${one}, ${passage()}; @${citedSource().id}, ${passage()}]`;
        if (n < 4) return `[@${one}, paragraph ${between(2, 9)}, ${passage()}]`;
        return `[@${one}, ${passage()}]`;
      });
      const slots = paragraphs.flatMap((section, s) => section.map((_, p) => [s, p] as const));
      for (const mark of marks) {
        const [s, p] = pick(slots);
        paragraphs[s]![p] = `${paragraphs[s]![p]} ${mark}`;
      }
      const block = statements[order % statements.length]!;
      const inline = statements[(order * 7 + 3) % statements.length]!;
      const excerpt = inline.text.split(' ').slice(0, 4).join(' ');
      const person = (n: number) => people[(order + n) % people.length]!.id;
      const sections = paragraphs.map((section, s) => {
        const body = section.map((text) => `${text}.`);
        if (s === 0) body[0] = `<Person id="${person(0)}" /> ${body[0]}`;
        if (s === 1) body.splice(1, 0, `<Quote id="${block.id}" />`);
        if (s === 2) {
          body.push(
            [
              '| Date | What happened | Where |',
              '| --- | --- | --- |',
              ...Array.from({ length: 4 }, (_, r) => `| ${dateOf(order + r)} | ${sentence(6)} | ${sentence(2)} |`),
            ].join('\n'),
          );
          if (order % 4 === 0) body.push(`<EditorsNote id="${corrections[order % corrections.length]!.id}" />`);
        }
        if (s === 3)
          body[0] = `${body[0]} As <Person id="${person(1)}" short /> put it, <Quote id="${inline.id}" excerpt="${excerpt}" /> at the time.[^aside]`;
        return `## ${sentence(between(3, 6))}\n\n${body.join('\n\n')}`;
      });
      const frontmatter = [
        '---',
        `explainer: ${id}`,
        `order: ${chapter}`,
        `title: ${q(chapter === 0 ? (explainers === 1 ? 'A synthetic explainer' : `Synthetic explainer ${explainer + 1}`) : `Chapter ${chapter}: ${sentence(5)}`)}`,
        `navTitle: ${q(chapter === 0 ? 'Overview' : `Part ${chapter}`)}`,
        `dek: ${q(`${sentence(20)}.`)}`,
        'updated: 2024-06-13',
        'period: { from: 2020-01-01, to: 2024-12-31 }',
        ...(chapter === 0 ? [`basedOn: [${sources[order % sources.length]!.id}]`] : []),
        '---',
      ].join('\n');
      const body = `${sections.join('\n\n')}\n\n[^aside]: ${sentence(15)}.\n`;
      const name = chapter === 0 ? 'index.mdx' : `chapter-${pad(chapter)}.mdx`;
      write(citationDir, name, `${frontmatter}\n\n${body}`);
      write(plainDir, name, `${frontmatter}\n\n${toPlain(body)}`);
      totalWords += body
        .replace(/<[^>]+>|\[[@^][^\]]*\]|[|#-]/g, ' ')
        .split(/\s+/)
        .filter(Boolean).length;
      totalCitations += marks.length;
    }
  }
  return { contentRoot, citationMdx: join(contentRoot, 'explainers'), plainMdx, words: totalWords, citations: totalCitations };

  /** Our citation syntax written out as the plain Markdown it stands for, without our transform. */
  function toPlain(text: string): string {
    const byId = <T extends { id: string }>(list: T[], id: string): T => list[Number(id.slice(-4))]!; // ids end in their index
    const notes = new Map<string, string>();
    const note = (sourceId: string, locator?: string, passage?: string) => {
      const s = byId(sources, sourceId);
      const label = [sourceId, locator?.replace(/\W+/g, '-'), passage?.slice(0, 24).replace(/\W+/g, '-')].filter(Boolean).join('-');
      notes.set(
        label,
        `${s.publisher} (${s.published.slice(0, 4)}) ‘${s.title}’, ${s.published}. [${s.url}](${s.url})${locator ? ` (${locator})` : ''}${passage ? ` “${passage}”` : ''}`,
      );
      return `[^${label}]`;
    };
    const plain = text
      .replace(/^<Quote id="([^"]+)" \/>$/gm, (_, id: string) => {
        const s = byId(statements, id);
        return `> ${s.text}\n>\n> ${s.speaker.name}, ${s.occasion}, ${s.date}${note(s.source.id)}`;
      })
      .replace(
        /<Quote id="([^"]+)" excerpt="([^"]+)" \/>/g,
        (_, id: string, words: string) => `“${words}”${note(byId(statements, id).source.id)}`,
      )
      .replace(/<Person id="([^"]+)"( short)? \/>/g, (_, id: string, short?: string) => {
        const name = byId(people, id).name;
        return `[${short ? name.split(' ').at(-1) : name}](/people/#${id})`;
      })
      .replace(/^<EditorsNote id="([^"]+)" \/>$/gm, (_, id: string) => {
        const c = byId(corrections, id);
        return `> **Editor’s note:** ${c.article.publisher} ${c.articleSays}. ${c.fact}${c.evidence.map((e) => note(e.id)).join('')} [All corrections](/corrections/#${id})`;
      })
      .replace(/\[(@[^\]]+)\]/g, (_, inner: string) =>
        inner
          .split(';')
          .map((item) => /^\s*@([a-z0-9-]+)\s*(?:,\s*([^"]+?))?\s*(?:,\s*"([^"]*)")?\s*$/.exec(item)!)
          .map(([, id, locator, passage]) => note(id!, locator, passage))
          .join(''),
      );
    return `${plain}\n${[...notes].map(([label, value]) => `[^${label}]: ${value}`).join('\n')}\n`;
  }
}
