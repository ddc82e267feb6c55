import { describe, expect, it } from 'vitest';
import { checkImageSize, gifFrameCount, sniffImage } from './image-header';

function bytes(...parts: (number[] | string)[]): Uint8Array {
  return Uint8Array.from(
    parts.flatMap((part) =>
      typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part,
    ),
  );
}
const u16be = (n: number) => [n >> 8, n & 0xff];
const u16le = (n: number) => [n & 0xff, n >> 8];
const u32be = (n: number) => [n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const u32le = (n: number) => u32be(n).reverse();

const png = (w: number, h: number) =>
  bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    u32be(13),
    'IHDR',
    u32be(w),
    u32be(h),
    [8, 6, 0, 0, 0],
  );

/** SOI, an APP0 segment, a DHT segment, then a frame header of the given SOF marker. */
function jpeg(sof: number, w: number, h: number): Uint8Array {
  return bytes(
    [0xff, 0xd8],
    [0xff, 0xe0],
    u16be(16),
    'JFIF',
    [0, 1, 1, 0, 0, 1, 0, 1, 0, 0],
    [0xff, 0xc4],
    u16be(4),
    [0, 0],
    [0xff, 0xff, 0xff, sof],
    u16be(17),
    [8],
    u16be(h),
    u16be(w),
    [3],
  );
}

/**
 * A GIF of 8×6 with a global colour table and `frames` frames, each behind a graphic control
 * extension and with a local colour table and two data sub-blocks.
 */
function gif(frames: number): Uint8Array {
  const frame = [
    [0x21, 0xf9, 4, 0, 10, 0, 0, 0],
    [0x2c, ...u16le(0), ...u16le(0), ...u16le(8), ...u16le(6), 0x81],
    [0, 0, 0, 255, 255, 255, 9, 9, 9, 1, 1, 1],
    [2, 3, 1, 2, 3, 2, 4, 5, 0],
  ].flat();
  return bytes(
    'GIF89a',
    u16le(8),
    u16le(6),
    [0x80, 0, 0],
    [0, 0, 0, 255, 255, 255],
    Array.from({ length: frames }, () => frame).flat(),
    [0x3b],
  );
}

describe('sniffImage', () => {
  it('reads PNG sizes', () => {
    expect(sniffImage(png(640, 480))).toEqual({ type: 'png', width: 640, height: 480 });
    expect(sniffImage(png(640, 480).subarray(0, 20))).toEqual({
      type: 'png',
      width: null,
      height: null,
    });
  });

  it('walks JPEG markers to the frame header, baseline or progressive', () => {
    expect(sniffImage(jpeg(0xc0, 300, 200))).toEqual({ type: 'jpeg', width: 300, height: 200 });
    expect(sniffImage(jpeg(0xc2, 12, 34))).toEqual({ type: 'jpeg', width: 12, height: 34 });
  });

  it('has no JPEG size when the header ends before the frame or scan data comes first', () => {
    const full = jpeg(0xc0, 300, 200);
    expect(sniffImage(full.subarray(0, 30))).toEqual({ type: 'jpeg', width: null, height: null });
    const scanFirst = bytes([0xff, 0xd8, 0xff, 0xda], u16be(8), [0, 0, 0, 0, 0, 0]);
    expect(sniffImage(scanFirst)).toEqual({ type: 'jpeg', width: null, height: null });
  });

  it('reads GIF logical screen sizes', () => {
    expect(sniffImage(bytes('GIF89a', u16le(10), u16le(20)))).toEqual({
      type: 'gif',
      width: 10,
      height: 20,
    });
    expect(sniffImage(bytes('GIF87a'))?.width).toBeNull();
  });

  it('reads BMP sizes, including top-down bitmaps', () => {
    const bmp = (h: number) =>
      bytes('BM', u32le(0), u32le(0), u32le(54), u32le(40), u32le(7), u32le(h >>> 0));
    expect(sniffImage(bmp(5))).toEqual({ type: 'bmp', width: 7, height: 5 });
    expect(sniffImage(bmp(-5))).toEqual({ type: 'bmp', width: 7, height: 5 });
    expect(sniffImage(bytes('BMW is not a bitmap, just text'))).toBeNull();
  });

  it('reads the three WebP kinds', () => {
    const riff = (chunk: string, body: number[]) =>
      bytes('RIFF', u32le(100), 'WEBP', chunk, u32le(body.length), body);
    const lossy = riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, ...u16le(320), ...u16le(240)]);
    expect(sniffImage(lossy)).toEqual({ type: 'webp', width: 320, height: 240 });
    const bits = (100 - 1) | ((50 - 1) << 14);
    expect(sniffImage(riff('VP8L', [0x2f, ...u32le(bits)]))).toEqual({
      type: 'webp',
      width: 100,
      height: 50,
    });
    const extended = riff('VP8X', [0x10, 0, 0, 0, 0xff, 0x0f, 0, 0x3f, 0, 0]);
    expect(sniffImage(extended)).toEqual({ type: 'webp', width: 4096, height: 64 });
    const animated = riff('VP8X', [0x12, 0, 0, 0, 7, 0, 0, 7, 0, 0]);
    expect(sniffImage(animated)).toEqual({ type: 'webp', width: 8, height: 8, animated: true });
  });

  it('tells an animated GIF by its second frame', () => {
    expect(sniffImage(gif(1))).toEqual({ type: 'gif', width: 8, height: 6 });
    expect(sniffImage(gif(2))).toEqual({ type: 'gif', width: 8, height: 6, animated: true });
  });

  it('returns null for bytes with no image signature', () => {
    expect(sniffImage(bytes('hello world'))).toBeNull();
    expect(sniffImage(new Uint8Array(0))).toBeNull();
  });
});

describe('gifFrameCount', () => {
  it('counts frames past extensions, colour tables and data sub-blocks', () => {
    expect(gifFrameCount(gif(1))).toBe(1);
    expect(gifFrameCount(gif(3))).toBe(3);
  });

  it('counts only the frames the bytes reach', () => {
    const three = gif(3);
    expect(gifFrameCount(three.subarray(0, three.length - 30))).toBe(2);
    expect(gifFrameCount(three.subarray(0, 12))).toBe(0);
  });
});

describe('checkImageSize', () => {
  it('accepts ordinary sizes and the limit itself', () => {
    expect(checkImageSize(256, 256, 'a.png')).toBeNull();
    expect(checkImageSize(8000, 5000, 'a.png')).toBeNull();
  });

  it('explains an image that is too large', () => {
    expect(checkImageSize(10000, 10000, 'big/huge.jpg')).toBe(
      'big/huge.jpg is 10000×10000 (100 megapixels); images above 40 megapixels are skipped',
    );
  });

  it('explains a zero-sized image', () => {
    expect(checkImageSize(0, 10, 'z.png')).toContain('z.png');
  });
});
