import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import * as tf from '@tensorflow/tfjs';
import { strFromU8, unzipSync } from 'fflate';
import { readScript } from '../src/model/keras/read-script';
import { openExportedPage } from './exported-page';
import { Studio, trainRun } from './studio';

// One page trains once; the export checks share its trained network.
test.describe.configure({ mode: 'serial' });

let page: Page;
let studio: Studio;
let files: Record<string, Uint8Array>;
let zipBytes: Buffer;
let studioTestAccuracy: number;

interface CheckJson {
  shape: [number, number, number];
  count: number;
  labels: number[];
  pixels: string;
  probabilities: number[][];
}
interface PreprocessingJson {
  inputShape: [number, number, number];
  scale: number[];
  offset: number[];
}

const json = <T>(name: string): T => JSON.parse(strFromU8(files[name]!)) as T;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  studio = new Studio(page);
  await studio.open();
  await studio.ready();
});

test.afterAll(async () => {
  await page.close();
});

async function openExport(): Promise<void> {
  await page.getByTestId('tab-export').click();
  await expect(page.getByTestId('export-panel')).toBeVisible();
}

test('before training, export says there is no model yet', async () => {
  await openExport();
  await page.getByTestId('export-zip').click();
  await expect(page.getByTestId('export-status')).toHaveAttribute('data-state', 'error');
  await expect(page.getByTestId('export-status')).toContainText('Train the network first');
  await expect(page.getByTestId('export-zip')).toBeEnabled();
});

test('the downloaded zip predicts in Node exactly as the studio did', async () => {
  const { outcome, accuracy } = await trainRun(studio, { epochs: 1, examplesPerEpoch: 1280 });
  expect(outcome).toBe('completed');
  studioTestAccuracy = accuracy;
  await openExport();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-zip').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^layerwise-.+\.zip$/);
  zipBytes = await readFile(await download.path());
  files = unzipSync(new Uint8Array(zipBytes));
  await expect(page.getByTestId('export-status')).toHaveAttribute('data-state', 'done');

  const modelJson = json<{ modelTopology: object; weightsManifest: tf.io.WeightsManifestConfig }>(
    'model.json',
  );
  const weights = files['weights.bin']!;
  await tf.setBackend('cpu');
  const model = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest[0]!.weights,
      weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.length),
    }),
  );
  const pre = json<PreprocessingJson>('preprocessing.json');
  const check = json<CheckJson>('check.json');
  expect(check.count).toBe(50);
  expect(json<string[]>('labels.json')).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

  // Only what preprocessing.json says: pixel × scale + offset per channel.
  const pixels = Buffer.from(check.pixels, 'base64');
  const channels = pre.inputShape[2];
  const x = Float32Array.from(
    pixels,
    (p, i) => p * pre.scale[i % channels]! + pre.offset[i % channels]!,
  );
  const probs = tf.tidy(() =>
    (model.predict(tf.tensor4d(x, [check.count, ...pre.inputShape])) as tf.Tensor).arraySync(),
  ) as number[][];
  const argmax = (row: number[]) => row.indexOf(Math.max(...row));
  let largest = 0;
  probs.forEach((row, n) => {
    const studioRow = check.probabilities[n]!;
    expect(argmax(row)).toBe(argmax(studioRow));
    row.forEach((p, k) => (largest = Math.max(largest, Math.abs(p - studioRow[k]!))));
  });
  expect(largest).toBeLessThan(1e-4);
  // A trained model, not a constant: most held-out digits are right.
  const right = probs.filter((row, n) => argmax(row) === check.labels[n]).length;
  expect(right).toBeGreaterThan(35);
  model.dispose();

  const record = json<{ settings: { epochs: number }; dataset: { fingerprint: string } }>(
    'training.json',
  );
  expect(record.settings.epochs).toBe(1);
  expect(record.dataset.fingerprint).toMatch(/.+/);
});

/** The first check image as a PNG, made by the browser as any image file would be. */
async function firstCheckImagePng(): Promise<Buffer> {
  const check = json<CheckJson>('check.json');
  const [h, w, c] = check.shape;
  const pixels = [...Buffer.from(check.pixels, 'base64').subarray(0, h * w * c)];
  const base64 = await page.evaluate(
    async ({ pixels, h, w, c }) => {
      const canvas = new OffscreenCanvas(w, h);
      const ctx = canvas.getContext('2d')!;
      const image = ctx.createImageData(w, h);
      for (let i = 0; i < h * w; i++) {
        for (let k = 0; k < 3; k++) image.data[i * 4 + k] = pixels[i * c + (c === 1 ? 0 : k)]!;
        image.data[i * 4 + 3] = 255;
      }
      ctx.putImageData(image, 0, 0);
      const bytes = new Uint8Array(await (await canvas.convertToBlob()).arrayBuffer());
      return btoa(String.fromCharCode(...bytes));
    },
    { pixels, h, w, c },
  );
  return Buffer.from(base64, 'base64');
}

