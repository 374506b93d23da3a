import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { parseAllHeaders, type Header } from '@netlify/headers-parser';
import sirv from 'sirv';

/**
 * Serves a built site from a folder on 127.0.0.1, as a static host would: directories answer with
 * their index.html, unknown paths with 404.html, and the folder's `_headers` file (the format
 * Netlify and Cloudflare Pages read) adds its headers, so tests see the Content-Security-Policy
 * readers get. Used by the browser tests, the PDF edition and the benchmark.
 *
 * The files are served by sirv (what Vite's preview serves with), in its `dev` mode, as Vite does:
 * it looks each file up when asked (a site written after the server started is served whole) and
 * only inside its folder. `_headers` is read by Netlify's own parser, @netlify/headers-parser, which
 * also gives each block's path pattern as a regular expression (`*` and `:placeholder`, as hosts
 * match them). Around sirv this module adds what a static host does and sirv does not:
 *
 * - only GET and HEAD are answered (405 otherwise): the site is read-only;
 * - a request whose address cannot be decoded (`/%E0%A4%A`) gets 400, rather than a guess;
 * - a symbolic link inside the folder that leads outside it is not followed (404), so a link in
 *   `public/` that Astro copied into `dist/` cannot publish the build machine's files locally either;
 * - a missing page answers with the site's own 404.html, status 404.
 */

/** One `_headers` block: the path pattern as written (`/*`), as a regular expression, and its headers. */
export interface HeaderRule {
  pattern: string;
  matches: RegExp;
  headers: [string, string][];
}

/**
 * The `_headers` blocks of a built site, read by @netlify/headers-parser. A line it cannot read is an
 * error here: a header silently dropped would be a security header the tests never see missing.
 */
export async function readHeaderRules(root: string): Promise<HeaderRule[]> {
  const file = join(root, '_headers');
  if (!existsSync(file)) return [];
  const { headers, errors } = await parseAllHeaders({ headersFiles: [file], configHeaders: [], minimal: false });
  if (errors.length > 0) throw new Error(`${file}: ${errors.map((error) => error.message).join('\n')}`);
  return (headers as Header[]).map((header) => ({
    pattern: header.for,
    matches: header.forRegExp,
    headers: Object.entries(header.values),
  }));
}

export interface StaticServerOptions {
  root: string;
  /** 0 picks a free port. */
  port?: number;
  /** The site's base path, e.g. `/` or `/csto-explainer/`; requests outside it get 404. */
  base?: string;
  /** Gzip text as production hosts do (for measuring what readers download). */
  compress?: boolean;
}

const ALLOWED_METHODS = new Set(['GET', 'HEAD']);

/** Types sirv's table (mrmime) does not know; sirv keeps a Content-Type set before it answers. */
const EXTRA_TYPES: Record<string, string> = { '.bib': 'text/plain; charset=utf-8' };

/** The path of a request inside the site, decoded, or why it cannot be served. */
type Target = { path: string } | { status: 400 | 404 };

/**
 * The request's path, percent-decoded, relative to the base path (with a leading `/`). Only
 * origin-form targets (`/path?query`) are read; a NUL byte or an undecodable escape is a bad request.
 */
export function requestPath(url: string | undefined, base: string): Target {
  if (!url?.startsWith('/')) return { status: 400 };
  const raw = url.replace(/[?#].*$/s, '');
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return { status: 400 };
  }
  if (path.includes('\0')) return { status: 400 };
  if (!path.startsWith(base)) return { status: 404 };
  return { path: `/${path.slice(base.length)}` };
}

/**
 * Whether the file sirv would serve for `path` stays inside the site folder once every symbolic link
 * is followed. Each name sirv tries for a path (itself, `.html`, `/index.html`) is checked.
 */
export function staysInside(realRoot: string, path: string): boolean {
  const file = resolve(realRoot, `.${path}`);
  if (file !== realRoot && !file.startsWith(realRoot + sep)) return false;
  const stem = file.replace(/[/\\]+$/, '');
  for (const candidate of [file, `${stem}.html`, `${stem}.htm`, join(stem, 'index.html'), join(stem, 'index.htm')]) {
    let real: string;
    try {
      real = realpathSync(candidate);
    } catch {
      continue; // not there
    }
    if (real !== realRoot && !real.startsWith(realRoot + sep)) return false;
  }
  return true;
}

export async function startStaticServer({
  root: folder,
  port = 0,
  base: givenBase = '/',
  compress = false,
}: StaticServerOptions): Promise<{ server: Server; origin: string }> {
  const root = realpathSync(resolve(folder));
  const base = givenBase.replace(/\/?$/, '/');
  const rules = await readHeaderRules(root);
  const notFoundPage = join(root, '404.html');
  const files = sirv(root, { dev: true, etag: true, dotfiles: false });
  const gzip = compress ? (await import('compression')).default() : undefined;

  const notFound = (response: ServerResponse) => {
    if (!existsSync(notFoundPage) || !staysInside(root, '/404.html')) return void response.writeHead(404).end();
    const body = readFileSync(notFoundPage);
    response.writeHead(404, { 'content-type': 'text/html;charset=utf-8', 'content-length': body.length });
    response.end(response.req.method === 'HEAD' ? undefined : body);
  };

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    if (!ALLOWED_METHODS.has(request.method ?? '')) {
      return void response.writeHead(405, { allow: 'GET, HEAD' }).end();
    }
    const target = requestPath(request.url, base);
    if ('status' in target) return void response.writeHead(target.status).end();
    for (const rule of rules) {
      if (rule.matches.test(target.path)) for (const [name, value] of rule.headers) response.setHeader(name, value);
    }
    if (!staysInside(root, target.path)) return notFound(response);
    const extraType = EXTRA_TYPES[extname(target.path)];
    if (extraType) response.setHeader('content-type', extraType);
    // sirv reads the path from request.url: give it the path inside the site, query kept.
    request.url = encodeURI(target.path) + (request.url!.match(/\?.*$/s)?.[0] ?? '');
    const serve = () => files(request, response, () => notFound(response));
    if (gzip) gzip(request as never, response as never, serve);
    else serve();
  };

  const server = createServer((request, response) => {
    try {
      handle(request, response);
    } catch (error) {
      // Whatever one request does, the server stays up for the next (and the build with it).
      console.error(`static server: ${request.method} ${request.url}: ${String(error)}`);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    }
  });
  // Requests Node's parser rejects (a malformed request line or header) get 400, and the socket closes.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolvePromise({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    });
  });
}
