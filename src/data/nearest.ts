/**
 * Edit distance between two strings (Levenshtein), for "did you mean" hints. Written here rather
 * than taken from a package (leven, fastest-levenshtein): a dozen lines, over ids of a few dozen
 * characters, where speed does not matter and a dependency would be the larger thing to maintain.
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The known ids closest to an unknown one, best first. */
export function nearest(unknown: string, known: Iterable<string>, count = 3): string[] {
  return [...known]
    .map((id) => ({ id, distance: editDistance(unknown, id) }))
    .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id))
    .slice(0, count)
    .map(({ id }) => id);
}
