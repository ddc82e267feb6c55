import { describe, expect, it } from 'vitest';
import { packRgb } from './decode-image';
import { autoSide, compact, droppedFolderName } from './load-images';

describe('autoSide', () => {
  it('takes the most common shorter side, capped at 64', () => {
    expect(autoSide([28, 28, 30])).toBe(28);
    expect(autoSide([256, 256, 100])).toBe(64);
  });

  it('breaks ties toward the smaller side, and falls back to 64 with no sizes', () => {
    expect(autoSide([40, 20, 40, 20])).toBe(20);
    expect(autoSide([])).toBe(64);
  });
});

describe('droppedFolderName', () => {
  it('names the folder the user dropped', () => {
    expect(droppedFolderName(['pets/cat/1.png', 'pets/dog/2.png'])).toBe('pets');
  });

  it('names an archive without its extension, or the folder inside it', () => {
    expect(droppedFolderName(['pets.zip/cat/1.png', 'pets.zip/dog/1.png'])).toBe('pets');
    expect(droppedFolderName(['a.tar.gz/flowers/rose/1.png', 'a.tar.gz/flowers/iris/1.png'])).toBe(
      'flowers',
    );
  });

  it('falls back to a plain name when the classes were dropped on their own', () => {
    expect(droppedFolderName(['cat/1.png', 'dog/1.png'])).toBe('Image folders');
  });
});

describe('compact', () => {
  it('closes the gaps left by images that failed, in place', () => {
    const store = new Uint8Array([1, 1, 1, 9, 9, 9, 2, 2, 2]);
    expect(Array.from(compact(store, new Uint8Array([1, 0, 1]), 1, 3))).toEqual([1, 1, 1, 2, 2, 2]);
  });

  it('turns RGB into luma for one channel', () => {
    const store = new Uint8Array([255, 0, 0, 0, 0, 255]);
    expect(Array.from(compact(store, new Uint8Array([1, 1]), 1, 1))).toEqual([76, 29]);
  });
});

describe('packRgb', () => {
  it('drops alpha and tells whether every pixel is gray', () => {
    const out = new Uint8Array(8);
    expect(packRgb(new Uint8ClampedArray([5, 5, 5, 0, 7, 7, 7, 255]), out, 2)).toBe(true);
    expect(Array.from(out)).toEqual([0, 0, 5, 5, 5, 7, 7, 7]);
    expect(packRgb(new Uint8ClampedArray([5, 6, 5, 255]), out, 0)).toBe(false);
  });
});
