import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { studioOnTrain, trainRun } from './studio';

/** One step an epoch at a high rate: the validation loss soon gets worse for an epoch. */
const TINY_EPOCHS = { epochs: 40, batchSize: 32, examplesPerEpoch: 32, learningRate: 0.05 };

/** The model's accuracy on one split, as the Insights panel's evaluation reports it. */
async function evaluatedAccuracy(page: Page, split: 'validation' | 'test'): Promise<string> {
  await page.getByTestId('tab-insights').click();
  await page.getByTestId('evaluation-split').selectOption(split);
  const totals = page.getByTestId('evaluation-totals');
  await expect(totals).toContainText('Accuracy', { timeout: 60_000 });
  return /Accuracy (\d+\.\d)%/.exec((await totals.textContent()) ?? '')?.[1] ?? '';
}

test.describe('training lab', () => {
  test('a cosine schedule with warm-up is previewed before the run and the live learning rate follows it', async ({
    page,
  }) => {
    const studio = await studioOnTrain(
      page,
      {
        learningRate: 0.004,
        epochs: 3,
        batchSize: 32,
        examplesPerEpoch: 320,
      },
      { heldOut: 1 },
    );
    await page.getByTestId('schedule-kind').selectOption('cosine');
    await studio.fill('schedule-warmupEpochs', '1');
    await studio.fill('schedule-minFactor', '0.1');
    // 30 steps: ten of warm-up to 0.004, then half a cosine down to 0.0004 at the last step.
    await expect(page.getByTestId('schedule-preview-summary')).toHaveText(
      'Planned learning rate: planned learning rate 0.0004 at step 29.',
    );

    // Readbacks come every ten steps and report the rate of their last step.
    const cosine = (step: number) =>
      0.004 * (0.1 + 0.9 * 0.5 * (1 + Math.cos((Math.PI * (step - 10)) / 19)));
    const expected = [0.004, cosine(19), cosine(29)];
    const seen = new Set<number>();
    await studio.button('train').click();
    await expect
      .poll(
        async () => {
          const value = await page.getByTestId('current-learning-rate').getAttribute('data-value');
          if (value) seen.add(Number(value));
          return page.getByTestId('run-report').count();
        },
        { timeout: 400_000, intervals: [100] },
      )
      .toBe(1);
    expect(await studio.waitForRunEnd()).toBe('completed');
    for (const rate of seen) {
      expect(
        expected.some((want) => Math.abs(want - rate) < 1e-9),
        `rate ${rate}`,
      ).toBe(true);
    }
    const final = Number(
      await page.getByTestId('current-learning-rate').getAttribute('data-value'),
    );
    expect(final).toBeCloseTo(0.0004, 9);
    await expect(page.getByTestId('learning-rate-curve-summary')).toContainText('at step 30');
    expect(studio.errors).toEqual([]);
  });

  test('the learning rate changed during training takes effect and is marked on the curves', async ({
    page,
  }) => {
    const studio = await studioOnTrain(
      page,
      { epochs: 3, batchSize: 32, examplesPerEpoch: 640 },
      { heldOut: 1 },
    );
    await studio.button('train').click();
    await studio.waitForStepAbove(0);
    await page.getByTestId('live-learning-rate').fill('0.0005');
    await page.getByTestId('set-learning-rate').click();
    await expect(page.getByTestId('current-learning-rate')).toHaveText('0.0005', {
      timeout: 200_000,
    });
    expect(await studio.waitForRunEnd()).toBe('completed');
    for (const curve of ['loss-curve', 'accuracy-curve', 'learning-rate-curve']) {
      await expect(page.getByTestId(`${curve}-marks`)).toContainText(
        /step \d+: learning rate set to 0\.0005/,
      );
    }
    expect(studio.errors).toEqual([]);
  });

  test('early stopping with patience 1 stops before the epoch limit and ends on the best epoch’s weights', async ({
    page,
  }) => {
    const studio = await studioOnTrain(page, TINY_EPOCHS, { heldOut: 1 });
    await page.getByTestId('early-stopping').check();
    await studio.fill('early-stopping-patience', '1');
    const run = await trainRun(studio, TINY_EPOCHS);
    expect(run.outcome).toBe('completed');
    const report = page.getByTestId('early-stop');
    const stoppedAfter = Number(await report.getAttribute('data-stopped-after'));
    const bestEpoch = Number(await report.getAttribute('data-best-epoch'));
    expect(stoppedAfter).toBeGreaterThan(0);
    expect(stoppedAfter).toBeLessThan(40);
    expect(bestEpoch).toBeLessThan(stoppedAfter);
    await expect(report).toHaveAttribute('data-restored', 'true');
    await expect(page.getByTestId('run-report')).toContainText(
      `Stopped early after epoch ${stoppedAfter}`,
    );
    for (const curve of ['loss-curve', 'accuracy-curve']) {
      await expect(page.getByTestId(`${curve}-marks`)).toContainText(
        `stopped early after epoch ${stoppedAfter}`,
      );
      await expect(page.getByTestId(`${curve}-marks`)).toContainText(`best epoch ${bestEpoch}`);
    }
    // The model has the best epoch's weights: the validation split scores what that epoch did.
    const best = Number(
      await page.getByTestId('best-validation-accuracy').getAttribute('data-value'),
    );
    expect(await evaluatedAccuracy(page, 'validation')).toBe((best * 100).toFixed(1));
    expect(studio.errors).toEqual([]);
  });

  test('without restoring, the report offers the best epoch, and restoring it scores the test split again', async ({
    page,
  }) => {
    const studio = await studioOnTrain(page, TINY_EPOCHS, { heldOut: 1 });
    await page.getByTestId('early-stopping').check();
    await studio.fill('early-stopping-patience', '1');
    await page.getByTestId('early-stopping-restore').uncheck();
    const run = await trainRun(studio, TINY_EPOCHS);
    expect(run.outcome).toBe('completed');
    const bestEpoch = await page.getByTestId('early-stop').getAttribute('data-best-epoch');
    await expect(page.getByTestId('early-stop')).toHaveAttribute('data-restored', 'false');
    await page.getByTestId('restore-best').click();
    await expect(page.getByTestId('restored-epoch')).toContainText(
      `with the weights of epoch ${bestEpoch}`,
    );
    await expect(page.getByTestId('restore-best')).toHaveCount(0);
    const test = Number(await page.getByTestId('test-accuracy').getAttribute('data-value'));
    const best = Number(
      await page.getByTestId('best-validation-accuracy').getAttribute('data-value'),
    );
    expect(await evaluatedAccuracy(page, 'validation')).toBe((best * 100).toFixed(1));
    expect(await evaluatedAccuracy(page, 'test')).toBe((test * 100).toFixed(1));
    expect(studio.errors).toEqual([]);
  });
});
