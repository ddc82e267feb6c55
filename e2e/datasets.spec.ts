import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { expect } from '@playwright/test';
import { test } from './fixtures/data-test';
import { loadLog } from './data.studio';
import { CIFAR_CLASSES, writeCifarFiles, writeCifarTarGz } from './fixtures/cifar';
import { writeIdxFiles } from './fixtures/idx';
import { addUnusableFiles, writeImageFolders } from './fixtures/image-folders';
import { FixtureServer } from './fixtures/server';
import { trainRun } from './studio';

/** Chromium's fake camera and an automatic yes to its prompt, for the webcam capture test. */
const FAKE_CAMERA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

test.use({
  launchOptions: async ({ launchOptions }, use) => {
    await use({ ...launchOptions, args: [...(launchOptions.args ?? []), ...FAKE_CAMERA] });
  },
});

/** The MNIST digits the studio opens with, as the summary shows them. */
const MNIST = { shape: '28×28×1', count: 10_000 };

/** What a canvas (or the first canvas inside an element) shows, as a data URL to compare. */
function canvasImage(target: Locator): Promise<string> {
  return target.evaluate((element) => {
    const canvas = element instanceof HTMLCanvasElement ? element : element.querySelector('canvas');
    return canvas?.toDataURL() ?? '';
  });
}

test.describe('loading the user’s own image folders', () => {
  test('a picked folder of PNGs in three class folders loads, adapts the network and trains above chance', async ({
    page,
    studio,
    data,
    dir,
  }) => {
    writeImageFolders(dir, { perClass: 40, size: 16 });
    expect(await data.load(() => data.pickFolder(dir))).toBe('loaded');
    await data.expectDataset(/^16×16×[13]$/, 120);
    await expect(data.summary).toHaveAttribute('data-classes', '3');
    expect(await data.classCounts()).toEqual({ horizontal: 40, vertical: 40, blob: 40 });
    await expect(page.getByTestId('network-adapted')).toBeVisible();

    const { outcome, accuracy } = await trainRun(studio, { epochs: 4, batchSize: 16 });
    test.info().annotations.push({ type: 'test accuracy', description: String(accuracy) });
    console.log(`${test.info().title}: test accuracy ${accuracy}`);
    expect(outcome).toBe('completed');
    expect(accuracy, 'test accuracy on three classes (chance is 0.33)').toBeGreaterThan(0.5);
    expect(studio.errors).toEqual([]);
  });

  test('a folder chosen in the folder dialog with a text file, a corrupt PNG and an empty PNG lists them with reasons and loads the rest', async ({
    studio,
    data,
    dir,
  }) => {
    const { classes } = writeImageFolders(dir, { perClass: 10, size: 16 });
    const unusable = addUnusableFiles(dir, classes);
    // Choose folder… walks the folder the dialog hands over, as a dropped one.
    expect(await data.load(() => data.chooseFolder(dir))).toBe('loaded');
    await data.expectDataset(/^16×16×[13]$/, 30);
    expect(await data.classCounts()).toEqual({ horizontal: 10, vertical: 10, blob: 10 });

    await expect(data.skipped).toHaveCount(3);
    for (const { path, reason } of unusable) {
      const item = data.page.locator(`[data-testid="skipped-item"][data-path$="${path}"]`);
      await expect(item, path).toHaveCount(1);
      await expect(item, path).toContainText(reason);
    }
    expect(studio.errors).toEqual([]);
  });

  test('the folder dialog closed without choosing loads nothing and the digits stay', async ({
    studio,
    data,
  }) => {
    await data.expectDataset(MNIST.shape, MNIST.count);
    await expect(data.page.getByTestId('load-progress')).toHaveCount(0);
    let inputChoosers = 0;
    data.page.on('filechooser', () => inputChoosers++);
    await data.chooseFolder(null);
    await expect.poll(() => data.folderDialogs()).toBe(1);
    await expect(data.page.getByTestId('load-progress')).toHaveCount(0);
    expect(inputChoosers, 'no folder input opened after the dialog closed').toBe(0);
    await expect(data.message).toHaveCount(0);
    await data.expectDataset(MNIST.shape, MNIST.count);
    expect(studio.errors).toEqual([]);
  });

  test('the health check finds copied images, and classes can be renamed, merged and removed', async ({
    page,
    studio,
    data,
    dir,
  }) => {
    const { files } = writeImageFolders(dir, { perClass: 12, size: 16 });
    // Three more copies of one image, in its own class folder.
    const original = files[0]!;
    for (const n of [1, 2, 3]) copyFileSync(original, original.replace(/\.png$/, `-copy${n}.png`));
    expect(await data.load(() => data.pickFolder(dir))).toBe('loaded');
    await expect(
      page.locator('[data-testid="health-issue"][data-kind="duplicates"]'),
    ).toContainText(/3 images are exact copies/);

    const counts = await data.classCounts();
    const names = Object.keys(counts);
    await page.getByTestId('class-rename-0').fill('first');
    await page.getByTestId('class-rename-0').press('Enter');
    await expect(data.classRow('first')).toHaveAttribute('data-count', String(counts[names[0]!]));

    await page.getByTestId('class-select-1').check();
    await page.getByTestId('class-select-2').check();
    await page.getByTestId('merge-name').fill('lines');
    await page.getByTestId('merge-button').click();
    await expect(data.classRow('lines')).toHaveAttribute(
      'data-count',
      String(counts[names[1]!]! + counts[names[2]!]!),
    );
    await expect(page.getByTestId('class-row')).toHaveCount(2);

    await page.getByTestId('class-remove-0').click();
    await expect(page.getByTestId('class-row')).toHaveCount(1);
    await expect(data.summary).toHaveAttribute('data-classes', '1');
    await expect(
      page.locator('[data-testid="health-issue"][data-kind="too-few-classes"]'),
    ).toBeVisible();
    expect(studio.errors).toEqual([]);
  });

  test('a zip that is not a zip fails with a clear message and the digits stay loaded', async ({
    data,
    dir,
  }) => {
    const broken = join(dir, 'broken.zip');
    writeFileSync(broken, 'These are my holiday photos, honest.\n');
    expect(await data.load(() => data.pickFiles([broken]))).toBe('failed');
    await expect(data.message).toHaveAttribute('data-outcome', 'failed');
    // The message points at the list, which names the file and says what is wrong with it.
    const item = data.page.locator('[data-testid="skipped-item"][data-path$="broken.zip"]');
    await expect(item).toContainText(/not a zip|not an archive/i);
    await data.expectDataset(MNIST.shape, MNIST.count);
  });
});

