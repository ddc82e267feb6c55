import { expect, test } from '@playwright/test';
import { Studio, holdOut, trainRun } from './studio';

const short = { batchSize: 32, examplesPerEpoch: 320, learningRate: 0.005 };

test.describe('checkpoints', () => {
  test('a reload brings back the last epoch’s weights, and training continues from them', async ({
    page,
  }) => {
    const studio = new Studio(page);
    await studio.open();
    await studio.ready();
    await holdOut(studio, 1);
    const run = await trainRun(studio, { ...short, epochs: 2 });
    expect(run.outcome).toBe('completed');

    // The autosave follows the run's end; the checkpoint was kept at the last epoch's end.
    await page.waitForTimeout(1500);
    await page.getByTestId('project-menu-button').click();
    await expect(page.getByTestId('autosave-status')).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('project-notice')).toContainText(
      'Restored the checkpoint of epoch 2 (validation accuracy',
      { timeout: 60_000 },
    );

    // The trained weights, not new ones: the test split scores what the run scored.
    await page.getByTestId('tab-insights').click();
    await page.getByTestId('evaluation-split').selectOption('test');
    await expect(page.getByTestId('evaluation-totals')).toContainText(
      `Accuracy ${(run.accuracy * 100).toFixed(1)}%`,
    );

    await studio.openTrain();
    await page.getByTestId('continue-training').check();
    const more = await trainRun(studio, { ...short, epochs: 1 });
    expect(more.outcome).toBe('completed');
    await expect(page.getByTestId('train-error')).toHaveCount(0);
    expect(studio.errors).toEqual([]);
  });
});
