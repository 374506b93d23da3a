import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_PATH } from './lighthouse.ts';
import { median } from './table.ts';

/**
 * One clean (or warm) `astro build` of a project, timed, with its peak memory and the time of each phase as
 * Astro logs it. "Clean" means no dist/ and no content-layer or Vite cache, as on a CI runner.
 *
 * Peak memory is the maximum resident set size, from GNU time when present (it sees the whole run,
 * including the moment of exit); otherwise we poll the process's own high-water mark, VmHWM in
 * /proc, which loses nothing between polls because the kernel keeps the maximum for us. Either way
 * it is Node's: Chromium's renderers, started by the PDF edition, are not reliably included.
 */
export interface BuildFigures {
  /** Wall-clock seconds, process start to exit (includes Node start-up and config loading). */
  seconds: number;
  /** Node's maximum RSS (GNU time, or VmHWM). The PDF edition's Chromium renderer is not reliably counted. */
  peakRssMb: number;
  /**
   * CPU seconds, user and system, of the build and every process it waited for (GNU time; NaN
   * without it). Beside the wall time, it shows the work a machine with more cores could overlap.
   */
  cpuSeconds: number;
  pages: number;
  /** Seconds per phase, from Astro's log. */
  phases: {
    /** Syncing content collections and generating types ("Collecting build info"). */
    collect: number;
    /** Vite/Rolldown bundling, which compiles every MDX file through the Markdown pipeline. */
    bundle: number;
    /** Running each page's code and writing its HTML ("generating static routes"). */
    render: number;
    /**
     * The rest of the wall time: Node start-up, loading the config (our content check reads all data
     * there), and the integrations' build:done hooks (sitemap, search index, PDF edition).
     */
    other: number;
  };
  log: string;
  /** True when the build was stopped at the time limit: the figures are then lower bounds. */
  timedOut: boolean;
  /** Seconds the PDF edition took, from its log line (0 when there is none, or it was skipped). */
  pdfSeconds: number;
  /**
   * The largest resident set of any one Chromium process the build started (its renderer, which
   * lays out and prints the editions), polled every half second from /proc; 0 where none ran or
   * there is no /proc.
   */
  chromiumPeakMb: number;
}

/** Astro's log line per generated file, "├─ /people/index.html (+15ms)", as [path, seconds] pairs. */
export function routeTimes(log: string): [string, number][] {
  return [...log.matchAll(/[├└]─ (\S+) \(\+([^)]+)\)/g)].map(([, path, time]) => [path!, durationSeconds(time)]);
}

const GNU_TIME = '/usr/bin/time';

/**
 * A build that runs past `timeoutSeconds` is stopped, with everything it started (its own process
 * group, so the PDF edition's Chromium goes too), and reported as timed out rather than failing the
 * whole benchmark: at 1,000 chapters some steps may take longer than anyone would wait.
 */
