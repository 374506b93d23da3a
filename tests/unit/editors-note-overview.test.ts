import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderMdx } from './render-mdx.ts';
import { scratchDir } from './scratch-dir.ts';

/**
 * On the overview (index.mdx, chapter 0) an editor's note is one line that links to the full note in
 * the chapter that carries it, or to the corrections page where none does; elsewhere it is in full.
 */
const CHAPTER = `---
explainer: story
order: 2
title: The long title
navTitle: Background
---

The treaty was signed in 1992.[@treaty-text]

<EditorsNote id="wrong-year" />
`;
const OVERVIEW = `In brief.[@treaty-text]\n\n<EditorsNote id="wrong-year" />\n`;

describe('an editor’s note on the overview', () => {
  test('is one line, with no notes of its own, linking to the full note in the chapter that carries it', async () => {
    const dir = scratchDir('overview-note');
    writeFileSync(join(dir, 'background.mdx'), CHAPTER);
    writeFileSync(join(dir, 'index.mdx'), OVERVIEW);
    const { html } = await renderMdx(join(dir, 'index.mdx'));
    const note = /<aside[^>]*class="editors-note editors-note-brief"[^>]*>([\s\S]*?)<\/aside>/.exec(html)?.[1];
    expect(note).toBeDefined();
    expect(note).not.toContain('data-footnote-ref');
    expect(note).toContain('href="/story/background/#background-correction-wrong-year"');
    expect(note).toContain('Full note in “Background”');
  });

  test('links to the corrections page when no chapter carries the full note', async () => {
    const dir = scratchDir('overview-note');
    writeFileSync(join(dir, 'index.mdx'), OVERVIEW);
    const { html } = await renderMdx(join(dir, 'index.mdx'));
    expect(html).toContain('href="/corrections/#wrong-year"');
    expect(html).toContain('editors-note-brief');
  });

  test('is in full, with its evidence, in a chapter', async () => {
    const dir = scratchDir('overview-note');
    writeFileSync(join(dir, 'background.mdx'), CHAPTER.replace(/^---[\s\S]*?---\n/, ''));
    const { html } = await renderMdx(join(dir, 'background.mdx'));
    const note = /<aside[^>]*class="editors-note"[^>]*>([\s\S]*?)<\/aside>/.exec(html)?.[1];
    expect(note).toContain('data-footnote-ref');
    expect(html).not.toContain('editors-note-brief');
  });
});
