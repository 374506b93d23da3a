import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { SITE } from '../site.config';
import { SOCIAL_IMAGE } from './urls';

/**
 * Social preview images (Open Graph / Twitter), drawn at build time: satori lays out the card,
 * resvg rasterises it. The face is Source Serif 4 from its npm package, so nothing is downloaded.
 */
const require = createRequire(import.meta.url);
const font = (weight: 400 | 700) =>
  readFileSync(require.resolve(`@fontsource/source-serif-4/files/source-serif-4-latin-${weight}-normal.woff`));
const FONTS = [
  { name: 'Source Serif 4', data: font(400), weight: 400 as const, style: 'normal' as const },
  { name: 'Source Serif 4', data: font(700), weight: 700 as const, style: 'normal' as const },
];

export interface SocialCard {
  eyebrow?: string;
  title: string;
  description: string;
  footer?: string;
}

const PADDING = { block: 64, inline: 72 };
const RULE = 16;
const CONTENT_WIDTH = SOCIAL_IMAGE.width - 2 * PADDING.inline;

type Element = { type: string; props: { style?: Record<string, unknown>; children?: unknown } };
const element = (type: string, style: Record<string, unknown>, children?: unknown): Element => ({
  type,
  props: { style, children },
});

export async function renderSocialImage(card: SocialCard): Promise<Buffer> {
  const tree = element(
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
        element('div', { fontSize: 28, color: '#0b5c73', fontWeight: 700, marginBottom: 20 }, card.eyebrow ?? SITE.name),
        element(
          'div',
          { display: 'flex', width: CONTENT_WIDTH, fontSize: card.title.length > 60 ? 52 : 64, fontWeight: 700, lineHeight: 1.1 },
          card.title,
        ),
        element(
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
  const svg = await satori(tree as Parameters<typeof satori>[0], { ...SOCIAL_IMAGE, fonts: FONTS });
  return new Resvg(svg, { fitTo: { mode: 'width', value: SOCIAL_IMAGE.width } }).render().asPng();
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, text.lastIndexOf(' ', length))}…`;
}
