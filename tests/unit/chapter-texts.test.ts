import { expect, test } from 'vitest';
import { keepChapterText, takeChapterText } from '../../src/components/explainer/chapter-texts.ts';

test("a chapter's text kept by the one-page edition is taken once, by its own page", () => {
  keepChapterText('story/background', '<p>Background</p>');
  keepChapterText('story/scandal', '<p>Scandal</p>');
  expect(takeChapterText('story/background')).toBe('<p>Background</p>');
  expect(takeChapterText('story/background')).toBeUndefined();
  expect(takeChapterText('story/scandal')).toBe('<p>Scandal</p>');
  expect(takeChapterText('story/never-kept')).toBeUndefined();
});