test.describe('standard dataset files', () => {
  test('dropped IDX files of 2,000 digits give ten classes of 28×28×1 that train', async ({
    studio,
    data,
    dir,
  }) => {
    const files = writeIdxFiles(dir, { count: 2_000, gzip: true });
    expect(await data.load(() => data.pickFiles(files))).toBe('loaded');
    await data.expectDataset(MNIST.shape, 2_000);
    await expect(data.summary).toHaveAttribute('data-classes', '10');
    await expect(data.page.getByTestId('class-row')).toHaveCount(10);

    const { outcome, accuracy } = await trainRun(studio, { epochs: 1, examplesPerEpoch: 640 });
    test.info().annotations.push({ type: 'test accuracy', description: String(accuracy) });
    console.log(`${test.info().title}: test accuracy ${accuracy}`);
    expect(outcome).toBe('completed');
    expect(studio.errors).toEqual([]);
  });

  test('loose CIFAR-10 batches with batches.meta.txt give ten named classes of 32×32×3', async ({
    page,
    studio,
    data,
    dir,
  }) => {
    const files = writeCifarFiles(dir, { train: 300, test: 100 });
    expect(await data.load(() => data.pickFiles(files))).toBe('loaded');
    await data.expectDataset('32×32×3', 400);
    const names = await page
      .getByTestId('class-row')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-name')));
    expect(names).toEqual([...CIFAR_CLASSES]);
    expect(Object.values(await data.classCounts())).toEqual(Array(10).fill(40));
    expect(studio.errors).toEqual([]);
  });
});

