/**
 * Site search. The button is in the markup but hidden until this script shows it (without JavaScript
 * there is nothing to click). Pagefind's loader and index are fetched the first time the dialog opens.
 */
interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: { title?: string } }>;
}
interface Pagefind {
  init(): Promise<void>;
  debouncedSearch(query: string, options?: object, debounceMs?: number): Promise<{ results: PagefindResult[] } | null>;
}

export function initSearch(root: HTMLElement): void {
  const button = root.querySelector<HTMLButtonElement>('[data-search-open]');
  const dialog = root.querySelector<HTMLDialogElement>('dialog');
  const input = root.querySelector<HTMLInputElement>('input[type="search"]');
  const list = root.querySelector<HTMLOListElement>('[data-search-results]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  if (!button || !dialog || !input || !list || !status) return;
  const base = root.dataset['base'] ?? '/';
  const labels = { none: root.dataset['none'] ?? '', count: root.dataset['count'] ?? '' };
  let pagefind: Promise<Pagefind> | undefined;

  button.hidden = false;
  button.addEventListener('click', () => {
    dialog.showModal();
    input.focus();
    pagefind ??= import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).then(async (module: Pagefind) => {
      await module.init();
      return module;
    });
  });
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  root.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());

  input.addEventListener('input', async () => {
    const query = input.value.trim();
    if (!query || !pagefind) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    const search = await (await pagefind).debouncedSearch(query, {}, 200);
    if (!search) return; // superseded by a newer keystroke
    const results = await Promise.all(search.results.slice(0, 8).map((result) => result.data()));
    list.replaceChildren(
      ...results.map((result) => {
        const item = document.createElement('li');
        const link = Object.assign(document.createElement('a'), { href: result.url, textContent: result.meta.title ?? result.url });
        const excerpt = document.createElement('p');
        excerpt.innerHTML = result.excerpt; // Pagefind escapes page text and adds only <mark>
        item.append(link, excerpt);
        return item;
      }),
    );
    status.textContent = results.length === 0 ? labels.none : labels.count.replace('{n}', String(search.results.length));
  });
}
