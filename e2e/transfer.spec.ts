import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { Studio, trainRun } from './studio';

// One page trains a small base; a second page builds on it, served from a local address.
test.describe.configure({ mode: 'serial' });

const ORIGIN = 'http://pretrained-base.localhost';
const BASE_URL = `${ORIGIN}/digits/model.json`;

interface ModelJson {
  weightsManifest: { weights: { name: string; shape: number[]; dtype: string }[] }[];
}

/** Every weight of a model.json + weights.bin pair, by name, as raw bytes. */
function weightBytes(files: Record<string, Buffer>): Map<string, Buffer> {
  const json = JSON.parse(files['model.json']!.toString('utf8')) as ModelJson;
  const bin = files['weights.bin']!;
  const named = new Map<string, Buffer>();
  let at = 0;
  for (const spec of json.weightsManifest.flatMap((group) => group.weights)) {
    const length = spec.shape.reduce((a, b) => a * b, 1) * 4;
    named.set(spec.name, bin.subarray(at, at + length));
    at += length;
  }
  return named;
}

/** Downloads the trained model as model.json + weights.bin through the Export panel. */
async function downloadPair(page: Page): Promise<Record<string, Buffer>> {
  await page.getByTestId('tab-export').click();
  await expect(page.getByTestId('export-panel')).toBeVisible();
  const files: Record<string, Buffer> = {};
  const pending: Promise<void>[] = [];
  const onDownload = (download: Download) => {
    pending.push(
      download.path().then(async (path) => {
        files[download.suggestedFilename()] = await readFile(path);
      }),
    );
  };
  page.on('download', onDownload);
  await page.getByTestId('export-pair').click();
  await expect.poll(() => pending.length, { timeout: 30_000 }).toBe(2);
  await Promise.all(pending);
  page.off('download', onDownload);
  expect(Object.keys(files).sort()).toEqual(['model.json', 'weights.bin']);
  return files;
}

/** Names of the weights whose bytes differ between two downloads. */
function changed(before: Map<string, Buffer>, after: Map<string, Buffer>, prefix = ''): string[] {
  return [...after]
    .filter(([name]) => name.startsWith(prefix))
    .filter(([name, bytes]) => !bytes.equals(before.get(name) ?? Buffer.alloc(0)))
    .map(([name]) => name)
    .sort();
}

let base: Record<string, Buffer>;
let page: Page;
let studio: Studio;

test.beforeAll(async ({ browser }) => {
  // The base: the starter network trained briefly on the bundled digits, downloaded.
  const trainer = await browser.newPage();
  const trainerStudio = new Studio(trainer);
  await trainerStudio.open();
  await trainerStudio.ready();
  const { outcome } = await trainRun(trainerStudio, { epochs: 1, examplesPerEpoch: 1280 });
  expect(outcome).toBe('completed');
  base = await downloadPair(trainer);
  await trainer.close();

  page = await browser.newPage();
  studio = new Studio(page);
  await page.route(`${ORIGIN}/**`, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    const body = route.request().url().includes('/digits/') ? base[name] : undefined;
    if (!body) return route.fulfill({ status: 404, body: 'not found' });
    const contentType = name.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    return route.fulfill({ status: 200, body, contentType });
  });
  await studio.open();
  await studio.ready();
});

test.afterAll(async () => {
  await page.close();
});

test('a base is loaded from a local URL; an address that 404s says so and changes nothing', async () => {
  await studio.openBuild();
  // Input → Pretrained base → a new Dense head, in place of the starter's layers.
  for (const id of ['conv1', 'pool1', 'conv2', 'pool2', 'flatten', 'dense1', 'dropout', 'output']) {
    await studio.layer(id).click();
    await page.keyboard.press('Delete');
    await expect(studio.layer(id)).toHaveCount(0);
  }
  await studio.layer('input').click();
  await page.getByTestId('palette-add-pretrainedBase').click();
  await expect(studio.layer('pretrainedBase_1')).toBeVisible();
  await expect(page.getByTestId('inspector')).toContainText('(pretrainedBase_1)');
  await expect(page.getByTestId('base-url')).toHaveValue(/mobilenet_v1_0\.25_224\/model\.json$/);
  await expect(studio.layer('pretrainedBase_1')).toHaveAttribute('data-problem', 'true');

  const specBefore = await studio.spec();
  await page.getByTestId('base-url').fill(`${ORIGIN}/nowhere/model.json`);
  await page.getByTestId('base-load').click();
  await expect(page.getByTestId('base-error')).toContainText('404');
  expect(await studio.spec()).toBe(specBefore);

  await page.getByTestId('base-url').fill(BASE_URL);
  await page.getByTestId('base-load').click();
  await expect(page.getByTestId('base-summary')).toContainText('takes 28×28×1 images');
  await expect(page.getByTestId('base-error')).toHaveCount(0);
  await page.getByTestId('field-cutLayer').selectOption('dense1');
  await expect(page.getByTestId('node-shape-pretrainedBase_1')).toHaveText('64');

  await page.getByTestId('palette-add-dense').click();
  await expect(studio.layer('dense_1')).toBeVisible();
  await page.getByTestId('field-units').fill('10');
  await page.getByTestId('field-activation').selectOption('softmax');
  await expect(page.getByTestId('problems')).toHaveAttribute('data-count', '0');
  expect(studio.errors).toEqual([]);
});

