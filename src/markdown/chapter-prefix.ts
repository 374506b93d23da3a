import { basename, extname } from 'node:path';
import type { VFile } from 'vfile';

/**
 * The prefix that keeps a chapter's footnote ids its own: the chapter's file name (`background`,
 * `index`). Chapters shown together on the whole-explainer page then never share an id.
 */
export function chapterPrefix(file: VFile): string {
  return basename(file.path ?? 'chapter', extname(file.path ?? '')).replace(/[^a-z0-9-]/gi, '-');
}
