/**
 * A value every page of a build asks for, computed once per build: the explainers, what each
 * chapter reports, which chapters tell what. Computed per page, each of them costs time in
 * proportion to the site, and so the build in proportion to its square (at 1,000 chapters, most of
 * the render phase). In `astro dev` it is computed on every request, since content changes between
 * two of them.
 */
export function oncePerBuild<T>(compute: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (import.meta.env.DEV ? compute() : (value ??= compute()));
}
