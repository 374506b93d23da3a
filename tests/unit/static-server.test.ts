import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { requestPath, startStaticServer } from '../../src/build/static-server.ts';
import { scratchDir } from './scratch-dir.ts';

/**
 * The local static server (src/build/static-server.ts) that the browser tests and the PDF printer
 * read the built site through: started on a free port over a scratch site with traps beside it.
 */

const scratch = scratchDir('static-server');
const root = join(scratch, 'site');
function write(path: string, text: string) {
  mkdirSync(dirname(join(scratch, path)), { recursive: true });
  writeFileSync(join(scratch, path), text);
}
write('site/index.html', '<p>home</p>');
write('site/people/index.html', '<p>people</p>');
write('site/404.html', '<p>not here</p>');
write('site/_astro/page.css', 'p{}');
write('site/cite.bib', '@misc{x}');
write(
  'site/_headers',
  ['# comment', '/*', '  X-Test: every page', '  X-Frame-Options: DENY', '/_astro/*', '  Cache-Control: immutable'].join('\n'),
);
// A sibling folder whose name starts like the root, and a folder elsewhere that links point into.
write('site-private/secret.html', 'SECRET sibling');
write('outside/secret.html', 'SECRET outside');
symlinkSync(join(scratch, 'outside'), join(root, 'linked-folder'));
symlinkSync(join(scratch, 'outside/secret.html'), join(root, 'linked.html'));
// A link that stays inside the site is served.
symlinkSync(join(root, 'people/index.html'), join(root, 'alias.html'));

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let server: Server;
let port: number;

/** A request with the path sent exactly as written (fetch would normalise `..` and escapes first). */
function ask(path: string, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

/** Bytes written to the socket as they are, for what no HTTP client would send. */
function raw(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

beforeAll(async () => {
  const started = await startStaticServer({ root });
  server = started.server;
  port = Number(new URL(started.origin).port);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('serving a built site', () => {
  test('pages, folders, assets and the 404 page', async () => {
    expect(await ask('/')).toMatchObject({ status: 200, body: '<p>home</p>' });
    expect(await ask('/people/')).toMatchObject({ status: 200, body: '<p>people</p>' });
    expect((await ask('/people/')).headers['content-type']).toMatch(/^text\/html/);
    expect(await ask('/people/?q=1')).toMatchObject({ status: 200, body: '<p>people</p>' });
    expect(await ask('/nowhere/')).toMatchObject({ status: 404, body: '<p>not here</p>' });
    expect((await ask('/cite.bib')).headers['content-type']).toMatch(/^text\/plain/);
  });

  test('_headers applies by path pattern, to the 404 page too', async () => {
    const home = await ask('/');
    expect(home.headers['x-test']).toBe('every page');
    expect(home.headers['x-frame-options']).toBe('DENY');
    expect(home.headers['cache-control']).not.toBe('immutable');
    expect((await ask('/_astro/page.css')).headers['cache-control']).toBe('immutable');
    expect((await ask('/nowhere/')).headers['x-test']).toBe('every page');
  });

  test('only GET and HEAD are answered', async () => {
    const head = await ask('/', 'HEAD');
    expect(head).toMatchObject({ status: 200, body: '' });
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const answer = await ask('/', method);
      expect(answer.status, method).toBe(405);
      expect(answer.headers['allow'], method).toBe('GET, HEAD');
    }
  });

  test('a malformed address gets 400, and the server answers the next request', async () => {
    for (const path of ['/%E0%A4%A', '/%zz', '/people/%', '/%C0%AF', '/a%00b']) {
      expect((await ask(path)).status, path).toBe(400);
    }
    expect(await raw('GET /\u0000 HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(await raw('NONSENSE\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(await ask('/')).toMatchObject({ status: 200, body: '<p>home</p>' });
  });

  test('nothing outside the folder is served: climbing out, a sibling folder named like it, symbolic links', async () => {
    for (const path of [
      '/../site-private/secret.html',
      '/..%2fsite-private/secret.html',
      '/%2e%2e/site-private/secret.html',
      '/%2E%2E%2Fsite-private%2Fsecret.html',
      '/../outside/secret.html',
      '/linked-folder/secret.html',
      '/linked.html',
      '/linked',
      '/..%5csite-private%5csecret.html',
    ]) {
      const answer = await ask(path);
      expect(answer.body, path).not.toContain('SECRET');
      expect([400, 404], path).toContain(answer.status);
    }
    // A link that stays inside is followed.
    expect(await ask('/alias.html')).toMatchObject({ status: 200, body: '<p>people</p>' });
  });
});

describe('requestPath', () => {
  test('decodes the path inside the base, and refuses what it cannot read', () => {
    expect(requestPath('/repo/people/?x=%zz', '/repo/')).toEqual({ path: '/people/' });
    expect(requestPath('/repo/caf%C3%A9/', '/repo/')).toEqual({ path: '/café/' });
    expect(requestPath('/other/', '/repo/')).toEqual({ status: 404 });
    expect(requestPath('/repo/%E0%A4%A', '/repo/')).toEqual({ status: 400 });
    expect(requestPath('http://example.org/', '/')).toEqual({ status: 400 });
    expect(requestPath('*', '/')).toEqual({ status: 400 });
  });
});

test('a site under a base path is served only there', async () => {
  const { server: based, origin } = await startStaticServer({ root, base: '/repo/' });
  try {
    expect((await fetch(`${origin}/repo/people/`)).status).toBe(200);
    expect((await fetch(`${origin}/people/`)).status).toBe(404);
  } finally {
    based.close();
  }
});
