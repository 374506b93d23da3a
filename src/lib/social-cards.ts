import { strings } from '../i18n/ui';
import { SITE } from '../site.config';
import { formatPeriod } from './dates';
import { wholeExplainerPath } from './print-edition';
import { REFERENCE_PAGES } from './reference-pages';
import { chapterPath, type ChapterLike, type ExplainerOf } from './explainer-structure';
import type { SocialCard } from './social-image';

/** Every page's social card, by the page's path (`''` for the home page, `people/`, `<explainer>/<chapter>/`). */
export function socialCards(explainers: ExplainerOf<ChapterLike>[]): { path: string; card: SocialCard }[] {
  const t = strings();
  const cards: { path: string; card: SocialCard }[] = [
    { path: '', card: { title: t.explainers, description: `${SITE.tagline}.` } },
    ...REFERENCE_PAGES.map(({ path, title, description }) => ({ path, card: { title: t[title], description: t[description] } })),
  ];
  for (const explainer of explainers) {
    const { title, dek, period } = explainer.overview.data;
    cards.push({
      path: wholeExplainerPath(explainer.id),
      card: { eyebrow: t.wholeExplainer, title, description: dek, footer: formatPeriod(period.from, period.to) },
    });
    for (const chapter of explainer.chapters) {
      const { period } = chapter.data;
      cards.push({
        path: chapterPath(chapter),
        card: {
          ...(chapter === explainer.overview ? {} : { eyebrow: explainer.overview.data.title }),
          title: chapter.data.title,
          description: chapter.data.dek,
          footer: formatPeriod(period.from, period.to),
        },
      });
    }
  }
  return cards;
}