test("the zip's index.html classifies an image as the studio's playground does", async ({
  browser,
}) => {
  const png = await firstCheckImagePng();
  const image = { name: 'digit.png', mimeType: 'image/png', buffer: png };

  await page.getByTestId('tab-playground').click();
  await page.getByTestId('playground-mode-image').click();
  await page.getByTestId('playground-file').setInputFiles(image);
  const studioLabel = await page.getByTestId('probability').first().getAttribute('data-class');
  expect(studioLabel).toMatch(/^\d$/);

  const demo = await openExportedPage(browser, files);
  await expect(demo.locator('#status')).toContainText('Ready: 10 classes', { timeout: 60_000 });
  await demo.locator('#image').setInputFiles(image);
  await expect(demo.locator('#status')).toHaveText(`Prediction: ${studioLabel}`);
  await demo.getByRole('button', { name: "Check against the studio's predictions" }).click();
  await expect(demo.locator('#check-result')).toContainText(
    "50 of 50 images get the studio's prediction",
  );
  await demo.close();
  expect(studio.errors).toEqual([]);
});

test('model.json and weights.bin download as the standard pair', async () => {
  await openExport();
  const names: string[] = [];
  page.on('download', (download) => names.push(download.suggestedFilename()));
  await page.getByTestId('export-pair').click();
  await expect.poll(() => names.sort(), { timeout: 30_000 }).toEqual(['model.json', 'weights.bin']);
  await expect(page.getByTestId('export-status')).toContainText('Downloaded model.json');
});

test('the Keras script of the network downloads, compiles and declares every layer', async () => {
  await openExport();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-keras').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^train_.+\.py$/);
  const script = await readFile(await download.path(), 'utf8');
  await studio.openBuild();
  const spec = JSON.parse(await studio.spec()) as { nodes: { id: string; kind: string }[] };
  const declared = readScript(script).layers.map((layer) => layer.kwargs.name);
  const layers = spec.nodes.filter((node) => node.kind !== 'input').map((node) => node.id);
  expect([...declared].sort()).toEqual(expect.arrayContaining([...layers].sort()));
  expect(strFromU8(files['train_keras.py']!)).toContain('def build_model(');
});