export function cleanBuild(project: string, env: Record<string, string> = {}, timeoutSeconds = 1800): Promise<BuildFigures> {
  return timedBuild(project, ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite'], env, timeoutSeconds);
}

/**
 * A build as CI makes it when it restores Astro's cache folder (node_modules/.astro: the content
 * layer's store and our build cache of citation entries, social images and PDF editions) from the
 * last run: only dist/, .astro/ and Vite's cache are gone. The caller changes some content first, as an
 * editor's pull request would.
 */
export function warmBuild(project: string, env: Record<string, string> = {}, timeoutSeconds = 1800): Promise<BuildFigures> {
  return timedBuild(project, ['dist', '.astro', 'node_modules/.vite'], env, timeoutSeconds);
}

function timedBuild(project: string, remove: string[], env: Record<string, string>, timeoutSeconds: number): Promise<BuildFigures> {
  for (const dir of remove) rmSync(join(project, dir), { recursive: true, force: true });
  const astro = join(project, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const useTime = existsSync(GNU_TIME);
  const [command, args] = useTime
    ? [GNU_TIME, ['-f', '\nPEAK_RSS_KB=%M CPU_SECONDS=%U+%S', process.execPath, astro, 'build']]
    : [process.execPath, [astro, 'build']];
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: project,
    detached: true, // its own process group, so that it can be stopped with all its children
    // CHROMIUM_PATH: the site prints its PDF edition with a browser at the end of the build.
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', CHROMIUM_PATH: CHROME_PATH, ...env },
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const stopAll = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  // Ctrl-C reaches only our own process group now; take the build down with us.
  const onSignal = () => {
    stopAll();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    stopAll();
  }, timeoutSeconds * 1000);
  let polledKb = 0;
  const poll = useTime
    ? undefined
    : setInterval(() => {
        try {
          const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
          polledKb = Math.max(polledKb, Number(hwm ?? 0));
        } catch {
          // The process has exited between polls.
        }
      }, 100);

  let chromiumKb = 0;
  const chromiumPoll = setInterval(() => (chromiumKb = Math.max(chromiumKb, largestChromiumKb(child.pid!))), 500);

  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      clearInterval(poll);
      clearInterval(chromiumPoll);
      clearTimeout(timer);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      const seconds = (performance.now() - started) / 1000;
      log = log.replace(/\x1b\[[0-9;]*m/g, '');
      writeFileSync(join(project, 'last-build.log'), log); // kept with --keep, to look at afterwards
      if (code !== 0 && !timedOut) {
        reject(new Error(`astro build failed in ${project} (exit ${code}):\n${log.split('\n').slice(-30).join('\n')}`));
        return;
      }
      const peakKb = useTime ? Number(/PEAK_RSS_KB=(\d+)/.exec(log)?.[1] ?? Number.NaN) : polledKb;
      const cpu = /CPU_SECONDS=([\d.]+)\+([\d.]+)/.exec(log);
      const htmlRoutes = routeTimes(log).filter(([path]) => path.endsWith('.html')).length;
      resolve({
        seconds,
        peakRssMb: peakKb / 1024,
        cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : Number.NaN,
        pages: Number(/(\d+) page\(s\) built/.exec(log)?.[1] ?? htmlRoutes),
        phases: phasesOf(log, seconds),
        pdfSeconds: Number(/PDF editions written in (\d+) ms/.exec(log)?.[1] ?? 0) / 1000,
        chromiumPeakMb: chromiumKb / 1024,
        log,
        timedOut,
      });
    });
  });
}

/**
 * The resident set (kB) of the largest Chromium process among the descendants of process `root`,
 * from /proc (0 without it). Descendants, not the process group: Playwright starts the browser in
 * a group of its own.
 */
function largestChromiumKb(root: number): number {
  const processes: { pid: number; parent: number; comm: string }[] = [];
  try {
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        // /proc/<pid>/stat: pid (comm) state ppid …; comm may hold spaces, so read after its ")".
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        processes.push({ pid: Number(name), parent, comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) });
      } catch {
        // Gone between the listing and the read.
      }
    }
  } catch {
    return 0;
  }
  const descendants = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const { pid, parent } of processes) {
      if (descendants.has(parent) && !descendants.has(pid)) {
        descendants.add(pid);
        grew = true;
      }
    }
  }
  let largest = 0;
  for (const { pid, comm } of processes) {
    if (!descendants.has(pid) || !/chrom/i.test(comm)) continue;
    try {
      largest = Math.max(largest, Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0));
    } catch {
      // Gone.
    }
  }
  return largest;
}

/** "975ms", "1.86s", "2m 18s" → seconds. */
function durationSeconds(text: string | undefined): number {
  const parts = [...(text ?? '').matchAll(/(\d+(?:\.\d+)?)(ms|m|s)\b/g)];
  if (parts.length === 0) return Number.NaN;
  return parts.reduce((sum, [, value, unit]) => sum + Number(value) * ({ ms: 0.001, s: 1, m: 60 } as Record<string, number>)[unit!]!, 0);
}

/**
 * Astro prints "✓ Completed in 975ms." after collecting and after generating, and Vite "✓ built in
 * 2.31s" per bundling pass; past a minute both write "2m 18s".
 */
function phasesOf(log: string, wall: number): BuildFigures['phases'] {
  const after = (marker: string): string | undefined => {
    const at = log.indexOf(marker);
    return at < 0 ? undefined : /Completed in ([^\n]+)/.exec(log.slice(at))?.[1];
  };
  const bundle = [...log.matchAll(/\[vite\] ✓ built in ([^\n]+)/g)].reduce((sum, [, time]) => sum + durationSeconds(time), 0);
  const collect = durationSeconds(after('Collecting build info'));
  const render = durationSeconds(after('generating static routes'));
  return { collect, bundle, render, other: wall - collect - bundle - render };
}

/** The build of median time, carrying the highest peak memory of all of them. */
export function medianBuild(builds: BuildFigures[]): BuildFigures {
  const middle = median(builds.map((b) => b.seconds));
  const build =
    builds.find((b) => b.seconds === middle) ?? builds.toSorted((a, b) => a.seconds - b.seconds)[Math.floor(builds.length / 2)]!;
  return { ...build, seconds: middle, peakRssMb: Math.max(...builds.map((b) => b.peakRssMb)) };
}
