// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { markdownProcessor } from './src/plugins/markdown-processor';
import { SITE } from './src/site.config';

export default defineConfig({
  site: SITE.url,
  base: SITE.base,
  trailingSlash: 'always',
  integrations: [mdx(), sitemap()],
  markdown: { processor: markdownProcessor({ base: SITE.base }) },
  vite: { plugins: [tailwindcss()] },
});
