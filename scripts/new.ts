/**
 * Writes a valid, commented starting file for a new piece of content, then checks it.
 *
 *   npm run new -- explainer <slug>                      a new explainer: its overview (chapter 0)
 *   npm run new -- chapter <explainer> <slug>            the next chapter of an explainer
 *   npm run new -- outlet <id>                           an outlet that publishes sources, and who directs it
 *   npm run new -- source <id> <outlet-id>               a cited work (its id is what [@id] cites)
 *   npm run new -- person <id> <source-id>               a person, with the source for their role
 *   npm run new -- event <id> <source-id>                a dated event for the timeline
 *   npm run new -- statement <id> <person-id> <source-id>   words someone said, to quote with <Quote>
 *   npm run new -- correction <id> <article-id> <evidence-id>  an editor's note on an article's error
 *
 * Ids are lower case, digits and hyphens; the file name is the id. Nothing is overwritten.
 * CONTENT_ROOT points it at another content tree, as for the build.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ID } from '../src/checks/duplicate-ids.ts';
import { runContentChecks } from '../src/checks/index.ts';
import { CONTENT_DIRS } from '../src/data/content-dirs.ts';
import { formatProblem } from '../src/data/content-error.ts';

const today = new Date().toISOString().slice(0, 10);
const dirs = CONTENT_DIRS;

function fail(message: string): never {
  console.error(`new: ${message}\n`);
  console.error(USAGE);
  process.exit(1);
}

const USAGE = `Usage: npm run new -- <kind> <id> [references]
  explainer <slug>                        content/explainers/<slug>/index.mdx
  chapter <explainer> <slug>              content/explainers/<explainer>/<slug>.mdx
  outlet <id>                             content/outlets/<id>.yaml
  source <id> <outlet-id>                 content/sources/<id>.yaml
  person <id> <source-id>                 content/people/<id>.yaml
  event <id> <source-id>                  content/events/<id>.yaml (name it by date: 2024-06-13-what-happened)
  statement <id> <person-id> <source-id>  content/statements/<id>.yaml
  correction <id> <article-id> <evidence-id>  content/corrections/<id>.yaml
See CONTRIBUTING.md.`;

function id(value: string | undefined, what: string): string {
  if (!value) fail(`give the ${what}`);
  if (!ID.test(value))
    fail(`"${value}" is not a usable ${what}: use lower-case letters, digits and single hyphens, e.g. oc-media-2023-11-15`);
  return value;
}

function existing(collection: 'sources' | 'people' | 'outlets', value: string | undefined, what: string): string {
  const ref = id(value, what);
  if (!existsSync(join(dirs[collection], `${ref}.yaml`)))
    fail(
      `there is no ${dirs[collection]}/${ref}.yaml; add it first (npm run new -- ${collection.replace(/s$/, '').replace(/^people$/, 'person')} ${ref})`,
    );
  return ref;
}

function chapterFrontmatter(explainer: string, order: number, extra = ''): string {
  return `---
# The folder this file is in; every chapter of an explainer repeats it.
explainer: ${explainer}
# 0 for the overview, then 1, 2, 3 … in reading order.
order: ${order}
# The chapter's title as a reader sees it at the top of the page.
title: "Title of the chapter"
# A short name for the chapter list and previous/next links.
navTitle: Short title
# One or two sentences under the title, also the page's description in search results.
dek: "What this chapter tells, in one or two sentences."
# The day you last changed the substance of the chapter.
updated: ${today}
# The dates the chapter covers, first and last (YYYY-MM-DD, or YYYY-MM / YYYY when that is all you know).
period:
  from: ${today}
  to: ${today}
${extra}---

{/*
  Write the chapter here in Markdown. Every statement of fact ends with its source and the source's
  own words that support it, copied exactly from the page you read (at most 50 words):
    Armenia froze its participation in February 2024.[@oc-media-2024-02-23, "the words of the page"]
  Several sources: [@one, "…"; @two, "…"]. A place in a source: [@id, fifth paragraph, "…"].
  A page in another language: [@id, "слова страницы" translated "the page's words"].
  Quote words from content/statements with <Quote id="…" /> (or inline, with excerpt="…"),
  name a person with <Person id="…" />, and show a correction with <EditorsNote id="…" />.
  Headings start at ##. Link to another chapter with a relative link: [Background](../background/).
  Delete this comment when you start. npm run check tells you what is missing.
*/}
`;
}

const files: Record<string, (args: string[]) => { path: string; text: string }> = {
  explainer([slug]) {
    const name = id(slug, 'explainer slug');
    if (existsSync(join(dirs.explainers, name))) fail(`${dirs.explainers}/${name}/ already exists`);
    return {
      path: join(dirs.explainers, name, 'index.mdx'),
      text: chapterFrontmatter(
        name,
        0,
        '# The articles this explainer rewrites, as source ids (content/sources), e.g. [oc-media-2023-11-15].\nbasedOn: []\n',
      ),
    };
  },

  chapter([explainer, slug]) {
    const folder = join(dirs.explainers, id(explainer, 'explainer slug'));
    if (!existsSync(folder)) fail(`there is no explainer ${folder}/; start one with: npm run new -- explainer ${explainer}`);
    const name = id(slug, 'chapter slug');
    const orders = readdirSync(folder)
      .filter((file) => file.endsWith('.mdx'))
      .map((file) => Number(/^order:\s*(\d+)/m.exec(readFileSync(join(folder, file), 'utf8'))?.[1] ?? 0));
    return { path: join(folder, `${name}.mdx`), text: chapterFrontmatter(explainer!, Math.max(0, ...orders) + 1) };
  },

  outlet([value]) {
    return {
      path: join(dirs.outlets, `${id(value, 'outlet id')}.yaml`),
      text: `# An outlet or organisation that publishes sources. Sources name it with outlet: ${value}
