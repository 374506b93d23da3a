import { describe, expect, it } from 'vitest';
import type { ChapterLike } from '../../src/data/explainer-structure.ts';
import { pdfEditionsOf } from '../../src/editions/pdf-editions.ts';
import { pdfPath, wholeExplainerPath } from '../../src/routes.ts';
import { SITE } from '../../src/site.config.ts';

/** A chapter as the catalog reads it: only what an edition's metadata needs is filled in. */
function chapter(explainer: string, file: string, order: number, title: string, updated: string): ChapterLike {
  return {
    id: `${explainer}/${file}`,
    filePath: `content/explainers/${explainer}/${file}.mdx`,
    data: { explainer, order, title, dek: `The dek of ${title}`, updated: { iso: updated } } as unknown as ChapterLike['data'],
  };
}

describe('the PDF editions, from the data', () => {
  const editions = pdfEditionsOf([
    chapter('second', 'index', 0, 'Second story', '2024-06-01'),
    chapter('first', 'background', 1, 'Background', '2024-07-01'),
    chapter('first', 'index', 0, 'First story', '2024-05-01'),
  ]);

  it('gives one edition per explainer, printed from its one-page edition to the address routes give', () => {
    expect(editions.map((edition) => edition.file).sort()).toEqual([pdfPath('first'), pdfPath('second')]);
    const first = editions.find((edition) => edition.file === pdfPath('first'))!;
    expect(first.page).toBe(`${wholeExplainerPath('first')}index.html`);
  });

  it('takes its metadata from the overview and the site, not from a part', () => {
    const first = editions.find((edition) => edition.file === pdfPath('first'))!;
    expect(first).toMatchObject({
      title: 'First story',
      subject: 'The dek of First story',
      updated: '2024-05-01',
      author: SITE.name,
      lang: SITE.lang,
    });
  });
});
