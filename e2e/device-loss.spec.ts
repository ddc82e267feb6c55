import type { Page, Worker } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { studioOnTrain } from './studio';

// Small enough for the CPU backend the run falls to: 2 epochs of 20 batches.
const short = { epochs: 2, batchSize: 16, examplesPerEpoch: 320, learningRate: 0.005 };

/** The worker that trains: tfjs keeps its engine on its global object. */
function trainingWorker(page: Page): Worker {
  const worker = page.workers().find((w) => /engine\.worker/.test(w.url()));
  if (!worker) throw new Error('The training worker is not running');
  return worker;
}

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

/** Loses the training worker's WebGL context, as a driver reset would. */
async function loseWebGLContext(page: Page): Promise<void> {
  await trainingWorker(page).evaluate(() => {
    type Engine = { backend: { gpgpu: { gl: WebGL2RenderingContext } } };
    const engine = (self as unknown as { _tfengine: Engine })._tfengine;
    engine.backend.gpgpu.gl.getExtension('WEBGL_lose_context')?.loseContext();
  });
}

// The default project: WebGL, and no WebGPU adapter, so the run falls to the CPU.
test('a WebGL context lost mid-run: the run goes on on the CPU from epoch 1’s checkpoint and completes', async ({
  page,
}) => {
  const studio = await studioOnTrain(page, short);
  await expect(studio.badge).toHaveAttribute('data-backend', 'webgl');
  await studio.button('train').click();
  await expect(page.getByTestId('validation')).toContainText('after epoch 1', { timeout: 200_000 });
  const summary = (await page.getByTestId('loss-curve-summary').textContent()) ?? '';
  const epochOne = /validation (\S+) at step 20/.exec(summary)?.[1];
  expect(epochOne).toBeDefined();

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
  expect(await studio.testAccuracy()).toBeGreaterThan(0.2);
  await expect(page.getByTestId('loss-curve-summary')).toContainText('at step 40');
  expect(studio.errors).toEqual([]);
});
