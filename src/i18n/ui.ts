/**
 * Every interface string, keyed by language. A second edition (Ukrainian, Russian) is a new block
 * here plus translated content; no component holds text of its own.
 */
export const UI = {
  en: {
    skipToContent: 'Skip to content',
    siteNav: 'Site',
    explainers: 'Explainers',
    timeline: 'Timeline',
    people: 'People',
    sources: 'Sources',
    corrections: 'Corrections',
    themeToggle: 'Switch between light and dark theme',
    themeDark: 'Dark',
    themeLight: 'Light',
    chapters: 'Chapters in this explainer',
    previous: 'Previous',
    next: 'Next',
    periodCovered: 'Covers',
    updated: 'Updated',
    readingTime: (minutes: number) => `${minutes} min read`,
    sourcesOnThisPage: 'Sources cited on this page',
    citedIn: 'Cited in',
    notes: 'Notes',
    goToNote: 'Go to the note ↓',
    partOf: (part: number, parts: number) => `Part ${part} of ${parts}`,
    onThisPage: 'On this page',
    backToNote: (n: number) => `Back to note ${n}`,
    readTheExplainer: 'Read the explainer',
    overview: 'Overview',
    otherSpellings: 'Also spelled',
    roles: 'Roles',
    notCited: 'Listed for reference; not cited in the text.',
    published: 'Published',
    publishedInferred: 'date inferred',
    noDate: 'undated',
    footerAbout:
      'Every factual statement on this site carries a footnote to a published source. Where a source article errs, an editor’s note says so.',
    pageNotFound: 'Page not found',
    editThisPage: 'Edit this page',
    lastChanged: 'Last changed',
    pageHistory: 'Page history',
    citeThisPage: 'Cite this page',
    correctionsIntro:
      'The explainers rewrite published news articles. Where an article is wrong or imprecise, the explainer states what holds, cites the evidence, and shows an editor’s note. This page lists every such place.',
    claim: (claim: string) => `Claim ${claim}`,
    article: 'Article',
    peopleIntro:
      'Each person is named with one house spelling throughout; other spellings found in sources are listed. Titles are given with their dates, so a former office is always clear.',
    timelineIntro: 'Every event in date order. Where only the month or year is known, the date says so.',
    sourcesIntro: (count: number) => `Every source cited on this site, with the places that cite it. ${count} sources.`,
    noteNumber: (n: number) => `note ${n}`,
    peopleLabel: 'People',
    sourcesLabel: 'Sources',
    notFoundAlso: 'Or browse:',
    notFoundDescription: 'This page does not exist. Here is where to find the explainers.',
    notFoundIntro: 'The address may be mistyped, or the page may have moved. These are the explainers on this site:',
    timelineDescription: 'Every event in the explainers in date order, each with its sources.',
    peopleDescription: 'The people in the explainers: the spelling we use, other spellings, and their roles with dates.',
    sourcesDescription: 'Every source the explainers cite, and where each is cited.',
    correctionsDescription: 'Every place where the source articles err, what the explainer says instead, and the evidence.',
    search: 'Search the explainers',
    searchPlaceholder: 'Search people, places, events…',
    searchNone: 'No results.',
    searchCount: '{n} results',
    close: 'Close',
    downloadCsl: 'Download CSL-JSON',
    downloadBibtex: 'Download BibTeX',
    membershipTitle: 'Membership of the Collective Security Treaty, 1992 to June 2024',
    membershipDescription:
      'A bar for each state shows the years it took part in the Treaty; a hatched bar shows participation that Armenia said it had frozen. The same data is in the table that follows.',
    membershipMember: 'Party to the Treaty',
    membershipFrozen: 'Participation frozen (Armenia’s statement)',
    membershipTable: 'The chart’s data as a table',
    membershipState: 'State',
    membershipChanges: 'Changes, with dates',
    print: 'Print',
    downloadPdf: 'Download PDF',
    readOnOnePage: 'Read on one page',
    readByChapter: 'Read chapter by chapter',
    explainerTools: 'Print and download',
    wholeExplainer: 'The whole explainer on one page',
    contents: 'Contents',
    onlineAt: 'Online at',
  },
} as const;

export type Lang = keyof typeof UI;
export type UiStrings = (typeof UI)[Lang];

export function strings(lang: Lang = 'en'): UiStrings {
  return UI[lang];
}
