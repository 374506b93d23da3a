// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { markdownProcessor } from './src/markdown/processor.ts';
import { SITE } from './src/site.config.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { gitHistoryAhead } from './src/integrations/git-history.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { pdfEdition } from './src/integrations/pdf-edition.ts';
import { socialImages } from './src/integrations/social-images.ts';
import { citationFiles } from './src/integrations/citation-files.ts';
import { buildCacheSweep } from './src/integrations/build-cache.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { inSitemap } from './src/routes.ts';

const search = searchIndex();

export default defineConfig({
  site: SITE.url,
  base: SITE.base,
  trailingSlash: 'always',
  // The search index is started once the pages are final and awaited after the other files are
  // written, so that they overlap; the cache sweep comes last, once everything has taken from it.
  integrations: [
    // First, so that git is forked before the content check reads the data into memory.
    gitHistoryAhead(),
    contentCheck(),
    socialImages(),
    mdx(),
    // The CSP's move rewrites each page's head in place, so it comes before Pagefind reads the pages
    // (in a process of its own, while the integrations after it work).
    securityHeaders(),
    search.start,
    sitemap({ filter: inSitemap }),
    citationFiles(),
    pdfEdition(),
    search.finish,
    buildCacheSweep(),
  ],
  // No syntax highlighting: Shiki colours code with inline styles, which the CSP below refuses,
  // and explainers show no code.
  markdown: { processor: markdownProcessor({ base: SITE.base }), syntaxHighlight: false },
  vite: {
    plugins: [tailwindcss()],
    // Scripts ship as files, not inlined: they are cached across pages, allowed by a CSP of
    // 'self', and Vite's preload helper (needed by Pagefind's on-demand import) is bundled with them.
    // One stylesheet for the whole site: the components' own styles (a chart's, the map's) are 6 KB
    // before compression, less than the request and headers a second and a third stylesheet cost a
    // chapter's first view, and the one file is cached for every page after it.
    build: {
      assetsInlineLimit: 0,
      cssCodeSplit: false,
      rolldownOptions: {
        // Astro marks every MDX module with a directive the bundler warns it may not keep: one warning of
        // ten lines per chapter on every build (withastro/astro#18087, open), which would bury an
        // editor's real warnings. Only that warning is dropped.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  // A Content-Security-Policy in a <meta> on every page: Astro hashes each inline script and style
  // into it, so no 'unsafe-inline' is needed. 'wasm-unsafe-eval' lets Pagefind's search run its
  // WebAssembly (it does not allow eval of scripts). frame-ancestors cannot be set in a <meta>;
  // it is in public/_headers with the other headers a static host sends.
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
});
