/** What the PDF benchmarks measure and change in a print: Chromium's CPU, the running heads' rules. */
import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds of every process below this one (Chromium's browser, renderers, GPU and utility processes). */
export function childrenCpu(): number {
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const name of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(fields[1]));
      cpu.set(Number(name), (Number(fields[11]) + Number(fields[12])) / 100); // utime + stime, in clock ticks of 1/100 s
    } catch {
      // Gone between the listing and the read.
    }
  }
  let sum = 0;
  for (const [pid, seconds] of cpu) {
    let up = parent.get(pid);
    while (up !== undefined && up > 1 && up !== process.pid) up = parent.get(up);
    if (up === process.pid) sum += seconds;
  }
  return sum;
}

/**
 * Runs in the page: removes the running heads' named pages (one `@page part-N` rule per chapter, and
 * the selector naming it) from its stylesheets; returns how many rules went.
 */
export function removeRunningHeads(): number {
  let count = 0;
  for (const sheet of document.styleSheets) {
    for (let index = sheet.cssRules.length - 1; index >= 0; index--) {
      const text = sheet.cssRules[index]!.cssText;
      if (text.startsWith('@page part-') || (text.startsWith('@media print') && text.includes('page: part-'))) {
        sheet.deleteRule(index);
        count++;
      }
    }
  }
  return count;
}
