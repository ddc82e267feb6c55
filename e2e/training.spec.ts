import { expect, test } from '@playwright/test';
import { longestTask, resetLongestTask, watchLongTasks } from './long-tasks';
import { Studio, studioOnTrain, trainRun } from './studio';

test.describe('training the starter network on the MNIST digits', () => {
  test('Train reaches 90% test accuracy in two epochs with live curves and a responsive page', async ({
    page,
  }) => {
    await watchLongTasks(page);
    const studio = new Studio(page);
    await studio.open();
    await studio.ready();
    await expect(page.getByTestId('epochs')).toHaveValue('2');

    await resetLongestTask(page);
    await studio.button('train').click();
    await studio.waitForStepAbove(0);
    await expect.poll(() => studio.curveStep('loss'), { timeout: 30_000 }).toBeGreaterThan(0);

    await expect(page.getByTestId('validation')).toContainText('after epoch 1', {
      timeout: 380_000,
    });
    const tensorsAfterEpoch1 = await page.getByTestId('tensor-count').getAttribute('data-count');

    expect(await studio.waitForRunEnd()).toBe('completed');
    await expect(page.getByTestId('validation')).toContainText('after epoch 2');
    const tensorsAfterEpoch2 = await page.getByTestId('tensor-count').getAttribute('data-count');
    expect(tensorsAfterEpoch2, 'tensors held by tfjs after each epoch').toBe(tensorsAfterEpoch1);
    const accuracy = await studio.testAccuracy();
    test.info().annotations.push({ type: 'test accuracy', description: String(accuracy) });
    console.log(`test accuracy ${accuracy}, ${await page.getByTestId('speed').textContent()}`);
    test.info().annotations.push({
      type: 'speed',
      description: (await page.getByTestId('speed').textContent()) ?? '',
    });
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
    await expect(page.getByTestId('epoch')).toHaveText('2 / 2');
    // The curves kept up with the run to its last step, and are drawn.
    const lastStep = await studio.step();
    expect(lastStep).toBeGreaterThan(100);
    await expect.poll(() => studio.curveStep('loss')).toBe(lastStep);
    await expect.poll(() => studio.curveStep('accuracy')).toBe(lastStep);
    await expect(page.getByTestId('loss-curve-summary')).toContainText(
      /^Loss: train \d\.\d+ at step \d+; validation \d\.\d+ at step \d+\.$/,
    );
    expect(await studio.curveInk('loss')).toBeGreaterThan(100);
    expect(await studio.curveInk('accuracy')).toBeGreaterThan(100);

    const longest = await longestTask(page);
    expect(longest, 'longest main-thread task while training (ms)').toBeLessThan(200);
    expect(studio.errors).toEqual([]);
  });

  test('pause holds the step, resume continues it, stop leaves the studio ready for another run', async ({
    page,
  }) => {
    const studio = await studioOnTrain(page, {}, { heldOut: 1 });
    await studio.button('train').click();
    await studio.waitForStepAbove(20);

    await studio.button('pause').click();
    await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'paused');
    await expect(studio.button('resume')).toBeEnabled();
    await page.waitForTimeout(500);
    const pausedAt = await studio.step();
    await page.waitForTimeout(2000);
    expect(await studio.step()).toBe(pausedAt);

    await studio.button('resume').click();
    await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'training');
    const resumedAt = await studio.waitForStepAbove(pausedAt);
    expect(resumedAt).toBeLessThan(pausedAt + 200);

    await studio.button('stop').click();
    expect(await studio.waitForRunEnd()).toBe('stopped');
    await expect(page.getByTestId('test-accuracy')).toBeVisible();

    await studio.fill('epochs', '1');
    await studio.fill('batch-size', '32');
    await studio.fill('examples-per-epoch', '320');
    await studio.button('train').click();
    expect(await studio.waitForRunEnd()).toBe('completed');
    await expect(page.getByTestId('epoch')).toHaveText('1 / 1');
    expect(await studio.step(), '320 examples in batches of 32').toBe(10);
    // The stopped run stays on the curves, paler, for comparison; the learning rate is plotted.
    const legend = page.getByTestId('loss-curve').getByRole('listitem');
    await expect(legend.filter({ hasText: 'previous train' })).toBeVisible();
    await expect.poll(() => studio.curveStep('learning-rate')).toBe(10);
    await expect(page.getByTestId('learning-rate-curve-summary')).toContainText(
      /^Learning rate: train \S+ at step 10; previous train \S+ at step \d+\.$/,
    );
    expect(await studio.curveInk('learning-rate')).toBeGreaterThan(0);
    expect(studio.errors).toEqual([]);
  });

  test('a learning rate of 1e6 stops with advice and keeps the studio usable', async ({ page }) => {
    const studio = await studioOnTrain(page, {}, { heldOut: 1 });
    await studio.fill('learning-rate', '1e6');
    await studio.button('train').click();
    expect(await studio.waitForRunEnd()).toBe('diverged');
    await expect(studio.report).toContainText(/The loss (blew up|became NaN|became infinite)/);
    await expect(studio.report).toContainText(/learning rate/i);
    await expect(page.getByRole('heading', { name: 'Train' })).toBeVisible();

    await studio.fill('learning-rate', '0.002');
    await studio.fill('epochs', '1');
    await studio.fill('examples-per-epoch', '320');
    await studio.button('train').click();
    expect(await studio.waitForRunEnd()).toBe('completed');
    expect(studio.errors).toEqual([]);
  });

  test('an SGD run continued after momentum is turned off completes', async ({ page }) => {
    const studio = await studioOnTrain(page, {}, { heldOut: 1 });
    await page.getByTestId('optimizer').selectOption('sgd');
    await studio.fill('momentum', '0.9');
    const first = await trainRun(studio, { epochs: 1, batchSize: 32, examplesPerEpoch: 320 });
    expect(first.outcome).toBe('completed');

    await page.getByTestId('continue-training').check();
    await studio.fill('momentum', '0');
    const more = await trainRun(studio, { epochs: 1, batchSize: 32, examplesPerEpoch: 320 });
    expect(more.outcome).toBe('completed');
    await expect(page.getByTestId('epoch')).toHaveText('1 / 1');
    await expect(page.getByTestId('train-error')).toHaveCount(0);
    expect(studio.errors).toEqual([]);
  });

  test('an unusable setting is explained beside the field and Train waits for a fix', async ({
    page,
  }) => {
    const studio = new Studio(page);
    await studio.open();
    await studio.ready();
    await studio.fill('batch-size', '0');
    await expect(page.getByRole('alert').filter({ hasText: 'Batch size must be' })).toBeVisible();
    await expect(studio.button('train')).toBeDisabled();
    await studio.fill('batch-size', '32');
    await expect(studio.button('train')).toBeEnabled();
  });
});

test.describe('the studio around the Train panel', () => {
  test('the Data panel shows the real digits and their stratified split', async ({ page }) => {
    const studio = new Studio(page);
    await studio.open();
    await studio.ready();
    await page.getByTestId('tab-data').click();
    await expect(page.getByTestId('dataset-summary')).toContainText('10000 images of 28×28×1');
    await expect(page.getByTestId('dataset-summary')).toContainText(
      '8000 train, 1000 validation, 1000 test',
    );
    const inked = await page.getByTestId('example-grid').evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let bright = 0;
      for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 0) > 128) bright++;
      return bright / (data.length / 4);
    });
    expect(inked).toBeGreaterThan(0.05);
    expect(inked).toBeLessThan(0.5);
  });

  test('the Build panel summarises the starter network', async ({ page }) => {
    const studio = new Studio(page);
    await studio.open();
    await page.getByTestId('tab-build').click();
    const summary = page.getByTestId('model-summary');
    await expect(summary).toContainText('conv1');
    await expect(summary).toContainText('24×24×8');
    await expect(page.getByTestId('total-params')).not.toHaveText('0');
    await page.getByTestId('tab-insights').click();
    await expect(page.getByTestId('insights-empty')).toContainText('Train the network');
  });
});
