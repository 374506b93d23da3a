import LocatorMap from '../LocatorMap.astro';
import MembershipChart from '../MembershipChart.astro';

/**
 * Components an editor may use in chapter MDX without importing them. The data components (the
 * registry in src/markdown/components/index.ts) are not here: the citation transform expands them
 * at build time so their footnotes are numbered with the rest. The content policy lists these with
 * their props (src/markdown/content-policy.ts); tests/unit/data-components.test.ts keeps the lists apart and in step.
 */
// typescript-eslint's type service does not read .astro modules, so it sees this import as an error type.
// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
export const mdxComponents = { MembershipChart, LocatorMap };

/** What ChapterText hands a chapter's `Content` to render with. */
export type MdxComponents = typeof mdxComponents;
