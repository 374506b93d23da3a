/**
 * Prints a Markdown table, padded for the terminal, so the output reads well in a shell and can be
 * pasted into docs/performance.md unchanged. Columns of numbers are right-aligned.
 */
export function printTable(title: string, headers: string[], rows: (string | number)[][]): void {
  const cells = rows.map((row) => row.map(String));
  const widths = headers.map((header, i) => Math.max(header.length, ...cells.map((row) => (row[i] ?? '').length), 3));
  const numeric = headers.map((_, i) => cells.length > 0 && cells.every((row) => /^[-\d.,×x%~ ]+$|^–$/.test(row[i] ?? '')));
  const line = (row: string[]) =>
    `| ${row.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join(' | ')} |`;
  console.log(`\n### ${title}\n`);
  console.log(line(headers));
  console.log(`| ${widths.map((width, i) => (numeric[i] ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`);
  for (const row of cells) console.log(line(row));
}

/** A number with fixed decimals, or an en dash when unknown. */
export const fixed = (value: number | undefined, digits = 1): string =>
  value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits);

export const median = (values: number[]): number => {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
