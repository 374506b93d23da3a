/**
 * The parts of "Report an error" that also run in the reader's browser (src/client/report-error.ts):
 * nothing here may import the site's settings, which read the build's environment.
 */

/**
 * The repository's issue form for corrections (.github/ISSUE_TEMPLATE/correction.yml). GitHub fills
 * an issue form's fields from URL parameters named after the fields' ids, so these must match the form's.
 */
export const CORRECTION_FORM = {
  template: 'correction.yml',
  fields: { page: 'page', passage: 'passage', problem: 'problem', evidence: 'evidence' },
} as const;

/** A passage longer than this is cut (at a word), so the address stays well inside what browsers and GitHub accept. */
export const PASSAGE_MAX_CHARS = 600;

export interface ReportedPage {
  /** The page's absolute address. */
  url: string;
  /** Its title, for the issue's title. */
  title: string;
}

/** The passage as sent: white space collapsed, cut at a word with an ellipsis when too long. */
export function passageForReport(passage: string): string {
  const text = passage.replace(/\s+/g, ' ').trim();
  if (text.length <= PASSAGE_MAX_CHARS) return text;
  const cut = text.slice(0, PASSAGE_MAX_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), PASSAGE_MAX_CHARS / 2))} …`;
}

/** The issue form's address in `repository`, with the page (and the passage, when there is one) filled in. */
export function issueFormUrl(repository: string, page: ReportedPage, passage = ''): string {
  const url = new URL(`${repository}/issues/new`);
  url.searchParams.set('template', CORRECTION_FORM.template);
  url.searchParams.set('title', `Correction: ${page.title}`);
  url.searchParams.set(CORRECTION_FORM.fields.page, page.url);
  const text = passageForReport(passage);
  if (text) url.searchParams.set(CORRECTION_FORM.fields.passage, text);
  return url.toString();
}

/** A mailto: address with the same questions as the form, for readers without a GitHub account. */
export function mailtoUrl(email: string, page: ReportedPage, passage = ''): string {
  const text = passageForReport(passage);
  const body = [
    `Page: ${page.url}`,
    ...(text ? [`Passage: ${text}`] : []),
    '',
    'What is wrong:',
    '',
    'Evidence (a link or a reference):',
    '',
  ].join('\n');
  // encodeURIComponent, not URLSearchParams: mail clients read %20, not +, as a space.
  return `mailto:${email}?subject=${encodeURIComponent(`Correction: ${page.title}`)}&body=${encodeURIComponent(body)}`;
}
