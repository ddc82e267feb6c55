import type { Page, Worker } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { Studio, trainRun } from './studio';

/**
 * Makes IndexedDB refuse every write, as a full disk does, once `fill` is called: the page's
 * writes while sessionStorage says so (a reload keeps the disk full), the engine worker's
 * after a flag on its global scope is set.
 */
async function fullStorage(page: Page): Promise<{ fill: () => Promise<void> }> {
  let engine: Worker | undefined;
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put; // eslint-disable-line @typescript-eslint/unbound-method -- called with its store below
    IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
      if (sessionStorage.getItem('storage-full') === 'yes') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    };
  });
  page.on('worker', (worker) => {
    if (!worker.url().includes('engine.worker')) return;
    engine = worker;
    void worker
      .evaluate(() => {
        const put = IDBObjectStore.prototype.put; // eslint-disable-line @typescript-eslint/unbound-method -- called with its store below
        IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
          if ((self as { storageFull?: boolean }).storageFull) {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          }
          return put.apply(this, args);
        };
      })
      .catch(() => {});
  });
  return {
    fill: async () => {
      await page.evaluate(() => sessionStorage.setItem('storage-full', 'yes'));
      await engine?.evaluate(() => {
        (self as { storageFull?: boolean }).storageFull = true;
      });
    },
  };
}

/** Opens the project menu unless it is open. */
async function projectMenu(page: Page): Promise<void> {
  const button = page.getByTestId('project-menu-button');
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

/** Types a new project name in the project menu, which stays open. */
async function renameProject(page: Page, name: string): Promise<void> {
  await projectMenu(page);
  await page.getByTestId('project-name').fill(name);
}

test('a full storage is told in words, the studio goes on, and a reload opens the last good autosave', async ({
  page,
}) => {
  const storage = await fullStorage(page);
  const studio = new Studio(page);
  await studio.open();
  await studio.ready();
  const notice = page.getByTestId('project-notice');
  const status = page.getByTestId('autosave-status');

  await renameProject(page, 'Digits that fit');
  await expect(page.getByTestId('project-menu-button')).toContainText('Digits that fit');
  await expect(status).toBeVisible();
  const savedAt = await status.getAttribute('data-saved-at');

  await storage.fill();
  await renameProject(page, 'Digits that do not fit');
  await expect(notice).toContainText(
    "The browser's storage for this site is full, so your latest changes were not autosaved",
  );
  await expect(notice).toContainText('use Save in the project menu to keep your project as a file');
  await expect(notice).toHaveAttribute('data-tone', 'error');
  await expect(status).toHaveAttribute('data-saved-at', savedAt ?? '');

  // The studio goes on: a short run trains, and its checkpoint's failure is told too.
  const run = await trainRun(studio, { epochs: 1, examplesPerEpoch: 640 });
  expect(run.outcome).toBe('completed');
  await expect(notice).toContainText(
    "The browser's storage for this site is full, so training checkpoints are not being saved",
  );
  await expect(notice).toContainText('use Export to keep the trained model as files');
  // Saving the project as a file still works, with the name the autosave could not keep.
  const download = page.waitForEvent('download');
  await projectMenu(page);
  await page.getByTestId('project-save').click();
  expect((await download).suggestedFilename()).toBe('digits-that-do-not-fit.layerwise');
  expect(studio.errors).toEqual([]);

  // The disk is still full after a reload: the last good autosave opens, whole, without the
  // weights no checkpoint could keep.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Layerwise' })).toBeVisible();
  await expect(notice).toContainText("Restored your last session's project “Digits that fit”");
  await expect(notice).not.toContainText('checkpoint');
  await expect(page.getByTestId('project-menu-button')).toContainText('Digits that fit');
  await studio.ready();
});
