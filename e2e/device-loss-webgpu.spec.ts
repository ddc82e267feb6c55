import { expect, test } from '@playwright/test';
import { storedCheckpointEpoch, trainingWorker } from './device-loss.studio';
import { Studio, fillSettings, holdOut } from './studio';

// Run by the 'webgpu' project only, whose Chromium has a (software) WebGPU adapter.
test('a WebGPU device lost mid-run: the run goes on on WebGL from epoch 1’s checkpoint and completes', async ({
  page,
}) => {
  const studio = new Studio(page);
  await studio.open('?backend=webgpu');
  await studio.ready();
  await holdOut(studio, 1);
  await fillSettings(studio, {
    epochs: 2,
    batchSize: 16,
    examplesPerEpoch: 160,
    learningRate: 0.005,
  });
  await expect(studio.badge).toHaveAttribute('data-backend', 'webgpu');
  await studio.button('train').click();
  await expect(page.getByTestId('validation')).toContainText('after epoch 1', { timeout: 300_000 });
  // The page hears of the epoch's end before its checkpoint is copied off the GPU.
  await expect.poll(() => storedCheckpointEpoch(page), { timeout: 60_000 }).toBe(1);

  await trainingWorker(page).evaluate(() => {
    type Engine = { backend: { device: GPUDevice } };
    (self as unknown as { _tfengine: Engine })._tfengine.backend.device.destroy();
  });

  await expect(studio.badge).toHaveAttribute('data-backend', 'webgl', { timeout: 60_000 });
  await expect(page.getByTestId('backend-skipped')).toContainText(
    'WebGPU: the WebGPU device was lost during training; the run resumed on WebGL from the checkpoint of epoch 1',
  );
  await expect(page.getByTestId('loss-curve-marks')).toContainText(
    'step 10: WebGPU lost: resumed from epoch 1 on WebGL',
  );
  expect(await studio.waitForRunEnd()).toBe('completed');
  expect(await studio.testAccuracy()).toBeGreaterThan(0.15);
  await expect(page.getByTestId('loss-curve-summary')).toContainText('at step 20');
  expect(studio.errors).toEqual([]);
});
