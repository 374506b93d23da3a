import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { SITE } from '../site.config.ts';
import { cacheKey, cachedArtefact, packageVersions } from '../build/build-cache.ts';
import { processShared } from '../build/process-shared.ts';
import { drawCard, type Face } from './card-drawing.ts';
import { PATH_SCALE, type LocatorMap } from '../map/locator-map.ts';
import { SOCIAL_IMAGE } from './social-cards.ts';

/**
 * Social preview images (Open Graph / Twitter), drawn at build time: satori lays out the card,
 * resvg rasterises it, in worker threads. The face is Source Serif 4 from its npm package, so nothing is downloaded.
 */
const require = createRequire(import.meta.url);
const font = (weight: 400 | 700) =>
  readFileSync(require.resolve(`@fontsource/source-serif-4/files/source-serif-4-latin-${weight}-normal.woff`));
/** Which satori and resvg drew an image: part of its cache key, since another version may draw it otherwise. */
const RENDERERS = packageVersions(['satori', '@resvg/resvg-js']);
const FONTS: Face[] = [
  { name: 'Source Serif 4', data: font(400), weight: 400, style: 'normal' },
  { name: 'Source Serif 4', data: font(700), weight: 700, style: 'normal' },
];
const FONTS_DIGEST = cacheKey(...FONTS.map(({ data }) => data));

export interface SocialCard {
  title: string;
  description: string;
  footer?: string;
  /** The explainer's locator map (map/explainer-map), drawn beside the description. */
  map?: LocatorMap | undefined;
}

const PADDING = { block: 64, inline: 72 };
const RULE = 16;
const CONTENT_WIDTH = SOCIAL_IMAGE.width - 2 * PADDING.inline;

type Element = { type: string; props: { style?: Record<string, unknown>; children?: unknown; [attribute: string]: unknown } };
const element = (type: string, style: Record<string, unknown>, children?: unknown): Element => ({
  type,
  props: { style, children },
});

/** The card as satori's element tree: everything that decides how the image looks, except the fonts. */
function cardTree(card: SocialCard): Element {
  return element(
    'div',
    {
      // satori sizes boxes without their padding and border (content-box)
      width: CONTENT_WIDTH,
      height: SOCIAL_IMAGE.height - 2 * PADDING.block - RULE,
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: `${PADDING.block}px ${PADDING.inline}px`,
      background: '#fdfcf9',
      color: '#1c1b19',
      fontFamily: 'Source Serif 4',
      borderTop: `${RULE}px solid #0b5c73`,
    },
    [
      element('div', { display: 'flex', flexDirection: 'column', width: CONTENT_WIDTH }, [
        element('div', { fontSize: 28, color: '#0b5c73', fontWeight: 700, marginBottom: 20 }, SITE.name),
        element(
          'div',
          { display: 'flex', width: CONTENT_WIDTH, fontSize: card.title.length > 60 ? 52 : 64, fontWeight: 700, lineHeight: 1.1 },
          card.title,
        ),
        card.map
          ? element('div', { display: 'flex', width: CONTENT_WIDTH, marginTop: 24, justifyContent: 'space-between' }, [
              element(
                'div',
                { display: 'flex', width: CONTENT_WIDTH - MAP_WIDTH - 40, fontSize: 28, color: '#57534e', lineHeight: 1.35 },
                truncate(card.description, 150),
              ),
              mapTree(card.map),
            ])
          : element(
              'div',
              { display: 'flex', width: CONTENT_WIDTH, fontSize: 30, color: '#57534e', marginTop: 24, lineHeight: 1.35 },
              truncate(card.description, 180),
            ),
      ]),
      element('div', { display: 'flex', justifyContent: 'space-between', width: CONTENT_WIDTH, fontSize: 24, color: '#57534e' }, [
        element('div', { display: 'flex' }, SITE.name),
        element('div', { display: 'flex' }, card.footer ?? ''),
      ]),
    ],
  );
}

