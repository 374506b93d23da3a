/**
 * Site search. The button is in the markup but hidden until this script shows it (without JavaScript
 * there is nothing to click). Pagefind's loader and index are fetched the first time the dialog opens.
 */
interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
}
interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: { title?: string }; sub_results?: PagefindSubResult[] }>;
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
  const labels = { none: root.dataset['none'] ?? '', count: root.dataset['count'] ?? '', failed: root.dataset['failed'] ?? '' };
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
  // "/" opens search from anywhere on the page, as on many reference sites, unless the reader is typing.
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || dialog.open) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return;
    event.preventDefault();
    button.click();
  });

  const showResults = async () => {
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
        // The section of the page where the words are found most (Pagefind's sub-results follow the
        // page's headings), so the link lands on it rather than on the page's top.
        const section = result.sub_results?.toSorted((a, b) => b.locations.length - a.locations.length)[0];
        const item = document.createElement('li');
        const title = result.meta.title ?? result.url;
        const link = Object.assign(document.createElement('a'), {
          href: section?.url ?? result.url,
          textContent: section?.url.includes('#') ? `${title} › ${section.title}` : title,
        });
        const excerpt = document.createElement('p');
        excerpt.innerHTML = section?.excerpt ?? result.excerpt; // Pagefind escapes page text and adds only <mark>
        item.append(link, excerpt);
        return item;
      }),
    );
    status.textContent = results.length === 0 ? labels.none : labels.count.replace('{n}', String(search.results.length));
  };

  // Async work in a listener whose promise nobody awaits: a failure is caught and reported, not lost.
  input.addEventListener('input', () => {
    showResults().catch((error: unknown) => {
      status.textContent = labels.failed;
      console.error(error);
    });
  });
}
