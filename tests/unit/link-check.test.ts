import { describe, expect, test } from 'vitest';
import { checkLinks, linkReport, sourceLinks, type SourceLink } from '../../scripts/lib/link-check.ts';

/**
 * The weekly check of the sources' addresses (npm run check:links), with a fake fetch: the suite never
 * touches the network.
 */
const link = (url: string, file = 'content/sources/a.yaml'): SourceLink => ({ file, line: 4, field: 'url', url });

/** A fake server: answers by address, and records each request and how many ran at once per host. */
function fakeFetch(answers: Record<string, number | string>) {
  const requests: string[] = [];
  const inFlight = new Map<string, number>();
  let mostAtOnceOnOneHost = 0;
  let mostAtOnce = 0;
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    const host = new URL(url).host;
    requests.push(`${init?.method ?? 'GET'} ${url} ${new Headers(init?.headers).get('user-agent')}`);
    inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
    mostAtOnceOnOneHost = Math.max(mostAtOnceOnOneHost, inFlight.get(host)!);
    mostAtOnce = Math.max(
      mostAtOnce,
      [...inFlight.values()].reduce((sum, n) => sum + n, 0),
    );
    await new Promise((resolve) => setTimeout(resolve, 2));
    inFlight.set(host, inFlight.get(host)! - 1);
    const answer = answers[url] ?? 200;
    if (typeof answer === 'string') throw Object.assign(new TypeError('fetch failed'), { cause: { code: answer } });
    // A server that refuses HEAD but serves GET.
    if (answer === 405 && init?.method === 'HEAD') return new Response(null, { status: 405 });
    return new Response(answer === 405 ? 'page' : null, { status: answer === 405 ? 200 : answer });
  }) as typeof globalThis.fetch;
  return { fetch, requests, stats: () => ({ mostAtOnceOnOneHost, mostAtOnce }) };
}

const noWait = { sleep: async () => {}, userAgent: 'test-agent' };

test('reads every url and archived address from the source files, with its line', () => {
  const links = sourceLinks('tests/fixtures/content/sources');
  expect(links.length).toBeGreaterThanOrEqual(3);
  const article = links.find((found) => found.file.endsWith('article-one.yaml'))!;
  expect(article).toMatchObject({ field: 'url', url: 'https://news.example.org/article-one' });
  expect(article.line).toBeGreaterThan(1);
});

describe('checking', () => {
  test('404, 410 and a host that no longer exists are dead; 403, 503 and time-outs could not be checked', async () => {
    const answers = {
      'https://a.example/gone': 404,
      'https://a.example/removed': 410,
      'https://nohost.example/': 'ENOTFOUND',
      'https://b.example/bot-wall': 403,
      'https://b.example/down': 503,
      'https://c.example/slow': 'UND_ERR_CONNECT_TIMEOUT',
      'https://c.example/fine': 200,
      'https://c.example/no-head': 405,
    };
    const { fetch } = fakeFetch(answers);
    const urls = Object.keys(answers);
    const results = await checkLinks(
      urls.map((url) => link(url)),
      { ...noWait, fetch },
    );
    expect(Object.fromEntries(results.map((result) => [result.url, `${result.verdict} ${result.detail}`]))).toEqual({
      'https://a.example/gone': 'dead 404',
      'https://a.example/removed': 'dead 410',
      'https://nohost.example/': 'dead ENOTFOUND',
      'https://b.example/bot-wall': 'unchecked 403',
      'https://b.example/down': 'unchecked 503',
      'https://c.example/slow': 'unchecked UND_ERR_CONNECT_TIMEOUT',
      'https://c.example/fine': 'ok 200',
      'https://c.example/no-head': 'ok 200',
    });
  });

  test('is polite: one request at a time to a host, a pause between them, a bounded number of hosts at once, its own user agent', async () => {
    const { fetch, requests, stats } = fakeFetch({});
    const pauses: number[] = [];
    const urls = ['a', 'b', 'c', 'd', 'e', 'f'].flatMap((host) => [1, 2, 3].map((n) => `https://${host}.example/${n}`));
    await checkLinks(
      urls.map((url) => link(url)),
      { fetch, concurrency: 2, pauseMs: 750, userAgent: 'test-agent', sleep: async (ms) => void pauses.push(ms) },
    );
    expect(stats()).toEqual({ mostAtOnceOnOneHost: 1, mostAtOnce: 2 });
    expect(requests).toHaveLength(18);
    expect(requests.every((request) => request.startsWith('HEAD ') && request.endsWith(' test-agent'))).toBe(true);
    // Two pauses per host: before its second and third request.
    expect(pauses).toEqual(Array(12).fill(750));
  });

  test('asks once for an address that two sources share', async () => {
    const { fetch, requests } = fakeFetch({ 'https://a.example/x': 404 });
    const results = await checkLinks([link('https://a.example/x', 'one.yaml'), link('https://a.example/x', 'two.yaml')], {
      ...noWait,
      fetch,
    });
    expect(requests).toHaveLength(2); // HEAD, then GET after the 404
    expect(results.map((result) => `${result.file} ${result.verdict}`)).toEqual(['one.yaml dead', 'two.yaml dead']);
  });
});

test('the report lists dead links with their file and line, apart from those that could not be checked', async () => {
  const { fetch } = fakeFetch({ 'https://a.example/gone': 404, 'https://b.example/wall': 403 });
  const results = await checkLinks(
    [link('https://a.example/gone'), link('https://b.example/wall', 'content/sources/b.yaml'), link('https://c.example/')],
    { ...noWait, fetch },
  );
  const report = linkReport(results);
  expect(report).toContain('3 addresses in the sources: 1 answer, 1 dead, 1 could not be checked.');
  expect(report).toMatch(
    /### Dead[\s\S]*\| `content\/sources\/a\.yaml:4` \| url \| https:\/\/a\.example\/gone \| 404 \|[\s\S]*### Could not be checked[\s\S]*b\.yaml:4/,
  );
  expect(linkReport(results.filter((result) => result.verdict === 'ok'))).not.toContain('###');
});
