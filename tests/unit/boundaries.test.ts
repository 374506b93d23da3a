import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { boundaries } from '../../eslint.config.js';

/** The folder rules of eslint.config.js alone, run on one import written into a file of a folder. */
async function importProblems(file: string, specifier: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: process.cwd(),
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...boundaries],
  });
  const [result] = await eslint.lintText(`import '${specifier}';\n`, { filePath: file });
  return (result?.messages ?? []).map((message) => message.message);
}

describe('folder boundaries', () => {
  it.each([
    ['src/schemas/probe.ts', '../data/catalog.ts'],
    ['src/data/probe.ts', '../markdown/processor.ts'],
    ['src/data/probe.ts', '../components/json-in-html.ts'],
    ['src/build/probe.ts', '../data/catalog.ts'],
    ['src/markdown/probe.ts', '../checks/index.ts'],
    ['src/client/probe.ts', '../data/catalog.ts'],
    ['src/citations/dev-routes/probe.ts', '../../editions/pdf-editions.ts'],
    ['src/components/probe.ts', '../integrations/pdf-edition.ts'],
  ])('%s may not import %s', async (file, specifier) => {
    const problems = await importProblems(file, specifier);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/may import only|Astro build hooks/);
  });

  it.each([
    ['src/data/probe.ts', '../schemas/source.ts'],
    ['src/data/probe.ts', '../routes.ts'],
    ['src/markdown/probe.ts', '../data/catalog.ts'],
    ['src/checks/probe.ts', '../markdown/processor.ts'],
    ['src/editions/probe.ts', '../build/chromium.ts'],
    ['src/integrations/probe.ts', '../editions/pdf-editions.ts'],
    ['src/data/probe.ts', './dates.ts'],
    ['src/pages/probe.ts', '../editions/pdf-settings.ts'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await importProblems(file, specifier)).toEqual([]);
  });
});
