import { expect, test } from '@playwright/test';
import { Studio, holdOut, studioOnTrain, trainRun } from './studio';

const short = { epochs: 1, batchSize: 32, examplesPerEpoch: 320 };

test('two runs with different widths are kept, overlaid and compared, and a run replays to the same scores', async ({
  page,
}) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.ready();
  await holdOut(studio, 1);
  await page.getByTestId('tab-runs').click();
  await expect(page.getByTestId('runs-empty')).toBeVisible();

  const first = await trainRun(studio, short);
  expect(first.outcome).toBe('completed');
  await studio.openBuild();
  await studio.layer('dense1').click();
  await page.getByTestId('field-units').fill('16');
  const second = await trainRun(studio, short);
  expect(second.outcome).toBe('completed');

  await page.getByTestId('tab-runs').click();
  const rows = page.getByTestId('run-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).getByTestId('run-accuracy')).toHaveText(
    `${(first.accuracy * 100).toFixed(1)}%`,
  );
  // Sorted by test accuracy, best first.
  await page.getByTestId('sort-accuracy').click();
  const best = first.accuracy >= second.accuracy ? '1' : '2';
  await expect(rows.nth(0)).toHaveAttribute('data-run', best);

  await page.getByTestId('select-run-1').check();
  await page.getByTestId('select-run-2').check();
  for (const chart of ['overlay-accuracy', 'overlay-loss']) {
    await expect(page.getByTestId(`${chart}-summary`)).toContainText('Run 1');
    await expect(page.getByTestId(`${chart}-summary`)).toContainText('Run 2');
  }
  await expect(page.getByTestId('run-diff-layers')).toHaveText("Dense 'dense1' (units 64 → 16)");
  await expect(page.getByTestId('run-diff-settings')).toHaveCount(0);
  await expect(page.getByTestId('run-diff-classes').locator('tbody tr')).toHaveCount(10);

  // Replaying run 1 trains its network with its settings and seed again, from fresh weights.
  await page.getByTestId('replay-run-1').click();
  expect(await studio.waitForRunEnd()).toBe('completed');
  await studio.openBuild();
  await studio.layer('dense1').click();
  await expect(page.getByTestId('field-units')).toHaveValue('64');
  await page.getByTestId('tab-runs').click();
  await expect(rows).toHaveCount(3);
  const replay = page.locator('[data-testid="run-row"][data-run="3"]');
  await expect(replay).toContainText('Run 3 (replay of Run 1)');
  await expect(replay.getByTestId('run-accuracy')).toHaveText(
    `${(first.accuracy * 100).toFixed(1)}%`,
  );
  expect(studio.errors).toEqual([]);
});

test('a three-value learning-rate sweep fills the runs table and plots accuracy against the rate; Cancel stops a sweep cleanly', async ({
  page,
}) => {
  const studio = await studioOnTrain(page, { batchSize: 32, examplesPerEpoch: 320 });
  await page.getByTestId('tab-runs').click();
  await page.getByTestId('sweep-values-1').fill('0.01, 0.003, 0.001');
  await studio.fill('sweep-budget', '3');
  await page.getByTestId('sweep-start').click();
  await expect(page.getByTestId('sweep-status')).toHaveText(
    'Sweep finished: 3 runs, each 1 epoch(s).',
    {
      timeout: 400_000,
    },
  );
  const rows = page.getByTestId('run-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('Run 1 (learning rate 0.01)');
  await expect(rows.nth(2)).toContainText('Run 3 (learning rate 0.001)');
  const summary = page.getByTestId('sweep-by-value-summary');
  // The rightmost point is the largest rate, 0.01: log10 = -2.
  await expect(summary).toHaveText(
    /^Accuracy by value: test accuracy [\d.]+ at log10 learning rate -2\.$/,
  );
  await expect(page.getByTestId('sweep-by-params-summary')).toContainText('at parameters');

  // A bad value is explained before anything runs.
  await page.getByTestId('sweep-values-1').fill('0.01, fast');
  await page.getByTestId('sweep-start').click();
  await expect(page.getByTestId('sweep-status')).toHaveText(
    'Learning rate: “fast” is not a number.',
  );

  await page.getByTestId('sweep-values-1').fill('0.01, 0.003, 0.001');
  await page.getByTestId('sweep-start').click();
  await expect(page.getByTestId('sweep-status')).toContainText('Run 1 of 3');
  // The sweep goes on while the Train panel shows its run; Cancel is still there after.
  await studio.openTrain();
  await studio.waitForStepAbove(0);
  await page.getByTestId('tab-runs').click();
  await page.getByTestId('sweep-cancel').click();
  await expect(page.getByTestId('sweep-status')).toHaveText('Sweep cancelled after 0 of 3 runs.', {
    timeout: 120_000,
  });
  // The stopped run is kept, as a stopped run; no other run started.
  await expect(rows).toHaveCount(4);
  await expect(page.locator('[data-testid="run-row"][data-run="4"]')).toHaveAttribute(
    'data-outcome',
    'stopped',
  );
  await expect(page.getByTestId('sweep-start')).toBeEnabled();
  expect(studio.errors).toEqual([]);
});
