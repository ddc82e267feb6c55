import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { test } from './fixtures/data-test';
import type { DataPanel } from './data.studio';
import { longestTask, resetLongestTask } from './long-tasks';
import { ODD_IMAGES, flatPng, writeOddImages } from './fixtures/odd-images';

/**
 * Image folders that are legitimate but unusual: odd formats, odd names and many files. Each
 * must load correctly (or say in words what it left out), and leave the studio usable. Very
 * long class names have a spec of their own, long-class-name.spec.ts.
 */

/** The colour at the centre of the one thumbnail the sample grid shows for `className`. */
async function thumbnailColour(data: DataPanel, className: string): Promise<number[]> {
  await data.page.getByTestId('grid-class').selectOption({ label: `${className} (1)` });
  const tile = data.page.getByTestId('sample-tile');
  await expect(tile).toHaveCount(1);
  await expect(tile).toHaveAttribute('aria-label', className);
  return tile.evaluate((canvas: HTMLCanvasElement) => {
    const x = Math.floor(canvas.width / 2);
    const y = Math.floor(canvas.height / 2);
    return [...canvas.getContext('2d')!.getImageData(x, y, 1, 1).data.subarray(0, 3)];
  });
}

test.describe('unusual image files', () => {
  test('a 16-bit PNG, a CMYK JPEG, an animated GIF and a 1×1 image load with the right colours, and the report names the animation and the tiny image', async ({
    studio,
    data,
    dir,
  }) => {
    writeOddImages(dir);
    expect(await data.load(() => data.pickFolder(dir))).toBe('loaded');
    await data.expectDataset('8×8×3', 10);
    expect(await data.classCounts()).toEqual({
      animated: 1,
      cmyk: 1,
      plain: 6,
      png16: 1,
      tiny: 1,
    });
    await expect(data.skipped).toHaveCount(0);
    // Paths start with the picked folder's name.
    await expect(data.notes).toContainText(
      /1 animated image was loaded from the first frame only: [^ ]+\/animated\/green-then-blue\.gif\./,
    );
    await expect(data.notes).toContainText(
      /1 image is far smaller than the 8×8 input and was scaled up, so it holds almost no detail: [^ ]+\/tiny\/dot\.png \(1×1\)\./,
    );

    const near = (actual: number[], expected: readonly number[], tolerance: number) =>
      actual.every((value, c) => Math.abs(value - expected[c]!) <= tolerance);
    // 16-bit samples come out as their high byte (rounding may move it by one).
    const png16 = await thumbnailColour(data, 'png16');
    expect(near(png16, ODD_IMAGES.png16.colour, 1), `16-bit PNG shows ${png16.join(', ')}`).toBe(
      true,
    );
    // CMYK goes through the decoder's naive conversion and JPEG's loss: red stays clearly red.
    const cmyk = await thumbnailColour(data, 'cmyk');
    expect(near(cmyk, ODD_IMAGES.cmyk.colour, 40), `CMYK JPEG shows ${cmyk.join(', ')}`).toBe(true);
    // The first frame is green; the second, blue, must not show.
    const gif = await thumbnailColour(data, 'animated');
    expect(near(gif, ODD_IMAGES.animated.colour, 4), `animated GIF shows ${gif.join(', ')}`).toBe(
      true,
    );
    const tiny = await thumbnailColour(data, 'tiny');
    expect(near(tiny, ODD_IMAGES.tiny.colour, 2), `1×1 image shows ${tiny.join(', ')}`).toBe(true);
    expect(studio.errors).toEqual([]);
  });
});

test.describe('unusual names and many files', () => {
  test('folder and file names with emoji, accents, CJK, spaces and dots load as classes named exactly so', async ({
    studio,
    data,
    dir,
  }) => {
    const classes = ['chats 🐱', 'Ünïcødé', '猫 と 犬', '..dots', 'a..b'];
    classes.forEach((name, k) => {
      mkdirSync(join(dir, name));
      for (let n = 0; n < 3; n++) {
        writeFileSync(join(dir, name, `photo ${n} ü 写真 ..${n}.png`), flatPng(8, [40 * k, n, 9]));
      }
    });
    expect(await data.load(() => data.pickFolder(dir))).toBe('loaded');
    await data.expectDataset('8×8×3', 15);
    expect(await data.classCounts()).toEqual(Object.fromEntries(classes.map((name) => [name, 3])));
    await expect(data.skipped).toHaveCount(0);
    // The class table shows each name in full, in its editable field.
    const shown = await data.page
      .locator('[data-testid^="class-rename-"]')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(shown.sort()).toEqual([...classes].sort());
    expect(studio.errors).toEqual([]);
  });

  test('10,000 tiny files in a dropped folder load with the right count, the page responsive throughout', async ({
    page,
    studio,
    data,
    dir,
  }) => {
    const classes = ['dark', 'light'];
    classes.forEach((name, k) => {
      mkdirSync(join(dir, name));
      for (let n = 0; n < 5_000; n++) {
        writeFileSync(join(dir, name, `${n}.png`), flatPng(2, [k * 200, n % 256, 50]));
      }
    });
    await resetLongestTask(page);
    // Dropped, as the Data panel advises for thousands of files: the folder picker builds its
    // list of files in one task of the browser's own before the studio hears of it.
    expect(await data.load(() => data.dropFolder(dir), 120_000)).toBe('loaded');
    await data.expectDataset('2×2×3', 10_000);
    expect(await data.classCounts()).toEqual({ dark: 5_000, light: 5_000 });
    const longest = await longestTask(page);
    test.info().annotations.push({ type: 'longest task (ms)', description: String(longest) });
    expect(longest, 'longest main-thread task while 10,000 files load (ms)').toBeLessThan(200);
    expect(studio.errors).toEqual([]);
  });
});
