import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import * as tf from '@tensorflow/tfjs';
import { strFromU8, unzipSync } from 'fflate';
import { loseWebGLContextInNext } from './device-loss.studio';
import { Studio, holdOut, trainRun } from './studio';

const short = { epochs: 1, batchSize: 32, examplesPerEpoch: 320 };

interface ModelJson {
  modelTopology: object;
  weightsManifest: tf.io.WeightsManifestConfig;
}

test('an ensemble of two runs reports its test accuracy, also after a GPU lost while scoring it, and exports a zip that loads', async ({
  page,
}) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.ready();
  await holdOut(studio, 1);
  expect((await trainRun(studio, { ...short, learningRate: 0.003 })).outcome).toBe('completed');
  expect((await trainRun(studio, { ...short, learningRate: 0.001 })).outcome).toBe('completed');

  // One ticked run is not an ensemble: the section says what to do instead of offering it.
  await page.getByTestId('tab-runs').click();
  await page.getByTestId('select-run-1').check();
  await expect(page.getByTestId('ensemble-hint')).toHaveText(/^Tick a second run/);
  await expect(page.getByTestId('ensemble-evaluate')).toHaveCount(0);

  await page.getByTestId('select-run-2').check();
  await expect(page.getByTestId('ensemble-evaluate')).toHaveText(
    'Evaluate the ensemble of the 2 ticked runs',
  );
  // A GPU lost while the ensemble is scored: the request is answered with what happened, and
  // asking again scores it on the backend the studio moved to.
  await loseWebGLContextInNext(page, 'evaluateEnsemble');
  await page.getByTestId('ensemble-evaluate').click();
  await expect(page.getByTestId('ensemble-status')).toHaveText(
    'This could not be answered: the WebGL context was lost. Ask again in a moment.',
    { timeout: 60_000 },
  );
  await expect(studio.badge).toHaveAttribute('data-backend', 'cpu', { timeout: 60_000 });
  await page.getByTestId('ensemble-evaluate').click();
  const accuracy = page.getByTestId('ensemble-accuracy');
  await expect(accuracy).toBeVisible({ timeout: 60_000 });
  const value = Number(await accuracy.getAttribute('data-value'));
  expect(value).toBeGreaterThanOrEqual(0);
  expect(value).toBeLessThanOrEqual(1);
  await expect(page.getByTestId('ensemble-member')).toHaveCount(2);
  await expect(page.getByTestId('ensemble-member').nth(0)).toContainText('Run 1: ');
  await expect(page.getByTestId('ensemble-confusion-matrix').locator('tbody tr')).toHaveCount(10);
  await expect(page.getByTestId('ensemble-classes').locator('tbody tr')).toHaveCount(10);
  await expect(page.getByTestId('ensemble-wins')).toHaveText(
    /^The ensemble beats every member on \d+ of 10 classes/,
  );

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('ensemble-download').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^layerwise-ensemble-.+\.zip$/);
  await expect(page.getByTestId('ensemble-status')).toHaveAttribute('data-state', 'done');
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  const json = <T>(name: string) => JSON.parse(strFromU8(files[name]!)) as T;
  const ensemble = json<{ rule: string; members: { folder: string }[]; labels: string[] }>(
    'ensemble.json',
  );
  expect(ensemble.rule).toBe('mean of member probabilities, then argmax');
  expect(ensemble.members.map((m) => m.folder)).toEqual(['run-1', 'run-2']);
  expect(json<string[]>('labels.json')).toHaveLength(10);
  expect(strFromU8(files['README.txt']!)).toContain('Average the members');
  const { inputShape } = json<{ inputShape: [number, number, number] }>('preprocessing.json');

  await tf.setBackend('cpu');
  for (const { folder } of ensemble.members) {
    const modelJson = json<ModelJson>(`${folder}/model.json`);
    const weights = files[`${folder}/weights.bin`]!;
    const model = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: modelJson.modelTopology,
        weightSpecs: modelJson.weightsManifest[0]!.weights,
        weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.length),
      }),
    );
    const shape = tf.tidy(() => (model.predict(tf.zeros([2, ...inputShape])) as tf.Tensor).shape);
    expect(shape).toEqual([2, 10]);
    model.dispose();
  }
  expect(studio.errors).toEqual([]);
});
