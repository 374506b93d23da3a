import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { forgetProcessShared } from '../../src/build/process-shared.ts';
import { BUILD_CACHE_DIR, cacheKey, cachedArtefact, persistentMemo, sweepBuildCache } from '../../src/build/build-cache.ts';

const kind = `test-${process.pid}`;
afterAll(() => rmSync(join(BUILD_CACHE_DIR, kind), { recursive: true, force: true }));

describe('the build cache', () => {
  test('names an artefact by all of its inputs, in order', () => {
    expect(cacheKey('a', 'b')).toBe(cacheKey('a', 'b'));
    expect(cacheKey('a', 'b')).not.toBe(cacheKey('b', 'a'));
    expect(cacheKey('ab')).not.toBe(cacheKey('a', 'b'));
    expect(cacheKey(new Uint8Array([1, 2]))).toMatch(/^[\w-]{32}$/);
  });

  test('makes an artefact once, then serves the kept copy; other inputs make another', async () => {
    let made = 0;
    const make = async () => new Uint8Array([++made]);
    expect([...(await cachedArtefact(kind, cacheKey('one'), 'bin', make))]).toEqual([1]);
    expect([...(await cachedArtefact(kind, cacheKey('one'), 'bin', make))]).toEqual([1]);
    expect([...(await cachedArtefact(kind, cacheKey('two'), 'bin', make))]).toEqual([2]);
    expect(made).toBe(2);
    expect(existsSync(join(BUILD_CACHE_DIR, kind, `${cacheKey('one')}.bin`))).toBe(true);
  });

  test('remembers text across builds: a new process reads back what the last one appended', () => {
    const name = `${kind}-memo`;
    const memo = persistentMemo(name, ['v1']);
    memo.set('key', 'value "quoted"\nand a new line');
    expect(memo.get('key')).toBe('value "quoted"\nand a new line');
    // What a fresh process sees: forget the memos kept in this one.
    forgetProcessShared('persistent-memos');
    expect(persistentMemo(name, ['v1']).get('key')).toBe('value "quoted"\nand a new line');
    expect(persistentMemo(name, ['v2']).get('key')).toBeUndefined();
    const files = readdirSync(join(BUILD_CACHE_DIR, 'memo')).filter((entry) => entry.startsWith(name));
    for (const file of files) rmSync(join(BUILD_CACHE_DIR, 'memo', file));
  });

  test('a sweep keeps what this build used, in the folders it used, and removes the rest', async () => {
    const forget = () => {
      for (const name of ['persistent-memos', 'build-cache-used']) forgetProcessShared(name);
    };
    forget();
    const sweptKind = `${kind}-swept`;
    const untouched = `${kind}-untouched`;
    await cachedArtefact(sweptKind, 'kept', 'bin', async () => new Uint8Array([1]));
    await cachedArtefact(untouched, 'other', 'bin', async () => new Uint8Array([2]));
    writeFileSync(join(BUILD_CACHE_DIR, sweptKind, 'stale.bin'), 'from an older build');
    const memo = persistentMemo(`${kind}-sweep`, ['v1']);
    memo.set('old', 'an entry the next build will not ask for');
    memo.set('new', 'an entry it will');

    // The next build: it asks for one artefact, in one folder, and one memo entry.
    forget();
    await cachedArtefact(sweptKind, 'kept', 'bin', async () => new Uint8Array([9]));
    expect(persistentMemo(`${kind}-sweep`, ['v1']).get('new')).toBe('an entry it will');
    const swept = sweepBuildCache();
    // Only the stale artefact: this file's cache is its own (tests/unit/setup-build-cache.ts).
    expect(swept.files).toBe(1);
    expect(swept.entries).toBe(1);

    expect(readdirSync(join(BUILD_CACHE_DIR, sweptKind))).toEqual(['kept.bin']);
    expect(readdirSync(join(BUILD_CACHE_DIR, untouched))).toEqual(['other.bin']);
    const memoFile = readdirSync(join(BUILD_CACHE_DIR, 'memo')).find((name) => name.startsWith(`${kind}-sweep`))!;
    expect(readFileSync(join(BUILD_CACHE_DIR, 'memo', memoFile), 'utf8')).toBe('["new","an entry it will"]\n');
    for (const folder of [sweptKind, untouched]) rmSync(join(BUILD_CACHE_DIR, folder), { recursive: true, force: true });
  });
});
