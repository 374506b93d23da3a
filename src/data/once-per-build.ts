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

/** The same for a value per key: computed once per build for each key, on every request in `astro dev`. */
export function oncePerBuildFor<A, T>(keyOf: (argument: A) => string, compute: (argument: A) => Promise<T>): (argument: A) => Promise<T> {
  const values = new Map<string, Promise<T>>();
  return (argument) => {
    if (import.meta.env.DEV) return compute(argument);
    const key = keyOf(argument);
    let value = values.get(key);
    if (!value) values.set(key, (value = compute(argument)));
    return value;
  };
}
