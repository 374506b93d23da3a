import { citationFileRoute } from '../citation-file-route.ts';

/** "Cite this page" as CSL-JSON, for every chapter: cite/<explainer>/<chapter>.json */
const route = citationFileRoute('json');
export const getStaticPaths = route.getStaticPaths;
export const GET = route.GET;