# Its name as readers know it; a sentence that names the outlet names it so.
name: Outlet name
# state-controlled (a state directs its editorial line), publicly-funded (state money, editorial
# independence by law or charter), independent, or official (a government or body's own site).
control: independent
# What readers see beside its sources; required for state-controlled and publicly-funded outlets:
# label: Russian state news agency
# Why, in one sentence a reader can check: ownership, funding, who appoints the editors.
basis: Privately owned.
`,
    };
  },

  source([value, outlet]) {
    const outletRef = existing('outlets', outlet, 'outlet id of its publisher');
    return {
      path: join(dirs.sources, `${id(value, 'source id')}.yaml`),
      text: `# One cited work. Its id is this file's name: cite it as [@${value}, "the words that support the sentence"].
# The headline exactly as the page prints it, in its own language; never a description in [brackets].
title: "Title as published"
# If the page is not in English, the headline in English:
# titleTranslated: "Title in English"
# The outlet or site as the page names itself.
publisher: Publisher
# Who publishes it: content/outlets/<id>.yaml says whether a state directs it.
outlet: ${outletRef}
# The full address of the page you read.
url: https://example.org/the-page
# The day it was published (YYYY-MM-DD; YYYY-MM or YYYY if that is all the page says). Reference
# pages (kind: reference) may leave it out.
published: ${today}
# If the page shows no date and you worked it out, say how, for readers, and keep \`published\`:
# publishedInferred: The address carries the date.
# The day you read the page.
accessed: ${today}
# The agency whose story the page carries, if any (AP, Reuters, TASS):
# via: AP
# An archived copy's address, only if you read the page there:
# archived: https://web.archive.org/…
# The language the page is written in: en, ru, hy …
language: en
# news-report, official-statement or reference.
kind: news-report
# Authors' names, as printed, if the page names them:
# author: [First Author, Second Author]
# A short note for readers, e.g. what a reference page is good for:
# note: Lists every member state with the date it joined.
`,
    };
  },

  person([value, source]) {
    const ref = existing('sources', source, 'source id for the role');
    return {
      path: join(dirs.people, `${id(value, 'person id')}.yaml`),
      text: `# One person. Name them in chapters with <Person id="${value}" />.
