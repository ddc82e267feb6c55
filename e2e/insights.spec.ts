import type { Locator } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { countInsightRequests, insightRequests } from './insight-requests';
import { longestTask, resetLongestTask, watchLongTasks } from './long-tasks';
import { Studio } from './studio';

/** Pixel statistics of every canvas under a locator: variance and an FNV-1a hash of the RGBA. */
async function canvasStats(
  locator: Locator,
): Promise<{ variance: number; hash: number; n: number }> {
  return locator.evaluate((root) => {
    let hash = 0x811c9dc5;
    let sum = 0;
    let sumSq = 0;
    let n = 0;
    const canvases =
      root instanceof HTMLCanvasElement ? [root] : [...root.querySelectorAll('canvas')];
    for (const canvas of canvases) {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 0; i < data.length; i++) {
        hash = Math.imul(hash ^ data[i]!, 0x01000193) >>> 0;
        if (i % 4 === 3) continue;
        sum += data[i]!;
        sumSq += data[i]! * data[i]!;
        n++;
      }
    }
    const mean = n > 0 ? sum / n : 0;
    return { variance: n > 0 ? sumSq / n - mean * mean : 0, hash, n };
  });
}

test('Insights explain a two-epoch run: confusion matrix, feature maps, Grad-CAM filmstrip', async ({
  page,
}) => {
  await watchLongTasks(page);
  await countInsightRequests(page);
  const studio = new Studio(page);
  await studio.open();
  await studio.ready();

  await page.getByTestId('tab-insights').click();
  await expect(page.getByTestId('insights-empty')).toContainText(
    'Train the network to look inside it',
  );

  await studio.openTrain();
  await studio.fill('epochs', '2');
  await studio.fill('examples-per-epoch', '1920');
  await resetLongestTask(page);
  await studio.button('train').click();

  // Pause as soon as epoch 1 is validated, so its feature maps can be captured before epoch 2
  // changes them: 1,920 examples in batches of 64 leave 30 steps of epoch 2 to pause in.
  await expect(page.getByTestId('validation')).toContainText('after epoch 1', {
    timeout: 180_000,
  });
  await studio.button('pause').click();
  await page.getByTestId('tab-insights').click();
  // The panel opens at its top: the sections that run the network, further down, ask nothing
  // until scrolled to.
  await expect(page.getByTestId('evaluation-totals')).toContainText('Accuracy', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('pinned-images')).toHaveAttribute('data-count', '4');
  const firstImageMaps = page.getByTestId('feature-maps-image').first();
  // Two frames and a moment for the sections to see where they are.
  await page.evaluate(
    () =>
      new Promise((done) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 300))),
      ),
  );
  await expect(firstImageMaps).toHaveAttribute('data-epoch', '');
  expect(await insightRequests(page, 'featureMaps')).toBe(0);
  expect(await insightRequests(page, 'weights')).toBe(0);
  await studio.showInsight('Feature maps');
  await expect(firstImageMaps).toHaveAttribute('data-epoch', '1', { timeout: 60_000 });
  expect(await insightRequests(page, 'featureMaps'), 'one question for the 4 images').toBe(1);
  const conv1 = firstImageMaps.getByTestId('feature-layer-conv1');
  await expect(conv1.getByTestId('feature-channel')).toHaveCount(8);
  const epoch1 = await canvasStats(conv1);
  expect(epoch1.variance, 'first conv layer feature maps are not blank').toBeGreaterThan(0);

  await page.getByTestId('tab-train').click();
  const runState = page.getByTestId('run-state');
  await expect(runState).toHaveAttribute('data-state', 'paused');
  await studio.button('resume').click();
  expect(await studio.waitForRunEnd()).toBe('completed');
  await page.getByTestId('tab-insights').click();
  await studio.showInsight('Feature maps');
  await expect(firstImageMaps).toHaveAttribute('data-epoch', '2', { timeout: 60_000 });
  await expect(conv1.getByTestId('feature-channel')).toHaveCount(8);
  const epoch2 = await canvasStats(conv1);
  expect(epoch2.variance).toBeGreaterThan(0);
  expect(epoch2.hash, 'feature maps change between epoch 1 and epoch 2').not.toBe(epoch1.hash);
  // A layer's channels are drawn on one canvas, with a button over each to enlarge it.
  await expect(conv1.locator('canvas')).toHaveCount(1);
  await conv1.getByRole('button', { name: /^Enlarge channel 3 of / }).click();
  const enlarged = conv1.getByTestId('enlarged-channel');
  await expect(enlarged).toHaveAccessibleName(/ channel 3, enlarged$/);
  expect(
    (await canvasStats(enlarged)).variance,
    'the enlarged channel is not blank',
  ).toBeGreaterThan(0);

  // Confusion matrix: one row and column per class, cells summing to the validation split.
  const matrix = page.getByTestId('confusion-matrix');
  await expect(matrix.getByTestId('confusion-row')).toHaveCount(10);
  const counts = await matrix
    .locator('[data-testid^="confusion-cell-"]')
    .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-count'))));
  expect(counts).toHaveLength(100);
  expect(counts.reduce((a, b) => a + b, 0)).toBe(1000);

  const diagonal = matrix.getByTestId('confusion-cell-3-3');
  const count = Number(await diagonal.getAttribute('data-count'));
  expect(count).toBeGreaterThan(0);
  await diagonal.click();
  const gallery = page.getByTestId('cell-gallery');
  await expect(gallery).toHaveAttribute('data-count', String(count));
  await expect(gallery.getByTestId('gallery-image')).toHaveCount(count, { timeout: 30_000 });

  // Grad-CAM (the default method) of each of the four pinned images, asked in one question,
  // each over its own image, and one filmstrip frame per epoch.
  await studio.showInsight('Saliency');
  const items = page.getByTestId('saliency-item');
  await expect(items).toHaveCount(4);
  for (const item of await items.all()) {
    const overlay = item.getByTestId('saliency-overlay');
    await expect(overlay).toBeVisible();
    const example = /example (\d+)/.exec((await item.locator('figcaption').textContent()) ?? '');
    await expect(overlay).toHaveAccessibleName(
      new RegExp(`^Grad-CAM of validation example ${example?.[1]} for class`),
    );
    expect(
      (await canvasStats(overlay)).variance,
      'the Grad-CAM overlay is not uniform',
    ).toBeGreaterThan(0);
  }
  await expect(page.getByTestId('filmstrip-frame')).toHaveCount(2, { timeout: 30_000 });
  await expect(page.getByTestId('filmstrip-image')).toHaveCount(2);

  // Weights: the first layer's 8 filters, each layer's weights with its gradients beside them
  // (as many values, from the same pass), and the share of dead units of every ReLU layer.
  await studio.showInsight('Weights');
  await expect(
    page.getByTestId('first-layer-filters').getByRole('img', { name: /^First-layer filter/ }),
  ).toHaveCount(8);
  const barCounts = (name: RegExp) =>
    page
      .getByRole('img', { name })
      .locator('.histogram-bar')
      .evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute('data-count'))));
  await expect(page.getByRole('img', { name: /^Weights of conv1:/ })).toBeVisible();
  const conv1Weights = await barCounts(/^Weights of conv1:/);
  const conv1Gradients = await barCounts(/^Gradients of conv1:/);
  expect(conv1Gradients).toHaveLength(30);
  expect(conv1Gradients.reduce((a, b) => a + b, 0)).toBe(conv1Weights.reduce((a, b) => a + b, 0));
  await expect(page.getByRole('img', { name: /^Gradients of / })).toHaveCount(
    await page.getByRole('img', { name: /^Weights of / }).count(),
  );
  const deadShares = page.getByTestId('dead-relu').locator('tbody td');
  expect(await deadShares.count()).toBeGreaterThan(0);
  for (const share of await deadShares.allTextContents()) {
    expect(share).toMatch(/^(\d|[1-9]\d|100)%/);
  }

  // Another method: each pinned image gets its own vanilla-gradient map.
  await studio.showInsight('Saliency');
  await page.getByTestId('saliency-method').selectOption('vanilla');
  for (const item of await items.all()) {
    const example = /example (\d+)/.exec((await item.locator('figcaption').textContent()) ?? '');
    await expect(item.getByTestId('saliency-overlay')).toHaveAccessibleName(
      new RegExp(`^Vanilla gradient of validation example ${example?.[1]} for class`),
      { timeout: 30_000 },
    );
  }

  const longest = await longestTask(page);
  test.info().annotations.push({ type: 'longest task (ms)', description: String(longest) });
  expect(longest, 'longest main-thread task while insights refresh (ms)').toBeLessThan(200);
  expect(studio.errors).toEqual([]);
});
