import { extname, posix, relative as relativePath, sep } from 'node:path';
import GithubSlugger from 'github-slugger';
import { schemeOf } from '../markdown/content-policy.ts';
import type { ContentProblem } from '../data/content-error.ts';
import { REFERENCE_PAGES } from '../data/reference-pages.ts';
import { allFilesIn, headingText, startOf, walk, type ChapterFile, type ContentModel } from './model.ts';

/**
 * An internal link or anchor in a chapter that leads nowhere. Pages are the routes in src/pages with
 * the explainers and chapters filled in; anchors are a chapter's headings (made as the build makes
 * them) and the entries of the people, sources, corrections and timeline pages. A link is written
 * relative to the page (`../reactions/`), so that it also works when the site lives under a base
 * path. The built-site link check (scripts/check-built.ts) checks every link again in the output.
 */
export function checkInternalLinks(model: ContentModel, pagesDir = 'src/pages'): ContentProblem[] {
  const site = siteMap(model, pagesDir);
  const problems: ContentProblem[] = [];
  for (const chapter of model.chapters) {
    const here = chapterRoute(chapter);
    for (const { node } of walk(chapter.tree)) {
      if (node.type !== 'link' && node.type !== 'definition') continue;
      const url = node.url;
      // Other schemes, including ones hidden behind a tab or newline, are the content policy's to refuse.
      if (schemeOf(url) !== undefined || url.startsWith('//') || url === '') continue;
      const report = (found: string, expected: string, fix: string) =>
        problems.push({ file: chapter.file, ...startOf(node), found: `${found}: "${url}"`, expected, fix });
      const target = new URL(url, `https://site.invalid${here}`);
      const path = decodeURIComponent(target.pathname);
      if (url.startsWith('/')) {
        report(
          'a link from the root of the site',
          'a link relative to this page, which also works when the site is published under a sub-path',
          `write "${relativeLink(here, path)}${target.hash}"`,
        );
        continue;
      }
      // Browsers stop "../" at the root, so a link with one "../" too many still works at the root of a
      // domain, but not under a base path such as /csto-explainer/.
      if (!new URL(url, `https://site.invalid/base${here}`).pathname.startsWith('/base/')) {
        report(
          'a link that climbs above the root of the site',
          'one "../" for each folder between this page and the root',
          `write "${relativeLink(here, path)}${target.hash}"`,
        );
        continue;
      }
      if (!site.pages.has(path) && !site.pattern.some((re) => re.test(path))) {
        const slashed = `${path}/`;
        if (site.pages.has(slashed))
          report('a link without its closing slash', 'a page address ending in "/"', `write "${url.replace(/(?=[#?]|$)/, '/')}"`);
        else if (extname(path) === '')
          report(
            'a link to a page that does not exist',
            `one of the site's pages, e.g. ${[...site.pages].slice(0, 3).join(', ')}`,
            'correct the address (chapters link to each other as ../chapter-name/)',
          );
        continue;
      }
      const anchor = decodeURIComponent(target.hash.slice(1));
      const anchors = site.anchors.get(path);
      if (anchor && anchors && !anchors.has(anchor)) {
        const how = site.dataPages.has(path)
          ? 'an entry’s anchor is its id, the name of its file'
          : 'a heading’s anchor is its words in lower case, joined by hyphens';
        report(
          `an anchor that is not on ${path}`,
          `one of its anchors, e.g. ${[...anchors]
            .slice(0, 3)
            .map((a) => `#${a}`)
            .join(', ')}`,
          `correct the part after "#" (${how})`,
        );
      }
    }
  }
  return problems;
}

function chapterRoute(chapter: ChapterFile): string {
  return chapter.slug === 'index' ? `/${chapter.folder}/` : `/${chapter.folder}/${chapter.slug}/`;
}

function relativeLink(from: string, to: string): string {
  const link = posix.relative(from, to) || '.';
  return `${link.startsWith('.') ? link : `./${link}`}${to.endsWith('/') ? '/' : ''}`;
}

interface SiteMap {
  pages: Set<string>;
  /** Routes with a parameter the checks cannot fill in, matched loosely. */
  pattern: RegExp[];
  anchors: Map<string, Set<string>>;
  /** Pages whose anchors are data ids rather than headings. */
  dataPages: Set<string>;
}

function siteMap(model: ContentModel, pagesDir: string): SiteMap {
  const explainers = Map.groupBy(model.chapters, (chapter) => chapter.folder);
  const pages = new Set<string>();
  const pattern: RegExp[] = [];
  for (const file of allFilesIn(pagesDir, true)) {
    const route = relativePath(pagesDir, file).split(sep).join('/');
    const match = /^(.*?)(?:\.(astro|md|mdx)|\.(?:ts|js))$/.exec(route);
    if (!match?.[1] || /(^|\/)_/.test(route) || match[1] === '404') continue;
    const isPage = match[2] !== undefined;
    const path = `/${match[1].replace(/(^|\/)index$/, '')}${isPage ? '/' : ''}`.replace(/\/+/g, '/');
    for (const [explainer, chapters] of path.includes('[explainer]') ? explainers : new Map([['', model.chapters]])) {
      const slugs = path.includes('[chapter]') ? chapters.filter((c) => c.slug !== 'index').map((c) => c.slug) : [''];
      for (const chapterSlug of slugs) {
        const filled = path.replace('[explainer]', explainer).replace('[chapter]', chapterSlug);
        if (/\[/.test(filled)) pattern.push(new RegExp(`^${filled.replace(/\[\.\.\.[^\]]+\]/g, '.*').replace(/\[[^\]]+\]/g, '[^/]+')}$`));
        else pages.add(filled);
      }
    }
  }

  const anchors = new Map<string, Set<string>>();
  for (const chapter of model.chapters) {
    const slugger = new GithubSlugger();
    const ids = new Set<string>();
    for (const { node } of walk(chapter.tree)) if (node.type === 'heading') ids.add(slugger.slug(headingText(node)));
    anchors.set(chapterRoute(chapter), ids);
  }
  // A reference page's anchors are the ids of the entries it lists.
  const dataPages = new Set(REFERENCE_PAGES.map(({ path }) => `/${path}`));
  for (const { path, collection } of REFERENCE_PAGES) anchors.set(`/${path}`, new Set(model.data[collection].keys()));
  return { pages, pattern, anchors, dataPages };
}
