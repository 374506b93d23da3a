/**
 * What the site header does in the browser, on every page: the theme switch and the search button.
 * One module for the header (SiteHeader.astro) rather than one per component: on a first visit every
 * script is a request of its own, with its response headers (docs/performance.md, "One script per
 * kind of page").
 */
import { initSearch } from './search.ts';
import { initThemeToggle } from './theme.ts';

initThemeToggle();
const search = document.querySelector<HTMLElement>('[data-search]');
if (search) initSearch(search);
