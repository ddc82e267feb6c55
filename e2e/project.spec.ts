import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { DataPanel, watchLoads } from './data.studio';
import { writeImageFolders } from './fixtures/image-folders';
import { makeTempDir, removeTempDir } from './fixtures/temp-dir';
import { encodeDataset } from '../src/data/sample-format';
import { makeProject } from '../src/shared/project/make-project';
import { PROJECT_VERSION } from '../src/shared/project/migrate';
import type { Project } from '../src/shared/project/project';
import { Studio, holdOut, trainRun } from './studio';

/** The network on the Build canvas, as data (key order aside). */
async function network(studio: Studio): Promise<unknown> {
  await studio.openBuild();
  return JSON.parse(await studio.spec());
}

/** The layer ids of the network on the Build canvas, in spec order. */
async function layerIds(studio: Studio): Promise<string[]> {
  const spec = (await network(studio)) as { nodes: { id: string }[] };
  return spec.nodes.map((node) => node.id);
}

/** Adds a softmax Activation after the output layer with the palette's Add button. */
async function addSoftmaxAfterOutput(studio: Studio): Promise<void> {
  await studio.openBuild();
  await studio.layer('output').click();
  await studio.page.getByTestId('palette-add-activation').click();
  await expect(studio.layer('activation_1')).toBeVisible();
  await studio.page.getByTestId('field-activation').selectOption('softmax');
  await expect.poll(() => studio.problemCount()).toBe(0);
}

const notice = (page: Page) => page.getByTestId('project-notice');

