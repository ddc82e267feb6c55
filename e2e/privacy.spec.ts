import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DataPanel, watchLoads } from './data.studio';
import { writeImageFolders } from './fixtures/image-folders';
import { makeTempDir, removeTempDir } from './fixtures/temp-dir';
import { Studio, trainRun } from './studio';

/** Class names a classroom might type: markup that must stay plain text (no '/': a folder's name). */
const HOSTILE = ['<img src=x onerror=alert(1)>', '<svg onload=alert(2)>'];

test('a whole session sends nothing beyond the studio’s own address, and markup in class names stays text', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? '').origin;
  const outside: string[] = [];
  // Every request of every page and worker of the session, before any of it leaves.
  context.on('request', (request) => {
    const url = request.url();
    if (!/^(blob|data):/.test(url) && new URL(url).origin !== origin) outside.push(url);
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  const dir = makeTempDir('privacy');
  try {
    const { root } = writeImageFolders(dir, { perClass: 30, size: 16 });
    renameSync(join(root, 'horizontal'), join(root, HOSTILE[0]!));
    renameSync(join(root, 'vertical'), join(root, HOSTILE[1]!));

    await watchLoads(page);
    const studio = new Studio(page);
    await studio.open();
    await studio.ready();
    const data = new DataPanel(page);
    await data.open();
    expect(await data.load(() => data.pickFolder(root))).toBe('loaded');
    for (const [i, name] of HOSTILE.entries()) {
      await expect(page.getByLabel(`Name of class ${i + 1}`)).toHaveValue(name);
    }

    // Build: one change in the Inspector.
    await studio.openBuild();
    await studio.layer('dense1').click();
    await page.getByTestId('field-units').fill('32');
    const run = await trainRun(studio, { epochs: 2, batchSize: 16 });
    expect(run.outcome).toBe('completed');

    await page.getByTestId('tab-insights').click();
    await expect(page.getByTestId('evaluation-totals')).toContainText('Accuracy', {
      timeout: 60_000,
    });
    for (const name of HOSTILE) await expect(page.getByText(name).first()).toBeAttached();
    await page.getByTestId('tab-playground').click();
    await page.getByTestId('tab-export').click();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-zip').click();
    expect((await download).suggestedFilename()).toMatch(/\.zip$/);

    // The markup never became elements, and nothing left the studio's own address.
    expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
    expect(
      await page.evaluate(() =>
        [...document.scripts].some((script) => script.textContent?.includes('alert')),
      ),
    ).toBe(false);
    expect(dialogs).toEqual([]);
    expect(outside).toEqual([]);
    expect(studio.errors).toEqual([]);
  } finally {
    removeTempDir(dir);
  }
});
