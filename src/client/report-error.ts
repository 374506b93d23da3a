import { issueFormUrl, mailtoUrl, passageForReport } from '../accountability/report-form.ts';

/**
 * "Report an error", with JavaScript: the words a reader selects in the chapter are filled into the
 * form (and the e-mail) as the passage. The last selection made inside the chapter is kept, because
 * pressing the link itself clears the selection before the link is followed; the reader sees which
 * passage will be sent. Without JavaScript the link opens the same form with the page filled in.
 */
export function initReportError(): void {
  const box = document.querySelector<HTMLElement>('[data-report-error]');
  const article = document.querySelector<HTMLElement>('[data-report-scope]');
  if (!box || !article) return;
  const { repository = '', pageUrl = '', pageTitle = '', email = '' } = box.dataset;
  const page = { url: pageUrl, title: pageTitle };
  const form = box.querySelector<HTMLAnchorElement>('[data-report-form]');
  const mail = box.querySelector<HTMLAnchorElement>('[data-report-email]');
  const hint = box.querySelector<HTMLElement>('[data-report-hint]');
  const chosen = box.querySelector<HTMLElement>('[data-report-selected]');
  const chosenText = box.querySelector<HTMLElement>('[data-report-selected-text]');
  if (hint) hint.hidden = false;

  document.addEventListener('selectionchange', () => {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    if (!article.contains(range.commonAncestorContainer)) return;
    const passage = passageForReport(selection.toString());
    if (!passage) return;
    if (form) form.href = issueFormUrl(repository, page, passage);
    if (mail && email) mail.href = mailtoUrl(email, page, passage);
    if (chosen && chosenText) {
      chosenText.textContent = `“${passage}”`;
      chosen.hidden = false;
    }
  });
}
