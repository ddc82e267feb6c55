import { expect, test } from '@playwright/test';
import { Studio, trainRun } from './studio';

const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;

test('a cross-validated run reports each fold’s validation accuracy with their mean and spread', async ({
  page,
}) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.ready();
  await studio.openTrain();
  await page.getByTestId('cross-validation').check();
  await studio.fill('cross-validation-folds', '3');

  const run = await trainRun(studio, { epochs: 1, batchSize: 32, examplesPerEpoch: 320 });
  expect(run.outcome).toBe('completed');
  expect(run.accuracy).toBeGreaterThan(0);

  const result = page.getByTestId('cross-validation-result');
  const folds = result.getByTestId('cross-validation-fold');
  await expect(folds).toHaveCount(3);
  const accuracies = (
    await folds.evaluateAll((items) => items.map((item) => item.getAttribute('data-value')))
  ).map(Number);
  for (const accuracy of accuracies) {
    expect(accuracy).toBeGreaterThanOrEqual(0);
    expect(accuracy).toBeLessThanOrEqual(1);
  }
  const mean = accuracies.reduce((sum, a) => sum + a, 0) / 3;
  const std = Math.sqrt(accuracies.reduce((sum, a) => sum + (a - mean) ** 2, 0) / 2);
  expect(Number(await result.getAttribute('data-mean'))).toBeCloseTo(mean, 9);
  expect(Number(await result.getAttribute('data-std'))).toBeCloseTo(std, 9);
  const spread = `${percent(mean)} ± ${percent(std)}`;
  await expect(result).toContainText(`3-fold cross-validation: validation accuracy ${spread}`);
  await expect(studio.report).toContainText("The model kept is the last fold's");

  // The run history keeps the folds' mean and spread.
  await page.getByTestId('tab-runs').click();
  await expect(page.getByTestId('run-row').first().getByTestId('run-validation')).toHaveText(
    spread,
  );
  expect(studio.errors).toEqual([]);
});