test.describe('downloading a dataset', () => {
  test('a CIFAR-10 download shows its progress, then loads from the cache with the server stopped', async ({
    page,
    studio,
    data,
    dir,
  }) => {
    writeCifarTarGz(dir, { train: 300, test: 100 });
    // About a megabyte in 64 KB pieces, 80 ms apart: a download that lasts long enough to see.
    const server = new FixtureServer(dir, { chunkBytes: 64 * 1024, chunkDelayMs: 80 });
    await server.start();
    try {
      await data.chooseSource('url');
      await page.getByTestId('url-preset-cifar-10').click();
      await data.setField('url-field-0', server.url('cifar-10-binary.tar.gz'));
      const download = page.getByTestId('url-load');
      const outcome = data.load(async () => {
        await download.click();
        await expect(page.getByTestId('load-progress')).toBeVisible();
      });
      expect(await outcome).toBe('loaded');
      expect((await loadLog(page)).stages).toContain('downloading');
      await data.expectDataset('32×32×3', 400);
      expect(server.requests).toContain('/cifar-10-binary.tar.gz');

      await server.stop();
      expect(await data.load(() => download.click())).toBe('loaded');
      await expect(data.notes).toContainText(/cache/i);
      await data.expectDataset('32×32×3', 400);
      expect(studio.errors).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  test('cancelling a slow download keeps the digits loaded and the studio usable', async ({
    page,
    studio,
    data,
    dir,
  }) => {
    writeCifarTarGz(dir, { train: 300, test: 100 });
    // A megabyte in 16 KB pieces, 200 ms apart: over ten seconds, so Cancel lands mid-way.
    const server = new FixtureServer(dir, { chunkBytes: 16 * 1024, chunkDelayMs: 200 });
    await server.start();
    try {
      await data.chooseSource('url');
      await page.getByTestId('url-preset-cifar-10').click();
      await data.setField('url-field-0', server.url('cifar-10-binary.tar.gz'));
      const outcome = data.load(async () => {
        await page.getByTestId('url-load').click();
        await expect(page.getByTestId('load-progress')).toHaveAttribute(
          'data-stage',
          'downloading',
        );
        await page.getByTestId('load-cancel').click();
      });
      expect(await outcome).toBe('cancelled');
      await expect(data.message).toContainText(/cancelled/i);
      await data.expectDataset(MNIST.shape, MNIST.count);
      await studio.openTrain();
      await expect(studio.button('train')).toBeEnabled();
      expect(studio.errors).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  test('a download that returns a web page instead of data fails with a clear message', async ({
    page,
    data,
    dir,
  }) => {
    const server = new FixtureServer(dir, {
      routes: {
        '/mirror/cifar-10-binary.tar.gz': {
          contentType: 'text/html; charset=utf-8',
          body: '<!doctype html><html><body><h1>Please sign in</h1></body></html>',
        },
      },
    });
    await server.start();
    try {
      await data.chooseSource('url');
      await page.getByTestId('url-preset-cifar-10').click();
      await data.setField('url-field-0', server.url('mirror/cifar-10-binary.tar.gz'));
      expect(await data.load(() => page.getByTestId('url-load').click())).toBe('failed');
      await expect(data.message).toContainText(/HTML|web page/i);
      await data.expectDataset(MNIST.shape, MNIST.count);
    } finally {
      await server.stop();
    }
  });
});

test.describe('generated and captured data', () => {
  test('1,200 generated colour shapes give six classes of 32×32×3 that train well above chance', async ({
    page,
    studio,
    data,
  }) => {
    await data.chooseSource('shapes');
    await data.setField('shapes-count', 1_200);
    expect(await data.load(() => page.getByTestId('shapes-generate').click())).toBe('loaded');
    await data.expectDataset('32×32×3', 1_200);
    await expect(page.getByTestId('class-row')).toHaveCount(6);
    await expect(page.getByTestId('network-adapted')).toBeVisible();

    // The shapes vary in colour, size, rotation and background, and dropout makes runs differ:
    // small batches and four epochs give the starter network a clear margin over chance.
    const { outcome, accuracy } = await trainRun(studio, {
      epochs: 4,
      batchSize: 16,
      learningRate: 0.003,
    });
    test.info().annotations.push({ type: 'test accuracy', description: String(accuracy) });
    console.log(`${test.info().title}: test accuracy ${accuracy}`);
    expect(outcome).toBe('completed');
    expect(accuracy, 'test accuracy on six classes (chance is 0.17)').toBeGreaterThan(0.35);
    expect(studio.errors).toEqual([]);
  });

  test('the augmentation preview changes when rotation is turned on', async ({ data }) => {
    const augmented = data.page.getByTestId('augment-augmented');
    await expect(augmented).toHaveAttribute('data-version', /\d/);
    const version = Number(await augmented.getAttribute('data-version'));
    const before = await canvasImage(augmented);
    await data.setField('augment-rotation', 45);
    await expect
      .poll(async () => Number(await augmented.getAttribute('data-version')))
      .toBeGreaterThan(version);
    await expect.poll(() => canvasImage(augmented)).not.toBe(before);
  });

  test.describe(() => {
    test.use({ permissions: ['camera'] });

    test('holding record with the fake camera adds frames to a new class', async ({
      page,
      studio,
      data,
    }) => {
      await data.chooseSource('webcam');
      await data.setField('webcam-class-name', 'hand');
      await page.getByTestId('webcam-add-class').click();
      await expect(data.classRow('hand')).toBeVisible();
      // The preview plays once the camera has delivered a frame.
      await expect
        .poll(() =>
          page
            .getByTestId('webcam-preview')
            .evaluate((element) =>
              element instanceof HTMLVideoElement
                ? element.readyState
                : (element.querySelector('video')?.readyState ?? 0),
            ),
        )
        .toBeGreaterThanOrEqual(2);

      await page.getByTestId('webcam-record-0').hover();
      await page.mouse.down();
      await page.waitForTimeout(1_500);
      await page.mouse.up();
      await expect
        .poll(async () => Number(await data.classRow('hand').getAttribute('data-count')))
        .toBeGreaterThan(0);
      await expect(page.getByTestId('webcam-error')).toHaveCount(0);
      expect(studio.errors).toEqual([]);
    });
  });
});
