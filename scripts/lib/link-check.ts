/**
 * Checks that the sources' addresses still answer, politely: one request at a time to any one host,
 * a pause between them, a few hosts at once, a time limit on each request, and a user agent that says
 * who is asking. A page is reported dead only when the server says it is gone (404, 410) or the host
 * no longer exists; anything else that fails (403 from a bot wall, 429, 5xx, a time-out) is listed
 * apart as "could not check", since it is often temporary or aimed at robots rather than readers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, isMap, isScalar } from 'yaml';

export interface SourceLink {
  /** The source file, relative to the project: content/sources/<id>.yaml */
  file: string;
  line: number;
  field: 'url' | 'archived';
  url: string;
}

export type LinkVerdict = 'ok' | 'dead' | 'unchecked';

export interface LinkResult extends SourceLink {
  verdict: LinkVerdict;
  /** What the server or the network said: `404`, `ENOTFOUND`, `timed out after 20 s`. */
  detail: string;
}

/** Every `url` and `archived` address in the source files of `dir`, with the line it is on. */
export function sourceLinks(dir: string): SourceLink[] {
  const links: SourceLink[] = [];
  for (const name of readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()) {
    const file = join(dir, name);
    const text = readFileSync(file, 'utf8');
    const document = parseDocument(text);
    if (!isMap(document.contents)) continue;
    for (const field of ['url', 'archived'] as const) {
      const node = document.contents.get(field, true);
      if (!isScalar(node) || typeof node.value !== 'string') continue;
      const offset = node.range?.[0] ?? 0;
      links.push({ file, line: text.slice(0, offset).split('\n').length, field, url: node.value });
    }
  }
  return links;
}

export interface CheckOptions {
  /** The fetch to use; tests pass their own, so the suite never touches the network. */
  fetch?: typeof fetch;
  /** Hosts checked at the same time. */
  concurrency?: number;
  /** Pause between two requests to the same host, in ms. */
  pauseMs?: number;
  /** Time limit on each request, in ms. */
  timeoutMs?: number;
  userAgent?: string;
  /** Waits `ms`; tests replace it so they need not wait. */
  sleep?: (ms: number) => Promise<void>;
}

const GONE = new Set([404, 410]);
/** Network errors that mean the address cannot work any more, rather than "try later". */
const HOST_GONE = new Set(['ENOTFOUND', 'ERR_INVALID_URL']);

function errorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error as { code?: string }).code ?? (error as Error).name ?? 'error';
}

/** One address: HEAD first (cheap), then GET where the server refuses HEAD or answers it oddly. */
async function checkOne(
  url: string,
  options: Required<Omit<CheckOptions, 'concurrency'>>,
): Promise<{ verdict: LinkVerdict; detail: string }> {
  const request = async (method: 'HEAD' | 'GET') => {
    const response = await options.fetch(url, {
      method,
      redirect: 'follow',
      headers: { 'user-agent': options.userAgent, accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    // Only the status matters; do not download the page.
    await response.body?.cancel();
    return response.status;
  };
  try {
    let status = await request('HEAD');
    if (status >= 400) {
      await options.sleep(options.pauseMs);
      status = await request('GET');
    }
    if (status < 400) return { verdict: 'ok', detail: String(status) };
    return { verdict: GONE.has(status) ? 'dead' : 'unchecked', detail: String(status) };
  } catch (error) {
    const code = errorCode(error);
    if (code === 'TimeoutError') return { verdict: 'unchecked', detail: `timed out after ${Math.round(options.timeoutMs / 1000)} s` };
    return { verdict: HOST_GONE.has(code) ? 'dead' : 'unchecked', detail: code };
  }
}

/** Checks each distinct address once; every link that shares it gets its result. */
export async function checkLinks(links: SourceLink[], options: CheckOptions = {}): Promise<LinkResult[]> {
  const settings = {
    fetch: options.fetch ?? fetch,
    pauseMs: options.pauseMs ?? 1000,
    timeoutMs: options.timeoutMs ?? 20_000,
    userAgent: options.userAgent ?? 'footnoted-link-check/1 (+https://github.com/footnoted-explainers/csto-explainer)',
    sleep: options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
  };
  const byHost = new Map<string, string[]>();
  for (const url of new Set(links.map((link) => link.url))) {
    let host = 'invalid';
    try {
      host = new URL(url).host;
    } catch {
      // Checked below and reported as dead: the address cannot be requested at all.
    }
    byHost.set(host, [...(byHost.get(host) ?? []), url]);
  }
  const results = new Map<string, { verdict: LinkVerdict; detail: string }>();
  const queue = [...byHost.values()];
  const worker = async () => {
    for (let urls = queue.shift(); urls; urls = queue.shift()) {
      for (const [index, url] of urls.entries()) {
        if (index > 0) await settings.sleep(settings.pauseMs);
        results.set(url, await checkOne(url, settings));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return links.map((link) => ({ ...link, ...results.get(link.url)! }));
}

/** The report in Markdown, for the job summary: dead links first, then those that could not be checked. */
export function linkReport(results: LinkResult[]): string {
  const dead = results.filter((result) => result.verdict === 'dead');
  const unchecked = results.filter((result) => result.verdict === 'unchecked');
  const row = (result: LinkResult) =>
    `| \`${result.file}:${result.line}\` | ${result.field} | ${result.url.replaceAll('|', '%7C')} | ${result.detail} |`;
  const table = (items: LinkResult[]) => ['| Source | Field | Address | Answer |', '| --- | --- | --- | --- |', ...items.map(row)];
  const lines = [
    '## Source links',
    '',
    `${results.length} addresses in the sources: ${results.length - dead.length - unchecked.length} answer, ${dead.length} dead, ${unchecked.length} could not be checked.`,
    '',
  ];
  if (dead.length > 0) {
    lines.push(
      '### Dead',
      '',
      "The server says the page is gone, or the host no longer exists. Find the page's new address, or an archived copy (`archived:`).",
      '',
      ...table(dead),
      '',
    );
  }
  if (unchecked.length > 0) {
    lines.push(
      '### Could not be checked',
      '',
      'Often temporary, or a wall against robots: open each in a browser before changing anything.',
      '',
      ...table(unchecked),
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
