/**
 * One value per build process, shared by every copy of the module that asks for it. Astro loads
 * some modules twice in one build (in the config's module graph, where the Markdown transform and
 * the integrations run, and in the pages' bundle), and `astro dev` runs a module again after an
 * edit; what those copies must share lives on globalThis, under a name of this project's.
 */
export function processShared<T>(name: string, make: () => T): T {
  const holder = globalThis as { [key: symbol]: unknown };
  const key = sharedKey(name);
  return (holder[key] ??= make()) as T;
}

/** Forgets a shared value, as a new process would not have it: for tests of what a next build sees. */
export function forgetProcessShared(name: string): void {
  delete (globalThis as { [key: symbol]: unknown })[sharedKey(name)];
}

function sharedKey(name: string): symbol {
  return Symbol.for(`footnoted-explainers.${name}`);
}
