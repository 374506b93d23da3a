import { describe, expect, test } from 'vitest';
import { renderSocialImage } from '../../src/lib/social-image';
import { SOCIAL_IMAGE } from '../../src/lib/urls';

describe('social preview images', () => {
  test('are PNGs of the Open Graph size, drawn offline', async () => {
    const png = Buffer.from(
      await renderSocialImage({ title: 'A title that is long enough to wrap onto a second line of the card', description: 'A dek.' }),
    );
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    // IHDR: width and height are the first two big-endian 32-bit numbers after the 16-byte header.
    expect(png.readUInt32BE(16)).toBe(SOCIAL_IMAGE.width);
    expect(png.readUInt32BE(20)).toBe(SOCIAL_IMAGE.height);
  });
});