/** Opens the Project menu in the header unless it is open. */
async function projectMenu(page: Page): Promise<void> {
  const button = page.getByTestId('project-menu-button');
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

async function openFile(page: Page, file: string | { name: string; buffer: Buffer }) {
  const files = typeof file === 'string' ? file : { ...file, mimeType: 'application/zip' };
  await page.getByTestId('project-file-input').setInputFiles(files);
}

/** Saves the project from the Project menu; the downloaded file's path and its zip entries. */
async function saveProject(page: Page): Promise<{ file: string; entries: string[] }> {
  const download = page.waitForEvent('download');
  await projectMenu(page);
  await page.getByTestId('project-save').click();
  const file = await (await download).path();
  return { file, entries: Object.keys(unzipSync(await readFile(file))) };
}

/** Forgets the autosave and reloads: the studio a first visit sees. */
async function freshStudio(studio: Studio): Promise<void> {
  await studio.page.evaluate(
    () =>
      new Promise((resolve) => {
        const request = indexedDB.deleteDatabase('keyval-store');
        request.onsuccess = request.onerror = request.onblocked = resolve;
      }),
  );
  await studio.page.reload();
  await studio.ready();
}

test.describe('projects', () => {
  test('a saved project opens in a fresh studio with its network, settings and run; a reload restores the autosave', async ({
    page,
  }) => {
    const studio = new Studio(page);
    await studio.open();
    await studio.ready();
    await holdOut(studio, 1);
    await projectMenu(page);
    await page.getByTestId('project-name').fill('Digits plus');
    await page.keyboard.press('Escape');
    await addSoftmaxAfterOutput(studio);
    const spec = await network(studio);
    const run = await trainRun(studio, {
      epochs: 1,
      batchSize: 32,
      examplesPerEpoch: 320,
      learningRate: 0.005,
    });
    expect(run.outcome).toBe('completed');
    const lastStep = await studio.curveStep('loss');
    expect(lastStep).toBe(10);

    const download = page.waitForEvent('download');
    await projectMenu(page);
    await page.getByTestId('project-save').click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('digits-plus.layerwise');
    const file = await saved.path();

    // The autosave follows the run's end; a reload brings the project back.
    await expect(page.getByTestId('autosave-status')).toBeVisible();
    await page.waitForTimeout(1500);
    await page.reload();
    await expect(notice(page)).toContainText("Restored your last session's project “Digits plus”");
    await expect(page.getByTestId('test-accuracy')).toHaveAttribute(
      'data-value',
      String(run.accuracy),
    );
    expect(await network(studio)).toEqual(spec);

    // Without storage the studio starts with the starter network, and the file opens there.
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          const request = indexedDB.deleteDatabase('keyval-store');
          request.onsuccess = request.onerror = request.onblocked = resolve;
        }),
    );
    await page.reload();
    await studio.ready();
    expect(await layerIds(studio)).not.toContain('activation_1');
    await expect(notice(page)).toHaveCount(0);

    await openFile(page, file);
    await expect(notice(page)).toContainText('Opened “Digits plus”');
    await expect(notice(page)).toContainText('Its trained weights are back');
    expect(await layerIds(studio)).toContain('activation_1');
    expect(await network(studio)).toEqual(spec);
    await expect(page.getByTestId('project-menu-button')).toContainText('Digits plus');
    await studio.openTrain();
    await expect(page.getByTestId('epochs')).toHaveValue('1');
    await expect(page.getByTestId('batch-size')).toHaveValue('32');
    await expect(page.getByTestId('examples-per-epoch')).toHaveValue('320');
    await expect(page.getByTestId('learning-rate')).toHaveValue('0.005');
    await expect(page.getByTestId('test-accuracy')).toHaveAttribute(
      'data-value',
      String(run.accuracy),
    );
    await expect.poll(() => studio.curveStep('loss')).toBe(lastStep);
    // The saved weights, not new ones: the test split scores what the run scored.
    await page.getByTestId('tab-insights').click();
    await page.getByTestId('evaluation-split').selectOption('test');
    await expect(page.getByTestId('evaluation-totals')).toContainText(
      `Accuracy ${(run.accuracy * 100).toFixed(1)}%`,
    );
    expect(studio.errors).toEqual([]);
  });

  test('a project saved with its dataset brings the images back in a fresh studio, and trains on them', async ({
    page,
  }) => {
    const dir = makeTempDir('project-dataset');
    try {
      await watchLoads(page);
      const studio = new Studio(page);
      await studio.open();
      await studio.ready();
      const data = new DataPanel(page);
      await data.open();
      writeImageFolders(dir, { perClass: 16, size: 16, classes: ['horizontal', 'vertical'] });
      expect(await data.load(() => data.pickFolder(dir))).toBe('loaded');
      await data.expectDataset(/^16×16×1$/, 32);
      const counts = await data.classCounts();
      expect(counts).toEqual({ horizontal: 16, vertical: 16 });

      // Off by default: a plain save holds no images.
      await projectMenu(page);
      const include = page.getByTestId('project-include-dataset');
      await expect(include).not.toBeChecked();
      await expect(page.locator('.project-include-dataset')).toContainText(
        /Include the dataset \(32 images, about [\d.]+ KB\)/,
      );
      expect((await saveProject(page)).entries).toEqual(['project.json']);

      await include.check();
      const saved = await saveProject(page);
      expect(saved.entries).toContain('data/dataset.lwds');

      await freshStudio(studio);
      await data.open();
      await data.expectDataset('28×28×1', 10_000);
      await openFile(page, saved.file);
      await expect(notice(page)).toContainText('Its dataset came with it: 32 images.');
      await data.open();
      await data.expectDataset('16×16×1', 32);
      expect(await data.classCounts()).toEqual(counts);

      const run = await trainRun(studio, { epochs: 1, batchSize: 8 });
      expect(run.outcome).toBe('completed');
      expect(studio.errors).toEqual([]);
    } finally {
      removeTempDir(dir);
    }
  });

  test('a saved project keeps the class edits, and makes them again when it opens in a fresh studio', async ({
    page,
  }) => {
    const studio = new Studio(page);
    await studio.open();
    await studio.ready();
    const data = new DataPanel(page);
    await data.open();
    await data.renameClass(9, 'nine');
    await data.mergeClasses([0, 1], 'zero or one');
    await expect(data.summary).toHaveAttribute('data-classes', '9');
    const saved = await saveProject(page);
    const json = unzipSync(await readFile(saved.file))['project.json']!;
    const project = JSON.parse(Buffer.from(json).toString('utf8')) as Project;
    expect(project.data.dataset?.classEdits).toEqual([
      { op: 'rename', index: 9, name: 'nine' },
      { op: 'merge', indices: [0, 1], name: 'zero or one' },
    ]);

    await freshStudio(studio);
    await data.open();
    await expect(data.summary).toHaveAttribute('data-classes', '10');
    await openFile(page, saved.file);
    await expect(notice(page)).toContainText('Opened');
    await data.open();
    await expect(data.summary).toHaveAttribute('data-classes', '9');
    await expect(data.classRow('zero or one')).toBeVisible();
    await expect(data.classRow('nine')).toBeVisible();
    expect(studio.errors).toEqual([]);
  });

  test('a share link opens the same network and settings in a fresh studio; a cut-off one is refused', async ({
    page,
    browser,
  }) => {
    const studio = new Studio(page);
    await studio.open();
    await studio.ready();
    const starter = await layerIds(studio);
    await addSoftmaxAfterOutput(studio);
    const spec = await network(studio);
    await studio.openTrain();
    await studio.fill('learning-rate', '0.01');
    await projectMenu(page);
    await page.getByTestId('project-share').click();
    const link = await page.getByTestId('share-link').inputValue();
    expect(link).toMatch(/#net=[\w-]+$/);

    const friend = new Studio(await browser.newPage());
    await friend.page.goto(link);
    await expect(notice(friend.page)).toContainText('from a share link');
    expect(await network(friend)).toEqual(spec);
    expect(new URL(friend.page.url()).hash).toBe('');
    await friend.openTrain();
    await expect(friend.page.getByTestId('learning-rate')).toHaveValue('0.01');
    expect(friend.errors).toEqual([]);

    const other = new Studio(await browser.newPage());
    await other.page.goto(link.slice(0, -40));
    await expect(notice(other.page)).toContainText('This share link is incomplete or damaged');
    await other.ready();
    expect(await layerIds(other)).toEqual(starter);
    expect(other.errors).toEqual([]);
  });

  test('a damaged file and a file from a newer studio are refused and change nothing', async ({
    page,
  }) => {
    const studio = new Studio(page);
    await studio.open();
    await studio.ready();
    await projectMenu(page);
    await page.getByTestId('project-name').fill('My digits');
    await page.keyboard.press('Escape');
    await addSoftmaxAfterOutput(studio);
    const spec = await network(studio);

    await openFile(page, {
      name: 'broken.layerwise',
      buffer: Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]),
    });
    await expect(notice(page)).toContainText('This project file is damaged');
    await expect(notice(page)).toHaveAttribute('data-tone', 'error');

    // A valid project whose dataset was cut short: refused before anything is applied.
    const dataset = encodeDataset({
      rows: 32,
      cols: 32,
      channels: 3,
      classes: 4,
      labels: Uint8Array.of(0, 1, 2, 3),
      pixels: new Uint8Array(4 * 32 * 32 * 3).fill(128),
    });
    await openFile(page, {
      name: 'cut.layerwise',
      buffer: Buffer.from(
        zipSync({
          'project.json': strToU8(JSON.stringify(makeProject({ name: 'Cut short' }))),
          'data/dataset.lwds': dataset.subarray(0, dataset.length - 500),
        }),
      ),
    });
    await expect(notice(page)).toContainText(
      "This project's dataset (data/dataset.lwds) is damaged: its header promises",
    );
    const data = new DataPanel(page);
    await data.open();
    await data.expectDataset('28×28×1', 10_000);

    const newer = { format: 'layerwise-project', version: 99, name: 'Future' };
    await openFile(page, {
      name: 'future.layerwise',
      buffer: Buffer.from(zipSync({ 'project.json': strToU8(JSON.stringify(newer)) })),
    });
    await expect(notice(page)).toContainText(
      `made by a newer Layerwise (format 99); this studio reads up to format ${PROJECT_VERSION}`,
    );

    await expect(page.getByTestId('project-menu-button')).toContainText('My digits');
    expect(await network(studio)).toEqual(spec);
    expect(studio.errors).toEqual([]);
  });

  test('an unreadable autosave is set aside with a notice and the starter project opens', async ({
    page,
  }) => {
    const studio = new Studio(page);
    await studio.open();
    await studio.ready();
    const starter = await layerIds(studio);
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('keyval-store');
          open.onupgradeneeded = () => open.result.createObjectStore('keyval');
          open.onerror = () => reject(new Error(String(open.error)));
          open.onsuccess = () => {
            const write = open.result.transaction('keyval', 'readwrite');
            write.objectStore('keyval').put('{"format": "layerwise-pro', 'layerwise-autosave');
            write.oncomplete = resolve;
          };
        }),
    );
    await page.reload();
    await expect(notice(page)).toContainText("Your last session's autosave could not be read");
    await studio.ready();
    expect(await layerIds(studio)).toEqual(starter);
    expect(studio.errors).toEqual([]);
  });
});
