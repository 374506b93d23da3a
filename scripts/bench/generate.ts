/**
 * A synthetic content tree on its own, to build or profile by hand:
 *   node scripts/bench/generate.ts <folder> <chapters> [explainers]
 * then `CONTENT_ROOT=<folder>/content npx astro build --outDir <dist>`.
 */
import { generateContent } from './synthetic-content.ts';

const [folder, chapters, explainers = '1'] = process.argv.slice(2);
if (!folder || !(Number(chapters) >= 1)) throw new Error('usage: generate.ts <folder> <chapters> [explainers]');
const tree = generateContent(folder, Number(chapters), 1, Number(explainers));
console.log(`CONTENT_ROOT=${tree.contentRoot}`);
