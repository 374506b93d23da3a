import { describe, expect, test } from 'vitest';
import { drawCard } from '../../src/social/card-drawing.ts';
import { mapFor } from '../../src/map/explainer-map.ts';
import { renderSocialImage } from '../../src/social/social-image.ts';
import { SOCIAL_IMAGE } from '../../src/social/social-cards.ts';

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

  test("draw an explainer's locator map beside the description", async () => {
    const card = { title: 'A title', description: 'A dek.' };
    const map = mapFor({ until: '2024-06-13', accent: 'armenia belarus' });
    const [without, withMap] = await Promise.all([renderSocialImage(card), renderSocialImage({ ...card, map })]);
    expect(Buffer.from(withMap).subarray(1, 4).toString('ascii')).toBe('PNG');
    // The map's shapes and labels add to the picture: a larger PNG than the card without them.
    expect(withMap.length).toBeGreaterThan(without.length + 5_000);
  });
});

describe('drawing cards in worker threads', () => {
  test('many cards asked for at once each come back as their own image', async () => {
    const titles = ['One', 'Two', 'Three', 'Four', 'Five'];
    const pngs = await Promise.all(titles.map((title) => renderSocialImage({ title, description: `The card called ${title}.` })));
    for (const png of pngs) expect(Buffer.from(png).subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(new Set(pngs.map((png) => Buffer.from(png).toString('base64'))).size).toBe(titles.length);
  });

  test('a card that cannot be drawn fails with the reason, and the next one is drawn', async () => {
    // satori refuses an image without an absolute address.
    const tree = { type: 'img', props: { src: 'nowhere' } };
    await expect(drawCard({ tree, width: 10, height: 10 }, [])).rejects.toThrow(/could not be drawn.*absolute URL/s);
    const png = await renderSocialImage({ title: 'After a failure', description: 'Still drawn.' });
    expect(Buffer.from(png).subarray(1, 4).toString('ascii')).toBe('PNG');
  });
});
