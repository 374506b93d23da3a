/**
 * The search dialog's results, loaded the first time the dialog opens (search.ts): Pagefind's loader
 * and index, the list of results as the reader types, and the arrow keys that move between the search
 * field and the results (Down from the field to the first result, Up and Down along the list, Up from
 * the first result back to the field), as in a combobox's list, while Tab still goes through them.
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

export function initSearchResults(root: HTMLElement, dialog: HTMLDialogElement, input: HTMLInputElement): void {
  const list = root.querySelector<HTMLOListElement>('[data-search-results]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  if (!list || !status) return;
  const base = root.dataset['base'] ?? '/';
  const labels = { none: root.dataset['none'] ?? '', count: root.dataset['count'] ?? '', failed: root.dataset['failed'] ?? '' };
  const pagefind: Promise<Pagefind> = import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).then(async (module: Pagefind) => {
    await module.init();
    return module;
  });

  const show = async (): Promise<void> => {
    const query = input.value.trim();
    if (!query) {
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
  // Nobody awaits a listener: a failure (the index did not load) is said in the dialog, not lost.
  const showOrSayWhy = () =>
    show().catch((error: unknown) => {
      status.textContent = labels.failed;
      console.error(error);
    });
  input.addEventListener('input', () => void showOrSayWhy());
  // What the reader typed while this module was loading.
  if (input.value.trim()) void showOrSayWhy();

  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...list.querySelectorAll<HTMLAnchorElement>('li > a')];
    if (links.length === 0) return;
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0 && document.activeElement !== input) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? Math.min(at + 1, links.length - 1) : at - 1;
    (next < 0 ? input : links[next]!).focus();
  });
}
