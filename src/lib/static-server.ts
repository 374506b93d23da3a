import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { createGzip } from 'node:zlib';

/**
 * Serves a built site from a folder on 127.0.0.1, as a static host would: directories answer with
 * their index.html, unknown paths with 404.html, and the folder's `_headers` file (the format
 * Netlify and Cloudflare Pages read) adds its headers, so tests see the Content-Security-Policy
 * readers get. Used by the browser tests, the PDF edition and the benchmark.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.bib': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

interface HeaderRule {
  pattern: string;
  headers: [string, string][];
}

/** `_headers` blocks: a path pattern line (exact, or ending in `*`), then indented `Name: value` lines. */
export function readHeaderRules(root: string): HeaderRule[] {
  const file = join(root, '_headers');
  if (!existsSync(file)) return [];
  const rules: HeaderRule[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const [name = '', value = ''] = line.trim().split(/:\s*(.*)/s);
      rules.at(-1)?.headers.push([name, value]);
    }
  }
  return rules;
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

const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json)|image\/svg)/;

export function startStaticServer({
  root: folder,
  port = 0,
  base = '/',
  compress = false,
}: StaticServerOptions): Promise<{ server: Server; origin: string }> {
  const root = resolve(folder);
  const rules = readHeaderRules(root);
  const matches = (pattern: string, path: string) => (pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : pattern === path);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!path.startsWith(base)) return void response.writeHead(404).end();
    let file = normalize(join(root, path.slice(base.length)));
    if (!file.startsWith(root)) return void response.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = existsSync(file);
    if (!found) file = join(root, '404.html');
    if (!existsSync(file)) return void response.writeHead(404).end();
    const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
    for (const rule of rules) if (matches(rule.pattern, path)) for (const [name, value] of rule.headers) headers[name] = value;
    const gzip =
      compress && COMPRESSIBLE.test(headers['content-type'] ?? '') && /\bgzip\b/.test(String(request.headers['accept-encoding']));
    if (gzip) headers['content-encoding'] = 'gzip';
    response.writeHead(found ? 200 : 404, headers);
    const body = createReadStream(file);
    if (gzip) body.pipe(createGzip()).pipe(response);
    else body.pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolvePromise({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    });
  });
}
