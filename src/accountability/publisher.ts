import { SITE } from '../site.config.ts';
import { absoluteUrl, HOW_WE_WORK_PATH, POLICY_SECTIONS } from '../routes.ts';

/** The publisher's logo: the site's own mark, the one drawing in public/ (the favicon and the home-screen icon are made from it). */
export const PUBLISHER_LOGO = 'favicon.svg';

/**
 * The publisher as schema.org describes a news organisation: its name and address (set once, in
 * site.config), its logo, and the policies readers and machines can check it against, each a
 * section of "How we work". An address is given only once a newsroom has filled it in.
 */
export function publisherJsonLd() {
  const policy = (section: string) => absoluteUrl(`${HOW_WE_WORK_PATH}#${section}`);
  return {
    '@type': 'Organization',
    name: SITE.name,
    url: absoluteUrl(),
    logo: { '@type': 'ImageObject', url: absoluteUrl(PUBLISHER_LOGO) },
    ...(SITE.newsroom.address ? { address: SITE.newsroom.address } : {}),
    ...(SITE.newsroom.correctionsEmail ? { email: SITE.newsroom.correctionsEmail } : {}),
    sameAs: [SITE.repository],
    publishingPrinciples: absoluteUrl(HOW_WE_WORK_PATH),
    correctionsPolicy: policy(POLICY_SECTIONS.corrections),
    verificationFactCheckingPolicy: policy(POLICY_SECTIONS.sources),
    actionableFeedbackPolicy: policy(POLICY_SECTIONS.feedback),
  };
}
