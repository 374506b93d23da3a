/**
 * The Print button. Printing from a page needs JavaScript (window.print()), so the button's list item
 * ships hidden and is shown only here; without JavaScript the browser's own Print command remains.
 */
export function initPrintButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-print]')) {
    const item = button.closest<HTMLElement>('[data-print-item]');
    if (item) item.hidden = false;
    button.addEventListener('click', () => window.print());
  }
}
