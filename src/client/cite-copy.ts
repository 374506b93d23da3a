/**
 * "Cite this page": a copy button beside each format. The buttons are in the page but hidden; they
 * are shown only where the Clipboard API is there to do the work (a secure context), so a reader
 * without JavaScript or without the API sees no dead control and selects the text instead.
 * A copy is confirmed on the button for a moment and announced through the status line.
 */
const CONFIRM_MS = 2000;

export function initCiteCopy(): void {
  if (!navigator.clipboard?.writeText) return;
  for (const block of document.querySelectorAll<HTMLElement>('[data-cite-copy]')) {
    const status = block.querySelector<HTMLElement>('[data-copy-status]');
    for (const button of block.querySelectorAll<HTMLButtonElement>('button[data-copy-format]')) {
      const text = button.closest('dd')?.querySelector<HTMLElement>('[data-copy-text]');
      if (!text) continue;
      const label = button.querySelector('[data-copy-label]');
      const idle = label?.textContent ?? '';
      button.hidden = false;
      let timer: number | undefined;
      const copy = async () => {
        let message = status?.dataset['copied'] ?? 'Copied';
        try {
          await navigator.clipboard.writeText(text.innerText.trim());
        } catch {
          // Permission refused: select the text, so a keyboard copy takes it.
          message = status?.dataset['copyFailed'] ?? 'Select the text and copy it';
          const range = document.createRange();
          range.selectNodeContents(text);
          document.getSelection()?.removeAllRanges();
          document.getSelection()?.addRange(range);
        }
        if (label) label.textContent = message;
        if (status) status.textContent = `${button.dataset['copyFormat']}: ${message}`;
        window.clearTimeout(timer);
        timer = window.setTimeout(() => {
          if (label) label.textContent = idle;
          if (status) status.textContent = '';
        }, CONFIRM_MS);
      };
      // Nothing to await: a refused copy is handled inside.
      button.addEventListener('click', () => void copy());
    }
  }
}
