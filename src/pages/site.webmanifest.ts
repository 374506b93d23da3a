import type { APIRoute } from 'astro';
import { href } from '../routes.ts';
import { SITE } from '../site.config.ts';

export const GET: APIRoute = () =>
  new Response(
    JSON.stringify({
      name: SITE.name,
      description: SITE.tagline,
      start_url: href(),
      display: 'browser',
      background_color: '#fdfcf9',
      theme_color: '#0b5c73',
      icons: [
        { src: href('favicon.svg'), type: 'image/svg+xml', sizes: 'any' },
        { src: href('apple-touch-icon.png'), type: 'image/png', sizes: '180x180' },
      ],
    }),
    { headers: { 'Content-Type': 'application/manifest+json' } },
  );