# The house spelling, used everywhere on the site.
name: First Last
# Other spellings found in sources; chapters must not use them (npm run check says where they do).
otherSpellings: []
# One line: who this person is in the story.
summary: Who this person is in the story, in one line.
# Their roles in the period covered, with dates where known (from/until: YYYY-MM-DD, YYYY-MM or YYYY).
roles:
  - title: Role as a reader should see it
    # from: 2018-05
    # until: 2023-04
# Sources for the roles.
sources: [${ref}]
`,
    };
  },

  event([value, source]) {
    const ref = existing('sources', source, 'source id that reports the event');
    return {
      path: join(dirs.events, `${id(value, 'event id')}.yaml`),
      text: `# One event for the timeline. Name the file by its date: 2024-06-13-what-happened.yaml.
# The day it happened (YYYY-MM-DD, or YYYY-MM / YYYY when that is all the sources say).
date: ${today}
# For an event over several days, its last day:
# until: ${today}
# A short headline.
title: What happened
# One or two sentences in our own words.
summary: What happened, in one or two sentences.
# People involved, by id (content/people).
people: []
# Sources that report it; at least one, published on or after the day.
sources: [${ref}]
`,
    };
  },

  statement([value, person, source]) {
    const speaker = existing('people', person, 'person id of the speaker');
    const ref = existing('sources', source, 'source id that published the words');
    return {
      path: join(dirs.statements, `${id(value, 'statement id')}.yaml`),
      text: `# Words someone said, quoted in chapters with <Quote id="${value}" />
# (or a few of them inline: <Quote id="${value}" excerpt="exact words" />).
speaker: ${speaker}
# When they were said; the source must be published on or after this day.
date: ${today}
# Where and how: "closing speech in the National Assembly".
occasion: where and how the words were said
# The words exactly as the source published them.
text: "The words, exactly as published."
source: ${ref}
# The language the words were spoken in, where known (ru, hy, be …):
# spokenIn: ru
# true when \`text\` is the source's own English rendering of words said in another language.
translatedBySource: false
# Where \`text\` is cut from longer words: start, end or both; readers see an ellipsis there.
# cut: end
`,
    };
  },

  correction([value, article, evidence]) {
    const articleRef = existing('sources', article, 'source id of the article that errs');
    const evidenceRef = existing('sources', evidence, 'source id of the evidence');
    return {
      path: join(dirs.corrections, `${id(value, 'correction id')}.yaml`),
      text: `# Where a source article errs. Shown where it matters with <EditorsNote id="${value}" />,
# and listed on the corrections page.
# The claim's number in the fact-check: R for the later article, O for the earlier, then a number.
claim: R1
# wrong, imprecise or unverified.
verdict: wrong
# The article that errs.
article: ${articleRef}
# What the article says, in our words, completing "<publisher> …": "dates the war to 2022".
articleSays: says something that is not so
# What holds instead, in one or two sentences.
fact: What holds, in one or two sentences.
# The sources that show it.
evidence: [${evidenceRef}]
`,
    };
  },
};

const [kind, ...args] = process.argv.slice(2);
if (!kind || kind === '--help' || kind === '-h') {
  console.log(USAGE);
  process.exit(kind ? 0 : 1);
}
const make = files[kind];
if (!make) fail(`unknown kind "${kind}"`);
const { path, text } = make(args);
if (existsSync(path)) fail(`${path} already exists; nothing was written`);
mkdirSync(dirname(path), { recursive: true });
writeFileSync(path, text);
console.log(`Wrote ${path}`);

// The new file must be valid as written; other problems (a source nothing cites yet) are the to-do list.
const problems = (await runContentChecks(dirs)).filter((problem) => problem.file.endsWith(path));
if (problems.length > 0) {
  console.log(`\nStill to do in ${path}:\n`);
  console.log(problems.map(formatProblem).join('\n\n'));
}
console.log('\nFill in the fields (each is explained in the file), then run: npm run check:content');
