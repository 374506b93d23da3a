import LocatorMap from '../LocatorMap.astro';
import MembershipChart from '../MembershipChart.astro';

/**
 * Components an editor may use in chapter MDX without importing them. (Quote, EditorsNote, Person,
 * KeyEvents and NameSpellings are not here: the citation transform expands them at build time so
 * their footnotes are numbered with the rest.)
 */
// typescript-eslint's type service does not read .astro modules, so it sees this import as an error type.
// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
export const mdxComponents = { MembershipChart, LocatorMap };
