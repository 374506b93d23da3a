/**
 * Where each collection lives, relative to the project root. Read by the catalog, whose one reading
 * of the files the content layer's loaders, the citation transform and the checks share. CONTENT_ROOT
 * points the whole site at another content tree, for tests and the benchmark.
 */
export function contentDirs(root: string) {
  const base = root.replace(/^\.\//, '').replace(/\/$/, '');
  return {
    root: base,
    explainers: `${base}/explainers`,
    sources: `${base}/sources`,
    people: `${base}/people`,
    events: `${base}/events`,
    statements: `${base}/statements`,
    corrections: `${base}/corrections`,
    states: `${base}/states`,
    outlets: `${base}/outlets`,
    /** Our own corrections to the explainers (the `corrections` folder holds the source articles' errors). */
    errata: `${base}/errata`,
    /** The articles an explainer is built from, as plain text, for the copy check; never published. */
    articles: `${base}/articles`,
  } as const;
}

export type ContentDirs = ReturnType<typeof contentDirs>;

export const CONTENT_DIRS: ContentDirs = contentDirs(process.env['CONTENT_ROOT'] ?? 'content');
