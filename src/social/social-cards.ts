import { strings } from '../i18n/ui.ts';
import { SITE } from '../site.config.ts';
import { formatPeriod } from '../data/dates.ts';
import { explainerMap } from '../map/explainer-map.ts';
import { REFERENCE_PAGES } from '../data/reference-pages.ts';
import { type ChapterLike, type ExplainerOf } from '../data/explainer-structure.ts';
import type { SocialCard } from './social-image.ts';
import { HOW_WE_WORK_PATH, OUR_CORRECTIONS_PATH, chapterPath } from '../routes.ts';

/**
 * The site's social cards, by the path of the page each belongs to (`''` for the home page,
 * `people/`, `<explainer>/`): one for the home page, one per reference page, one per explainer.
 *
 * An explainer's chapters and its one-page edition share the explainer's card (see
 * explainerPreview), as a newsroom gives a story one share image: a shared link shows the page's own
 * title and description beside the image, so the image says which explainer, and the text which
 * chapter. A card per chapter would repeat that title in the picture at some 30 ms of drawing a
 * page, the largest cost our build had over a bare Astro site (docs/performance.md).
 */
export function socialCards(explainers: ExplainerOf<ChapterLike>[]): SocialCardOfPage[] {
  const t = strings();
  return [
    homeCard(),
    ...REFERENCE_PAGES.map(({ path, title, description }) => ({ path, card: { title: t[title], description: t[description] } })),
    { path: HOW_WE_WORK_PATH, card: { title: t.howWeWork, description: t.howWeWorkDescription } },
    { path: OUR_CORRECTIONS_PATH, card: { title: t.ourCorrections, description: t.ourCorrectionsDescription } },
    ...explainers.map(explainerCard),
  ];
}

/** A card and the path of the page it belongs to. */
export interface SocialCardOfPage {
  path: string;
  card: SocialCard;
}

/** Which card a page shares (by the path of the page it belongs to), and the image's alternative text: the card's title. */
export interface SocialPreview {
  page: string;
  alt: string;
}

/** The home page's card; the 404 page shares it. */
export function homePreview(): SocialPreview {
  return previewOf(homeCard());
}

/** An explainer's card, shared by its chapters and its one-page edition. */
export function explainerPreview(explainer: ExplainerOf<ChapterLike>): SocialPreview {
  // A page needs only the card's page and title; its map (read from the overview's file) only to draw it.
  return previewOf(explainerCardText(explainer));
}

function previewOf({ path, card }: SocialCardOfPage): SocialPreview {
  return { page: path, alt: card.title };
}

function homeCard(): SocialCardOfPage {
  return { path: '', card: { title: strings().explainers, description: `${SITE.tagline}.` } };
}

/** An explainer's card as it is drawn: its text, and the locator map its overview shows, if any, small beside the description. */
function explainerCard(explainer: ExplainerOf<ChapterLike>): SocialCardOfPage {
  const { path, card } = explainerCardText(explainer);
  const map = explainerMap(explainer.overview.filePath)?.map;
  return { path, card: map ? { ...card, map } : card };
}

function explainerCardText(explainer: ExplainerOf<ChapterLike>): SocialCardOfPage {
  const { title, dek, period } = explainer.overview.data;
  return { path: chapterPath(explainer.overview), card: { title, description: dek, footer: formatPeriod(period.from, period.to) } };
}

/** The size of every social preview image, in pixels (what Open Graph and X recommend). */
export const SOCIAL_IMAGE = { width: 1200, height: 630 } as const;
