import { citationFileRoute } from '../citation-file-route.ts';

/** "Cite this page" as BibTeX, for every chapter: cite/<explainer>/<chapter>.bib */
const route = citationFileRoute('bib');
export const getStaticPaths = route.getStaticPaths;
export const GET = route.GET;
