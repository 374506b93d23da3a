import { readFileSync } from 'node:fs';
import type { APIRoute } from 'astro';
import { Resvg } from '@resvg/resvg-js';

/** The home-screen icon, rasterised at build time from the one favicon drawing (public/favicon.svg). */
export const GET: APIRoute = () => {
  const svg = readFileSync('public/favicon.svg', 'utf8');
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: 180 }, font: { loadSystemFonts: true } }).render().asPng();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
