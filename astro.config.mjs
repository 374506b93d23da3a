// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { markdownProcessor } from './src/plugins/markdown-processor';
import { SITE } from './src/site.config';
import { contentCheck } from './src/integrations/content-check';

export default defineConfig({
  site: SITE.url,
  base: SITE.base,
  trailingSlash: 'always',
  integrations: [contentCheck(), mdx(), sitemap()],
  markdown: { processor: markdownProcessor({ base: SITE.base }) },
  vite: { plugins: [tailwindcss()] },
});
