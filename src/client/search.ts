/**
 * Site search, the part every page loads: it shows the button (hidden in the markup: without
 * JavaScript there is nothing to click), opens the dialog on a click or "/", and only then fetches
 * the rest (search-results.ts: the results list and its keys) and Pagefind's loader and index.
 * A chapter's first view so carries none of the code a reader who never searches does not use.
 */
export function initSearch(root: HTMLElement): void {
  const button = root.querySelector<HTMLButtonElement>('[data-search-open]');
  const dialog = root.querySelector<HTMLDialogElement>('dialog');
  const input = root.querySelector<HTMLInputElement>('input[type="search"]');
  if (!button || !dialog || !input) return;
  let results: Promise<unknown> | undefined;

  button.hidden = false;
  button.addEventListener('click', () => {
    dialog.showModal();
    input.focus();
    results ??= import('./search-results.ts').then(({ initSearchResults }) => initSearchResults(root, dialog, input));
  });
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  root.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
  // "/" opens search from anywhere on the page, as on many reference sites, unless the reader is typing.
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || dialog.open) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return;
    event.preventDefault();
    button.click();
  });
}