test('training leaves the frozen base bit-identical while the head learns above chance', async () => {
  // A fresh head on fixed features of unknown scale: a higher rate than the default helps it.
  const { outcome, accuracy } = await trainRun(studio, {
    epochs: 1,
    examplesPerEpoch: 1920,
    learningRate: 0.01,
  });
  expect(outcome).toBe('completed');
  console.log(`head on a frozen base: test accuracy ${accuracy}`);
  expect(accuracy).toBeGreaterThan(0.2);
  const before = weightBytes(base);
  const first = weightBytes(await downloadPair(page));
  const baseNames = [...first.keys()].filter((name) => name.startsWith('pretrainedBase_1/'));
  expect(baseNames.length).toBe(6);
  for (const name of baseNames) {
    const original = before.get(name.slice('pretrainedBase_1/'.length));
    expect(original && first.get(name)?.equals(original), name).toBe(true);
  }

  // More training from these weights: the head moves, the base does not.
  await studio.openTrain();
  await page.getByTestId('continue-training').check();
  const again = await trainRun(studio, { epochs: 1, examplesPerEpoch: 320 });
  expect(again.outcome).toBe('completed');
  const second = weightBytes(await downloadPair(page));
  expect(changed(first, second)).toEqual(['dense_1/bias', 'dense_1/kernel']);
  expect(studio.errors).toEqual([]);
});

test('with its last layer unfrozen, exactly that layer of the base changes too', async () => {
  await studio.openBuild();
  await studio.layer('pretrainedBase_1').click();
  await page.getByTestId('field-trainableLayers').fill('1');
  await expect(page.getByTestId('base-summary')).toContainText('of which 1 train');
  await studio.openTrain();
  await page.getByTestId('continue-training').uncheck();
  const { outcome } = await trainRun(studio, { epochs: 1, examplesPerEpoch: 640 });
  expect(outcome).toBe('completed');
  const renamed = new Map(
    [...weightBytes(base)].map(([name, bytes]) => [`pretrainedBase_1/${name}`, bytes]),
  );
  const after = weightBytes(await downloadPair(page));
  expect(changed(renamed, after, 'pretrainedBase_1/')).toEqual([
    'pretrainedBase_1/dense1/bias',
    'pretrainedBase_1/dense1/kernel',
  ]);
  expect(studio.errors).toEqual([]);
});

test('the same base given as files loads, is cut, and stays bit-identical through training', async () => {
  await studio.openBuild();
  await studio.layer('pretrainedBase_1').click();
  await page.getByTestId('field-trainableLayers').fill('0');
  await page.getByTestId('base-files').setInputFiles(
    ['model.json', 'weights.bin'].map((name) => ({
      name,
      mimeType: name.endsWith('.json') ? 'application/json' : 'application/octet-stream',
      buffer: base[name]!,
    })),
  );
  await expect(page.getByTestId('base-summary')).toContainText(
    'Loaded from model.json, weights.bin: takes 28×28×1 images',
  );
  await page.getByTestId('field-cutLayer').selectOption('dense1');
  await expect(page.getByTestId('node-shape-pretrainedBase_1')).toHaveText('64');
  await expect(page.getByTestId('problems')).toHaveAttribute('data-count', '0');

  await studio.openTrain();
  await page.getByTestId('continue-training').uncheck();
  const { outcome } = await trainRun(studio, { epochs: 1, examplesPerEpoch: 640 });
  expect(outcome).toBe('completed');
  const renamed = new Map(
    [...weightBytes(base)].map(([name, bytes]) => [`pretrainedBase_1/${name}`, bytes]),
  );
  const after = weightBytes(await downloadPair(page));
  expect([...after.keys()].filter((name) => name.startsWith('pretrainedBase_1/'))).toHaveLength(6);
  expect(changed(renamed, after, 'pretrainedBase_1/')).toEqual([]);
  expect(studio.errors).toEqual([]);
});
