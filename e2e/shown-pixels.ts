import type { Locator } from '@playwright/test';

/**
 * The share of pure white pixels in what the screen shows of `locator` (a screenshot, so
 * whatever lies on top counts, unlike reading a canvas's own pixels).
 */
export async function whiteShare(locator: Locator): Promise<number> {
  const png = (await locator.screenshot()).toString('base64');
  return locator.page().evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let white = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] === 255 && data[i + 1] === 255 && data[i + 2] === 255) white++;
    }
    return white / (data.length / 4);
  }, png);
}
