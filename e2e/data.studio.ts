import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Every file under `dir`, with its path from `dir` and its bytes (as numbers, to send). */
function filesUnder(dir: string): { path: string; bytes: number[] }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = join(entry.parentPath, entry.name);
      return { path: relative(dir, full), bytes: [...readFileSync(full)] };
    });
}

/** The sources the Data panel offers. */
export type SourceKind = 'mnist' | 'shapes' | 'files' | 'url' | 'webcam';

/** What the page saw of dataset loads, recorded by watchLoads. */
export interface LoadLog {
  /** Stages the progress bars showed, in order (e.g. "starting", "downloading"). */
  stages: string[];
  /** Progress bars that appeared and that went away: one each per load. */
  started: number;
  ended: number;
}

type Probe = { __loads: LoadLog };

/**
 * Records every progress bar from the first paint on, so a test can tell a quick load
 * happened and ended even when its progress bar was gone before anyone looked. Call before
 * opening the page.
 */
export async function watchLoads(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: LoadLog = { stages: [], started: 0, ended: 0 };
    (window as unknown as Probe).__loads = log;
    const selector = '[data-testid="load-progress"]';
    const bars = (node: Node): Element[] =>
      node instanceof Element
        ? [...(node.matches(selector) ? [node] : []), ...node.querySelectorAll(selector)]
        : [];
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        if (mutation.type === 'attributes' && mutation.target instanceof Element) {
          log.stages.push(mutation.target.getAttribute('data-stage') ?? '');
        }
        for (const bar of [...mutation.addedNodes].flatMap(bars)) {
          log.started++;
          log.stages.push(bar.getAttribute('data-stage') ?? '');
        }
        log.ended += [...mutation.removedNodes].flatMap(bars).length;
      }
    }).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-stage'],
    });
  });
}

/** The loads seen so far (see watchLoads). */
export function loadLog(page: Page): Promise<LoadLog> {
  return page.evaluate(() => (window as unknown as Probe).__loads);
}