/** The map's width on the card: small, as on the home page's card. */
const MAP_WIDTH = 380;
/** The overview's palette in its light theme (LocatorMap.astro), as colours: the card has no stylesheet. */
const MAP_COLOURS = { land: '#ece9e4', other: '#d5d3d0', member: '#97b9c1', accent: '#0b5c73', ink: '#1c1b19', paper: '#fdfcf9' };

/**
 * The locator map as satori elements: the shapes as inline SVG, the labels as text that satori sets
 * in the card's face (an SVG's own text would need fonts that resvg, here, does not load).
 */
function mapTree(map: LocatorMap): Element {
  const scale = MAP_WIDTH / map.width;
  const height = Math.round(map.height * scale);
  const svg = (type: string, attributes: Record<string, unknown>, children?: unknown): Element => ({
    type,
    props: { ...attributes, ...(children === undefined ? {} : { children }) },
  });
  const accented = map.states.filter((state) => state.role === 'accent');
  const shapes = svg('svg', { width: MAP_WIDTH, height, viewBox: `0 0 ${map.width} ${map.height}` }, [
    svg('g', { transform: `scale(${PATH_SCALE})` }, [
      svg('path', { d: map.land, fill: MAP_COLOURS.land }),
      ...map.states.map((state) =>
        svg('path', {
          d: state.d,
          fill: MAP_COLOURS[state.role],
          stroke: state.role === 'accent' ? MAP_COLOURS.ink : MAP_COLOURS.paper,
          strokeWidth: state.role === 'accent' ? 9 : 7,
          strokeLinejoin: 'round',
        }),
      ),
    ]),
    ...accented.flatMap(({ label }) =>
      label.leader
        ? [svg('line', { x1: label.leader.x, y1: label.leader.y, x2: label.x, y2: label.y - 3, stroke: MAP_COLOURS.ink, strokeWidth: 0.8 })]
        : [],
    ),
    svg('circle', { cx: map.point.x, cy: map.point.y, r: 3, fill: MAP_COLOURS.paper, stroke: MAP_COLOURS.ink, strokeWidth: 1.6 }),
  ]);
  const FONT = 21;
  const labels = accented.map(({ name, label }) => {
    const x = label.x * scale;
    // The label's baseline is at y: its box starts a line above, and a little more, clear of the shape.
    const top = label.y * scale - FONT * 1.35;
    const box = 200;
    const place =
      label.anchor === 'end'
        ? { left: x - box, width: box, justifyContent: 'flex-end' }
        : label.anchor === 'middle'
          ? { left: x - box / 2, width: box, justifyContent: 'center' }
          : { left: x, width: box, justifyContent: 'flex-start' };
    return element(
      'div',
      { position: 'absolute', top, display: 'flex', fontSize: FONT, fontWeight: 700, color: MAP_COLOURS.ink, ...place },
      name,
    );
  });
  return element('div', { display: 'flex', position: 'relative', width: MAP_WIDTH, height }, [shapes, ...labels]);
}

/** The card as PNG, drawn in a worker thread (see card-drawing.ts). */
export function renderSocialImage(card: SocialCard): Promise<Uint8Array> {
  return drawCard({ tree: cardTree(card), ...SOCIAL_IMAGE }, FONTS);
}

/**
 * Images being drawn or drawn, by cache key. On globalThis because this module runs twice in one
 * build (with the config, where integrations/social-images starts the drawing, and in the pages'
 * bundle, where the route asks for the images), and both must see the same promises.
 */
const images = processShared('social-images', () => new Map<string, Promise<Uint8Array>>());

/**
 * The card's image, from the build cache when nothing that shapes it has changed: its element tree
 * (text, layout, colours), its size, the faces, and the versions of satori and resvg. Asking twice
 * for one card gives the same promise, so an image started early is not drawn again.
 */
export function socialImage(card: SocialCard): Promise<Uint8Array> {
  const key = cacheKey(JSON.stringify([cardTree(card), SOCIAL_IMAGE, RENDERERS]), FONTS_DIGEST);
  let image = images.get(key);
  if (!image) {
    image = cachedArtefact('social', key, 'png', () => renderSocialImage(card));
    images.set(key, image);
  }
  return image;
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, text.lastIndexOf(' ', length))}…`;
}