test.describe('importing a model', () => {
  let fresh: Page;
  let freshStudio: Studio;

  test.beforeAll(async ({ browser }) => {
    fresh = await browser.newPage();
    freshStudio = new Studio(fresh);
    await freshStudio.open();
    await freshStudio.ready();
  });

  test.afterAll(async () => {
    await fresh.close();
  });

  const importFiles = async (...given: { name: string; buffer: Buffer }[]) => {
    await fresh.getByTestId('tab-export').click();
    await fresh
      .getByTestId('import-files')
      .setInputFiles(given.map((file) => ({ ...file, mimeType: 'application/octet-stream' })));
  };

  test('bad model files are explained and the network stays as it was', async () => {
    await freshStudio.openBuild();
    const before = await freshStudio.spec();
    const modelJson = Buffer.from(files['model.json']!);
    const cases: [string, { name: string; buffer: Buffer }[], RegExp][] = [
      ['model.json alone', [{ name: 'model.json', buffer: modelJson }], /weights file weights.bin/],
      [
        'weights of the wrong size',
        [
          { name: 'model.json', buffer: modelJson },
          { name: 'weights.bin', buffer: Buffer.alloc(1000) },
        ],
        /holds 1000 bytes but model.json describes/,
      ],
      [
        'a layer the builder does not have',
        [
          {
            name: 'model.json',
            buffer: Buffer.from(
              strFromU8(files['model.json']!).replace(
                /"class_name":\s*"Flatten"/,
                '"class_name": "LSTM"',
              ),
            ),
          },
          { name: 'weights.bin', buffer: Buffer.from(files['weights.bin']!) },
        ],
        /is a LSTM, which the builder does not have/,
      ],
      [
        'a damaged zip',
        [{ name: 'model.zip', buffer: zipBytes.subarray(0, 2000) }],
        /model.zip is not a readable zip file/,
      ],
    ];
    for (const [, given, message] of cases) {
      await importFiles(...given);
      await expect(fresh.getByTestId('import-status')).toHaveAttribute('data-state', 'error');
      await expect(fresh.getByTestId('import-status')).toHaveText(message);
    }
    await freshStudio.openBuild();
    expect(await freshStudio.spec()).toBe(before);
  });

  test('a model is imported from its address, and an address with no model is explained', async () => {
    const origin = 'http://models.localhost';
    await fresh.route(`${origin}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      const served = ['/digits/model.json', '/digits/weights.bin'];
      const body = served.includes(path) ? files[path.slice('/digits/'.length)] : undefined;
      if (!body) return route.fulfill({ status: 404 });
      return route.fulfill({ status: 200, body: Buffer.from(body) });
    });
    await fresh.getByTestId('tab-export').click();
    await fresh.getByTestId('import-url').fill(`${origin}/missing/model.json`);
    await fresh.getByTestId('import-url-button').click();
    await expect(fresh.getByTestId('import-status')).toHaveText(/answered 404: no model there/);
    // The browser logs the 404 this test asked for; it is not an error of the studio.
    const logged = freshStudio.errors.splice(0);
    expect(logged.every((line) => line.includes('404'))).toBe(true);

    await fresh.getByTestId('import-url').fill(`${origin}/digits/model.json`);
    await fresh.getByTestId('import-url-button').click();
    await expect(fresh.getByTestId('import-status')).toHaveAttribute('data-state', 'done');
    await freshStudio.openBuild();
    const spec = JSON.parse(await freshStudio.spec()) as { nodes: { id: string }[] };
    expect(spec.nodes.map((n) => n.id)).toContain('dense1');
  });

  test('the downloaded zip imported into a fresh studio scores the same test accuracy', async () => {
    await importFiles({ name: 'exported.zip', buffer: zipBytes });
    await expect(fresh.getByTestId('import-status')).toHaveAttribute('data-state', 'done', {
      timeout: 60_000,
    });
    await freshStudio.openBuild();
    const spec = JSON.parse(await freshStudio.spec()) as { nodes: { id: string }[] };
    const record = JSON.parse(strFromU8(files['training.json']!)) as {
      spec: { nodes: { id: string }[] };
    };
    expect(spec.nodes.map((n) => n.id).sort()).toEqual(record.spec.nodes.map((n) => n.id).sort());

    await fresh.getByTestId('tab-insights').click();
    await fresh.getByTestId('evaluation-split').selectOption('test');
    await expect(fresh.getByTestId('evaluation-totals')).toContainText(
      `Accuracy ${(studioTestAccuracy * 100).toFixed(1)}%`,
      { timeout: 60_000 },
    );
    expect(freshStudio.errors).toEqual([]);
  });

  test('the imported model trains on from its weights', async () => {
    await freshStudio.openTrain();
    await fresh.getByTestId('continue-training').check();
    const { outcome, accuracy } = await trainRun(freshStudio, {
      epochs: 1,
      examplesPerEpoch: 320,
      learningRate: 0.0005,
    });
    expect(outcome).toBe('completed');
    // 320 more images cannot teach a new network this much: it started from the weights.
    expect(accuracy).toBeGreaterThan(studioTestAccuracy - 0.05);
    expect(freshStudio.errors).toEqual([]);
  });

  test('a model with a layer the builder does not have comes in as one frozen block that predicts as before', async () => {
    // GaussianDropout: a layer tfjs runs but the builder has no block for; like Dropout, it
    // passes values through unchanged when predicting, so the model scores as exported.
    const modelJson = JSON.parse(strFromU8(files['model.json']!)) as {
      modelTopology: { config: { layers: { class_name: string; config: object }[] } };
    };
    const layers = modelJson.modelTopology.config.layers;
    const dropout = layers.find((layer) => layer.class_name === 'Dropout');
    if (!dropout) throw new Error('The exported network has no Dropout layer.');
    dropout.class_name = 'GaussianDropout';
    await importFiles(
      { name: 'model.json', buffer: Buffer.from(JSON.stringify(modelJson)) },
      { name: 'weights.bin', buffer: Buffer.from(files['weights.bin']!) },
    );
    const status = fresh.getByTestId('import-status');
    await expect(status).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    await expect(status).toContainText('is a GaussianDropout, which the builder does not have');
    await expect(status).toContainText(
      `The model's ${layers.filter((l) => l.class_name !== 'InputLayer').length} layers came in as one frozen block`,
    );

    await freshStudio.openBuild();
    const spec = JSON.parse(await freshStudio.spec()) as {
      nodes: { kind: string; config: { trainableLayers?: number } }[];
    };
    expect(spec.nodes.map((node) => node.kind)).toEqual(['input', 'pretrainedBase']);
    expect(spec.nodes[1]?.config.trainableLayers).toBe(0);

    await fresh.getByTestId('tab-insights').click();
    await fresh.getByTestId('evaluation-split').selectOption('test');
    await expect(fresh.getByTestId('evaluation-totals')).toContainText(
      `Accuracy ${(studioTestAccuracy * 100).toFixed(1)}%`,
      { timeout: 60_000 },
    );

    // Wholly frozen, training would change nothing, and says so; with its last layer
    // unfrozen it trains on from the imported weights (the block rebuilds from its files).
    await freshStudio.openTrain();
    await fresh.getByTestId('continue-training').uncheck();
    await freshStudio.button('train').click();
    await expect(fresh.getByTestId('train-error')).toContainText('Every layer is frozen');
    await freshStudio.openBuild();
    await freshStudio.layer('imported').click();
    await fresh.getByTestId('field-trainableLayers').fill('1');
    await expect(fresh.getByTestId('base-summary')).toContainText('of which 1 train');
    const { outcome, accuracy } = await trainRun(freshStudio, {
      epochs: 1,
      examplesPerEpoch: 320,
      learningRate: 0.0005,
    });
    expect(outcome).toBe('completed');
    expect(accuracy).toBeGreaterThan(studioTestAccuracy - 0.05);
    expect(freshStudio.errors).toEqual([]);
  });
});