/** A page object for the Data panel: sources, the loaded dataset and its classes. */
export class DataPanel {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('tab-data').click();
    await expect(this.source('mnist')).toBeVisible();
  }

  source(kind: SourceKind): Locator {
    return this.page.getByTestId(`source-${kind}`);
  }

  async chooseSource(kind: SourceKind): Promise<void> {
    await this.source(kind).click();
  }

  get summary(): Locator {
    return this.page.getByTestId('dataset-summary');
  }

  get message(): Locator {
    return this.page.getByTestId('load-message');
  }

  get skipped(): Locator {
    return this.page.getByTestId('skipped-item');
  }

  get notes(): Locator {
    return this.page.getByTestId('load-notes');
  }

  classRow(name: string): Locator {
    return this.page.locator(`[data-testid="class-row"][data-name="${name}"]`);
  }

  /** Renames class `index` in the class list and waits for its new row. */
  async renameClass(index: number, name: string): Promise<void> {
    const field = this.page.getByTestId(`class-rename-${index}`);
    await field.fill(name);
    await field.press('Enter');
    await expect(this.classRow(name)).toBeVisible();
  }

  /** Merges the classes at `indices` into one named `name` and waits for its row. */
  async mergeClasses(indices: number[], name: string): Promise<void> {
    for (const index of indices) await this.page.getByTestId(`class-select-${index}`).check();
    await this.page.getByTestId('merge-name').fill(name);
    await this.page.getByTestId('merge-button').click();
    await expect(this.classRow(name)).toBeVisible();
  }

  /** Examples per class, by name, as the class list shows them. */
  async classCounts(): Promise<Record<string, number>> {
    const rows = await this.page
      .getByTestId('class-row')
      .evaluateAll((elements) =>
        elements.map((e): [string, number] => [
          e.getAttribute('data-name') ?? '',
          Number(e.getAttribute('data-count')),
        ]),
      );
    return Object.fromEntries(rows);
  }

  /** Waits until the dataset summary shows `count` examples of `shape` (e.g. "28×28×1"). */
  async expectDataset(shape: string | RegExp, count?: number, timeout = 90_000): Promise<void> {
    await expect(this.summary).toHaveAttribute('data-shape', shape, { timeout });
    if (count !== undefined) {
      await expect(this.summary).toHaveAttribute('data-count', String(count), { timeout });
    }
  }

  /**
   * Does `action`, which starts a load, and waits for that load to end. Returns how it ended:
   * "loaded", or the load message's outcome ("failed", "cancelled"). Needs watchLoads.
   */
  async load(action: () => Promise<void>, timeout = 90_000): Promise<string> {
    const before = (await loadLog(this.page)).ended;
    await action();
    await expect
      .poll(async () => (await loadLog(this.page)).ended, { timeout, message: 'the load to end' })
      .toBeGreaterThan(before);
    if ((await this.message.count()) === 0) return 'loaded';
    return (await this.message.getAttribute('data-outcome')) ?? '';
  }

  /** Picks a folder (one sub-folder per class) through the directory input. */
  async pickFolder(dir: string): Promise<void> {
    await this.chooseSource('files');
    await this.page.getByTestId('folder-input').setInputFiles(dir);
  }

  /**
   * Chooses a folder with Choose folder…, as a person picks one in the browser's folder
   * dialog. A test cannot click through that dialog, so the folder is copied into the page's
   * private file system and the dialog answers with its handle, as the real one answers with
   * the chosen folder's. `null` closes the dialog without choosing.
   */
  async chooseFolder(dir: string | null): Promise<void> {
    await this.chooseSource('files');
    const files = dir === null ? null : filesUnder(dir);
    await this.page.evaluate(
      async ({ name, files }) => {
        type Picker = {
          showDirectoryPicker: () => Promise<FileSystemDirectoryHandle>;
          __folderDialogs: number;
        };
        const page = window as unknown as Picker;
        page.__folderDialogs = 0;
        if (files === null) {
          page.showDirectoryPicker = () => {
            page.__folderDialogs++;
            return Promise.reject(new DOMException('The user aborted a request.', 'AbortError'));
          };
          return;
        }
        const root = await navigator.storage.getDirectory();
        await root.removeEntry(name, { recursive: true }).catch(() => undefined);
        const folder = await root.getDirectoryHandle(name, { create: true });
        for (const { path, bytes } of files) {
          const parts = path.split('/');
          let at = folder;
          for (const part of parts.slice(0, -1)) {
            at = await at.getDirectoryHandle(part, { create: true });
          }
          const file = await at.getFileHandle(parts[parts.length - 1]!, { create: true });
          const writable = await file.createWritable();
          await writable.write(new Uint8Array(bytes));
          await writable.close();
        }
        page.showDirectoryPicker = () => {
          page.__folderDialogs++;
          return Promise.resolve(folder);
        };
      },
      { name: dir === null ? '' : basename(dir), files },
    );
    await this.page.getByTestId('choose-folder').click();
  }

  /** How often the folder dialog opened since the last `chooseFolder`. */
  folderDialogs(): Promise<number> {
    return this.page.evaluate(
      () => (window as unknown as { __folderDialogs: number }).__folderDialogs,
    );
  }

  /**
   * Drops a folder on the drop zone as a file manager would: Chromium's DevTools protocol
   * hands the page a directory item, which the studio walks through its file handles.
   */
  async dropFolder(dir: string): Promise<void> {
    await this.chooseSource('files');
    const box = await this.page.getByTestId('drop-zone').boundingBox();
    if (!box) throw new Error('The drop zone is not on screen.');
    const session = await this.page.context().newCDPSession(this.page);
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const data = { items: [], files: [dir], dragOperationsMask: 1 };
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
      await session.send('Input.dispatchDragEvent', { type, ...at, data });
    }
    await session.detach();
  }

  /** Picks loose files through the file input. */
  async pickFiles(paths: string[]): Promise<void> {
    await this.chooseSource('files');
    await this.page.getByTestId('files-input').setInputFiles(paths);
  }

  /**
   * Sets a form field by test id: types into text and number fields, ticks checkboxes, and
   * moves sliders (which Playwright cannot fill) as a drag would, with an input event.
   */
  async setField(testId: string, value: string | number | boolean): Promise<void> {
    const field = this.page.getByTestId(testId);
    const type = await field.getAttribute('type');
    if (type === 'checkbox') {
      await field.setChecked(Boolean(value));
    } else if (type === 'range') {
      await field.evaluate((input: HTMLInputElement, next) => {
        // React tracks the value through the prototype's setter; assigning directly skips it.
        const descriptor = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
        descriptor?.set?.call(input, next);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, String(value));
    } else {
      await field.fill(String(value));
    }
  }
}
