import { SITE } from '../site.config.ts';
import { issueFormUrl, mailtoUrl, type ReportedPage } from './report-form.ts';

export { CORRECTION_FORM, PASSAGE_MAX_CHARS, passageForReport, type ReportedPage } from './report-form.ts';

/** "Report an error" for a page: the repository's issue form, prefilled (the repository is set once, in site.config). */
export function reportErrorUrl(page: ReportedPage, passage?: string): string {
  return issueFormUrl(SITE.repository, page, passage);
}

/** The e-mail alternative, or undefined while the newsroom has set no address (SITE.newsroom.correctionsEmail). */
export function reportEmailUrl(page: ReportedPage, passage?: string): string | undefined {
  return SITE.newsroom.correctionsEmail ? mailtoUrl(SITE.newsroom.correctionsEmail, page, passage) : undefined;
}
