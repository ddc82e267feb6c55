import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import {
  loseWebGLContext,
  loseWebGLContextInNext,
  storedCheckpointEpoch,
} from './device-loss.studio';
import { barClasses, barValues, drawSeven, openPlayground } from './playground.studio';
import { fillSettings, studioOnTrain, trainRun } from './studio';

// Small enough for the CPU backend the run falls to: 2 epochs of 20 batches.
const short = { epochs: 2, batchSize: 16, examplesPerEpoch: 320, learningRate: 0.005 };

/** Every hover readout of a chart, from its left edge to its right. */
async function readouts(page: Page, testId: string): Promise<string[]> {
  const chart = page.getByTestId(testId);
  const box = await chart.locator('canvas').boundingBox();
  if (!box) throw new Error('The chart is not visible');
  const texts: string[] = [];
  for (let i = 0; i <= 60; i++) {
    await page.mouse.move(box.x + (box.width * i) / 60, box.y + box.height / 2);
    texts.push((await chart.locator('.line-chart-readout').textContent()) ?? '');
  }
  return texts;
}

// The default project: WebGL, and no WebGPU adapter, so the run falls to the CPU.
test('a WebGL context lost mid-run: the run goes on on the CPU from epoch 1’s checkpoint and completes', async ({
  page,
}) => {
  const studio = await studioOnTrain(page, short, { heldOut: 1 });
  await expect(studio.badge).toHaveAttribute('data-backend', 'webgl');
  await studio.button('train').click();
  await expect(page.getByTestId('validation')).toContainText('after epoch 1', { timeout: 200_000 });
  // The curves' summary follows within half a second of the epoch's end.
  const curveSummary = page.getByTestId('loss-curve-summary');
  const validationAtEpochOne = /validation (\S+) at step 20/;
  await expect(curveSummary).toContainText(validationAtEpochOne);
  const epochOne = validationAtEpochOne.exec((await curveSummary.textContent()) ?? '')?.[1];
  expect(epochOne).toBeDefined();
  // The page hears of the epoch's end before its checkpoint is copied off the GPU.
  await expect.poll(() => storedCheckpointEpoch(page), { timeout: 60_000 }).toBe(1);

  await loseWebGLContext(page);

  await expect(studio.badge).toHaveAttribute('data-backend', 'cpu', { timeout: 60_000 });
  await expect(studio.badge.locator('.backend-name')).toHaveText('CPU');
  await expect(page.getByTestId('backend-skipped')).toContainText(
    'WebGL: the WebGL context was lost during training; the run resumed on CPU from the checkpoint of epoch 1',
  );
  await expect(page.getByTestId('loss-curve-marks')).toContainText(
    'step 20: WebGL lost: resumed from epoch 1 on CPU',
  );

  expect(await studio.waitForRunEnd()).toBe('completed');
  await expect(studio.report).toContainText(
    'Resumed from the checkpoint of epoch 1 after the WebGL context was lost. Finished 2 epochs.',
  );
  expect(await studio.testAccuracy()).toBeGreaterThan(0.2);
  await expect(page.getByTestId('loss-curve-summary')).toContainText('at step 40');
  // Epoch 1's validation point, made on WebGL, is still on the curve the CPU continued.
  const atEpochOne = (await readouts(page, 'loss-curve')).filter((t) => t.startsWith('step 20 '));
  expect(atEpochOne.length).toBeGreaterThan(0);
  expect(atEpochOne[0]).toContain(`validation ${epochOne}`);
  expect(studio.errors).toEqual([]);
});

test('a WebGL context lost in epoch 1, before any checkpoint: the run starts again on the CPU and says so', async ({
  page,
}) => {
  const studio = await studioOnTrain(page, short);
  await studio.button('train').click();
  await studio.waitForStepAbove(0);
  await loseWebGLContext(page);

  await expect(studio.badge).toHaveAttribute('data-backend', 'cpu', { timeout: 60_000 });
  await expect(page.getByTestId('backend-skipped')).toContainText(
    'WebGL: the WebGL context was lost in epoch 1, before any checkpoint; the run started again from the beginning on CPU',
  );
  await expect(page.getByTestId('loss-curve-marks')).toContainText(
    'step 0: WebGL lost: started again on CPU',
  );
  expect(await studio.waitForRunEnd()).toBe('completed');
  // Started again from the beginning: nothing was resumed.
  await expect(studio.report).not.toContainText('Resumed');
  expect(await studio.testAccuracy()).toBeGreaterThan(0.2);
  await expect(page.getByTestId('loss-curve-summary')).toContainText('at step 40');
  expect(studio.errors).toEqual([]);
});

