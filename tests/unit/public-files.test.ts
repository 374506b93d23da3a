import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { linksIn } from '../../src/build/public-files.ts';
import { scratchDir } from './scratch-dir.ts';

test('links in public/ are found, at any depth; files are not', () => {
  const root = scratchDir('public');
  mkdirSync(join(root, 'public/img'), { recursive: true });
  writeFileSync(join(root, 'public/favicon.svg'), '<svg/>');
  symlinkSync('/etc', join(root, 'public/img/outside'));
  symlinkSync('/etc/hostname', join(root, 'public/host.txt'));
  expect(
    linksIn(join(root, 'public'))
      .map((path) => path.split('/').slice(-2).join('/'))
      .sort(),
  ).toEqual(['img/outside', 'public/host.txt']);
});
