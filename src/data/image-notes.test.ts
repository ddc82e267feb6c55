import { describe, expect, it } from 'vitest';
import { animatedNote, tinyImagesNote } from './image-notes';

describe('animatedNote', () => {
  it('says nothing when no image is animated', () => {
    expect(animatedNote([])).toBeNull();
  });

  it('names the animations, and counts those beyond three', () => {
    expect(animatedNote(['cats/run.gif'])).toBe(
      '1 animated image was loaded from the first frame only: cats/run.gif.',
    );
    expect(animatedNote(['a.gif', 'b.gif', 'c.webp', 'd.gif', 'e.gif'])).toBe(
      '5 animated images were loaded from the first frame only: a.gif, b.gif, c.webp and 2 more.',
    );
  });
});

describe('tinyImagesNote', () => {
  const at = (path: string, width: number | null, height: number | null) => ({
    path,
    width,
    height,
  });

  it('names an image a quarter of the input side or less, with its size', () => {
    const note = tinyImagesNote([at('dogs/a.png', 32, 32), at('cats/dot.png', 1, 1)], [32, 32]);
    expect(note).toMatch(/^1 image is far smaller than the 32×32 input and was scaled up/);
    expect(note).toContain('cats/dot.png (1×1)');
    expect(note).not.toContain('dogs/a.png');
    expect(note).toMatch(/Remove it from the folder if it is not a real example\.$/);
  });

  it('flags a thin strip by its short side, and spares images just above a quarter', () => {
    expect(tinyImagesNote([at('strip.png', 64, 8)], [32, 32])).toContain('strip.png (64×8)');
    expect(tinyImagesNote([at('small.png', 9, 9)], [32, 32])).toBeNull();
  });

  it('says nothing about images whose header gave no size', () => {
    expect(tinyImagesNote([at('unknown.jpg', null, null)], [32, 32])).toBeNull();
  });

  it('counts many', () => {
    const dots = Array.from({ length: 5 }, (_, i) => at(`dots/${i}.png`, 2, 2));
    expect(tinyImagesNote(dots, [28, 28])).toMatch(/^5 images are far smaller .* and 2 more\./);
  });
});