/** Clears the Playground's pad and draws a 7; resolves with the bars of its prediction. */
async function predictSeven(page: Page): Promise<{ classes: string[]; values: number[] }> {
  await openPlayground(page);
  await page.getByTestId('clear-pad').click();
  await drawSeven(page);
  await expect(page.getByTestId('probability')).toHaveCount(5, { timeout: 60_000 });
  return { classes: await barClasses(page), values: await barValues(page) };
}

test('a WebGL context lost while nothing trains: the studio moves to the CPU with the trained weights, and the Playground, Insights and Train work there', async ({
  page,
}) => {
  const studio = await studioOnTrain(page, short, { heldOut: 1 });
  await expect(studio.badge).toHaveAttribute('data-backend', 'webgl');
  await studio.button('train').click();
  expect(await studio.waitForRunEnd()).toBe('completed');
  const testAccuracy = await studio.testAccuracy();
  const before = await predictSeven(page);

  await loseWebGLContext(page);

  await expect(studio.badge).toHaveAttribute('data-backend', 'cpu', { timeout: 60_000 });
  await expect(page.getByTestId('backend-skipped')).toContainText(
    'WebGL: the WebGL context was lost while no run was training; the studio moved to CPU',
  );
  await expect(page.getByTestId('project-notice')).toContainText(
    'The GPU was lost; the studio goes on on CPU, and the network keeps its trained weights.',
  );

  // The same weights on the CPU: the same prediction, and the test split scored as the run did.
  const after = await predictSeven(page);
  expect(after.classes).toEqual(before.classes);
  after.values.forEach((value, i) => expect(value).toBeCloseTo(before.values[i] ?? NaN, 2));
  await page.getByTestId('tab-insights').click();
  await page.getByTestId('evaluation-split').selectOption('test');
  const totals = page.getByTestId('evaluation-totals');
  await expect(totals).toContainText('test images', { timeout: 60_000 });
  const shown = Number(/Accuracy ([\d.]+)%/.exec((await totals.textContent()) ?? '')?.[1]);
  expect(Math.abs(shown - testAccuracy * 100)).toBeLessThan(0.5);

  await fillSettings(studio, { epochs: 1 });
  await studio.button('train').click();
  expect(await studio.waitForRunEnd()).toBe('completed');
  await expect(studio.badge).toHaveAttribute('data-backend', 'cpu');
  expect(studio.errors).toEqual([]);
});

test('a WebGL context lost while the best epoch is restored: the studio says so, moves to the CPU, and restoring again works there', async ({
  page,
}) => {
  // One step an epoch, and patience 1: early stopping ends the run an epoch after its best.
  const tiny = { epochs: 40, batchSize: 32, examplesPerEpoch: 32, learningRate: 0.05 };
  const studio = await studioOnTrain(page, tiny, { heldOut: 1 });
  await page.getByTestId('early-stopping').check();
  await studio.fill('early-stopping-patience', '1');
  await page.getByTestId('early-stopping-restore').uncheck();
  expect((await trainRun(studio, tiny)).outcome).toBe('completed');
  const bestEpoch = await page.getByTestId('early-stop').getAttribute('data-best-epoch');

  await loseWebGLContextInNext(page, 'restoreCheckpoint');
  await page.getByTestId('restore-best').click();
  await expect(page.getByTestId('train-error')).toHaveText(
    'This could not be answered: the WebGL context was lost. Ask again in a moment.',
    { timeout: 60_000 },
  );
  await expect(studio.badge).toHaveAttribute('data-backend', 'cpu', { timeout: 60_000 });

  await page.getByTestId('restore-best').click();
  await expect(page.getByTestId('restored-epoch')).toContainText(
    `with the weights of epoch ${bestEpoch}`,
  );
  await expect(page.getByTestId('train-error')).toHaveCount(0);
  expect(studio.errors).toEqual([]);
});
