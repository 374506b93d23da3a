import { describe, expect, it } from 'vitest';
import {
  chapterPath,
  chapterSlug,
  citationFileName,
  citationFilePath,
  correctionPath,
  editorsNoteId,
  footnoteId,
  footnoteRefId,
  historyPath,
  historyPathOfFile,
  inSitemap,
  pdfPath,
  personPath,
  socialImagePath,
  sourcePath,
  wholeExplainerPath,
} from '../../src/routes.ts';

/** A chapter as the content layer gives it: the overview's entry id is its explainer's, its file is index.mdx. */
const overview = { id: 'story', filePath: 'content/explainers/story/index.mdx', data: { explainer: 'story' } };
const part = { id: 'story/background', filePath: 'content/explainers/story/background.mdx', data: { explainer: 'story' } };

describe('routes', () => {
  it('gives a chapter its address from its file name, the overview the explainer’s own', () => {
    expect(chapterSlug(overview)).toBe('index');
    expect(chapterPath(overview)).toBe('story/');
    expect(chapterSlug(part)).toBe('background');
    expect(chapterPath(part)).toBe('story/background/');
    // Without a file path (a check's own reading), the entry id says the same.
    expect(chapterPath({ id: 'story/background', data: { explainer: 'story' } })).toBe('story/background/');
  });

  it('derives every page of a chapter from its address', () => {
    expect(historyPath(overview)).toBe('history/story/');
    expect(historyPath(part)).toBe('history/story/background/');
    expect(citationFileName(overview)).toBe('story/overview');
    expect(citationFilePath(part, 'bib')).toBe('cite/story/background.bib');
    expect(socialImagePath('story/background/')).toBe('social/story/background/index.png');
    expect(socialImagePath('')).toBe('social/index.png');
  });

  it('finds a chapter’s page history from its file, and only for chapters', () => {
    expect(historyPathOfFile(part.filePath, 'content/explainers/')).toBe(historyPath(part));
    expect(historyPathOfFile(overview.filePath, 'content/explainers')).toBe(historyPath(overview));
    expect(historyPathOfFile('content/people/putin.yaml', 'content/explainers')).toBeUndefined();
    expect(historyPathOfFile('content/explainers/story/notes.md', 'content/explainers')).toBeUndefined();
  });

  it('puts both editions of an explainer in its folder', () => {
    expect(wholeExplainerPath('story')).toBe('story/all/');
    expect(pdfPath('story')).toBe('story/story.pdf');
  });

  it('addresses an entry on each reference page by its id', () => {
    expect(personPath('putin')).toBe('people/#putin');
    expect(sourcePath('tass-2024')).toBe('sources/#tass-2024');
    expect(correctionPath('wrong-year')).toBe('corrections/#wrong-year');
  });

  it('gives notes and editor’s notes ids that carry their chapter, so joined chapters never clash', () => {
    expect(footnoteId('background-1')).toBe('user-content-fn-background-1');
    expect(footnoteRefId('background-1')).toBe('user-content-fnref-background-1');
    expect(editorsNoteId('background', 'wrong-year')).not.toBe(editorsNoteId('reactions', 'wrong-year'));
  });

  it('leaves page histories out of the sitemap, and nothing else', () => {
    expect(inSitemap('https://example.org/history/story/')).toBe(false);
    expect(inSitemap('https://example.org/story/history/')).toBe(true);
    expect(inSitemap('https://example.org/people/')).toBe(true);
  });
});
