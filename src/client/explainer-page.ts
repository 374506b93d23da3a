/**
 * What an explainer's pages do in the browser. Its chapters (ChapterLayout.astro) and its one-page
 * edition (pages/[explainer]/all/) load this one module, through components/explainer/ExplainerScript.astro,
 * rather than a script per component: on a first visit every script is a request of its own, with
 * its response headers (docs/performance.md, "One script per kind of page"). Each part does nothing
 * on a page without its elements, and every page reads in full without any of it.
 */
import { initCiteCopy } from './cite-copy.ts';
import { initFootnotePreviews } from './footnote-previews.ts';
import { initPrintButtons } from './print.ts';
import { initReportError } from './report-error.ts';
import { initScrollSpy } from './scroll-spy.ts';
import { initSidenotes } from './sidenotes.ts';

initPrintButtons();
initCiteCopy();
initReportError();
initFootnotePreviews();
initSidenotes();
initScrollSpy();
