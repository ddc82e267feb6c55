import { readFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { MAX_CLASS_NAME } from '../src/data/class-edits';
import { readScript } from '../src/model/keras/read-script';
import { openExportedPage } from './exported-page';
import { test } from './fixtures/data-test';
import { flatPng } from './fixtures/odd-images';
import { trainRun } from './studio';

/**
 * A class named by 500 characters (a zip entry: most file systems stop folder names at 255
 * bytes) goes through every panel and export: shown cut to one line with the full name on
 * hover, never widening the page, and written out in full wherever a file lists the classes.
 * A name typed into the studio (the webcam recorder's classes) stops at 60 characters, which
 * is still too wide for a list, and is shown the same way.
 */

const LONG = 'very_long_class_name_'.repeat(24).slice(0, 500);
/** The longest name a class typed into the studio may have (the webcam recorder's). */
const TYPED = LONG.slice(0, MAX_CLASS_NAME);
const RED = flatPng(16, [220, 20, 20]);

/** Chromium's fake camera and an automatic yes to its prompt, for the webcam recorder. */
const FAKE_CAMERA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

test.use({
  permissions: ['camera'],
  launchOptions: async ({ launchOptions }, use) => {
    await use({ ...launchOptions, args: [...(launchOptions.args ?? []), ...FAKE_CAMERA] });
  },
});

/** How the page shows the name at one place: the text that holds it, as laid out. */
interface NameShown {
  /** The nearest test id or id around the text, or the text's element. */
  where: string;
  fullOnHover: boolean;
  oneLine: boolean;
  cut: boolean;
  narrow: boolean;
}

/** Every visible text on the page that holds `name` (the options of a select aside). */
function namesShown(page: Page, name: string): Promise<NameShown[]> {
  return page.evaluate((name) => {
    const found: NameShown[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || !node.nodeValue?.includes(name.slice(0, 40))) continue;
      if (element.closest('option, .visually-hidden') || element.getClientRects().length === 0) {
        continue;
      }
      const box = element.getBoundingClientRect();
      const fontSize = parseFloat(getComputedStyle(element).fontSize);
      const marked = element.closest('[data-testid], [id]');
      found.push({
        where: marked?.getAttribute('data-testid') ?? marked?.id ?? element.tagName.toLowerCase(),
        fullOnHover: element.closest('[title]')?.getAttribute('title') === name,
        oneLine: box.height < 2 * fontSize,
        cut: element.scrollWidth > element.clientWidth,
        narrow: box.width < 420,
      });
    }
    return found;
  }, name);
}

/** The width of the widest visible select with an option naming `name`; 0 when none. */
function widestSelectOf(page: Page, name: string): Promise<number> {
  return page.evaluate(
    (name) =>
      Math.max(
        0,
        ...[...document.querySelectorAll('select')]
          .filter((select) => [...select.options].some((o) => o.text.includes(name)))
          .map((select) => select.getBoundingClientRect().width),
      ),
    name,
  );
}

/**
 * What on the page reaches past the window's right edge (a sideways scroll bar): the
 * innermost such element as tag.class, where it is and how far it reaches, or '' when nothing
 * does.
 */
function overflowsSideways(page: Page): Promise<string> {
  return page.evaluate(() => {
    if (document.documentElement.scrollWidth <= document.documentElement.clientWidth) return '';
    const past = [...document.body.querySelectorAll('*')].filter(
      (element) => element.getBoundingClientRect().right > window.innerWidth + 1,
    );
    const innermost = past.find(
      (element) => !past.some((other) => element.contains(other) && other !== element),
    );
    if (!innermost) return 'the page';
    const within = innermost.parentElement?.closest('[data-testid]')?.getAttribute('data-testid');
    const right = Math.round(innermost.getBoundingClientRect().right);
    return `${innermost.tagName.toLowerCase()}.${innermost.className} in ${within} (to ${right}px)`;
  });
}

/**
 * Checks what a person sees of the name (`LONG` unless given) at this point: it shows at each
 * of `places` (test ids), and wherever it shows it is cut to one line with the full name on
 * hover; selects that offer it stay within 24rem; and nothing reaches past the window.
 */
async function expectShownWhole(
  page: Page,
  panel: string,
  places: string[],
  name = LONG,
): Promise<void> {
  const shown = await namesShown(page, name);
  for (const { where, ...how } of shown) {
    expect
      .soft(how, `${panel}, ${where}: one line, cut, the full name on hover`)
      .toEqual({ fullOnHover: true, oneLine: true, cut: true, narrow: true });
  }
  expect(
    shown.map((s) => s.where),
    `${panel}: where the name shows`,
  ).toEqual(expect.arrayContaining(places));
  expect(await widestSelectOf(page, name), `${panel}: a select offering the name`).toBeLessThan(
    24 * 16 + 1,
  );
  expect(await overflowsSideways(page), `${panel}: nothing reaches past the window`).toBe('');
}

/** The file a click on `testId` downloads, as bytes. */
async function download(page: Page, testId: string): Promise<Buffer> {
  const [file] = await Promise.all<[Promise<Download>, Promise<void>]>([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  return readFile(await file.path());
}

test('a class named by 500 characters shows cut with the full name on hover in every panel, and the exports keep it whole', async ({
  page,
  browser,
  studio,
  data,
  dir,
}) => {
  const files: Record<string, Uint8Array> = {};
  for (let n = 0; n < 20; n++) {
    files[`${LONG}/${n}.png`] = flatPng(16, [220, 20 + n, 20]);
    files[`short/${n}.png`] = flatPng(16, [20, 20 + n, 220]);
  }
  const zip = join(dir, 'long names.zip');
  writeFileSync(zip, zipSync(files));
  expect(await data.load(() => data.pickFiles([zip]))).toBe('loaded');
  await data.expectDataset('16×16×3', 40);
  expect(await data.classCounts()).toEqual({ [LONG]: 20, short: 20 });

  // Data: the class table edits the name in a field of its own width, the full name on hover.
  const field = page.locator(`[data-testid^="class-rename-"][title="${LONG}"]`);
  await expect(field).toHaveValue(LONG);
  expect((await field.boundingBox())?.width).toBeLessThan(420);
  await expectShownWhole(page, 'Data', []);

  const first = await trainRun(studio, { epochs: 1, batchSize: 8 });
  expect(first.outcome).toBe('completed');
  await expectShownWhole(page, 'Train', []);

  // Insights: the matrix's headers, the per-class table, a cell's images, the saliency captions.
  await page.getByTestId('tab-insights').click();
  const rows = page.getByTestId('confusion-row');
  await expect(rows).toHaveCount(2);
  const k = await rows.evaluateAll(
    (all, name) => all.findIndex((row) => row.querySelector(`th [title="${name}"]`)),
    LONG,
  );
  expect(k, 'the row of the long class').toBeGreaterThanOrEqual(0);
  const counts = await rows
    .nth(k)
    .locator('[data-testid^="confusion-cell-"]')
    .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-count'))));
  const predicted = counts.indexOf(Math.max(...counts));
  await page.getByTestId(`confusion-cell-${k}-${predicted}`).click();
  const gallery = page.getByTestId('cell-gallery');
  await expect(gallery.getByTestId('gallery-image')).toHaveCount(counts[predicted]!);
  // Saliency for the long class, whatever the briefly trained network predicts.
  await studio.showInsight('Saliency');
  await page.getByTestId('saliency-class').selectOption({ label: LONG });
  await expect(
    page.getByTestId('saliency-item').first().getByTitle(LONG, { exact: true }).last(),
  ).toBeVisible();
  await expectShownWhole(page, 'Insights', [
    'confusion-matrix',
    'class-metrics',
    'cell-gallery',
    'cell-gallery-heading',
    'saliency-item',
  ]);

  // Playground: an image of the long class's colour gets a bar for each of the two classes.
  await page.getByTestId('tab-playground').click();
  await page.getByTestId('playground-mode-image').click();
  await page
    .getByTestId('playground-file')
    .setInputFiles({ name: 'red.png', mimeType: 'image/png', buffer: RED });
  await expect(page.getByTestId('probability')).toHaveCount(2);
  await expect(page.getByTestId('playground-saliency')).toBeVisible();
  await expectShownWhole(page, 'Playground', ['probability']);

  // Presenter mode: the same bars in large type.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('f');
  await expect(page.getByTestId('presenter').getByTestId('probability')).toHaveCount(2);
  await expectShownWhole(page, 'Presenter', ['probability']);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presenter')).toHaveCount(0);

  // Runs: a second run, and the two compared class by class.
  const second = await trainRun(studio, { epochs: 1, batchSize: 8 });
  expect(second.outcome).toBe('completed');
  await page.getByTestId('tab-runs').click();
  await page.getByTestId('select-run-1').check();
  await page.getByTestId('select-run-2').check();
  await expect(page.getByTestId('run-diff-classes').locator('tbody tr')).toHaveCount(2);
  await expectShownWhole(page, 'Runs', ['run-diff-classes']);

  // Ensemble: the same two runs scored together, its matrix and its table by class.
  await page.getByTestId('ensemble-evaluate').click();
  await expect(page.getByTestId('ensemble-accuracy')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('ensemble-classes').locator('tbody tr')).toHaveCount(2);
  await expectShownWhole(page, 'Ensemble', ['ensemble-confusion-matrix', 'ensemble-classes']);

  // Export: every file that lists the classes holds the name exactly.
  await page.getByTestId('tab-export').click();
  const exported = unzipSync(new Uint8Array(await download(page, 'export-zip')));
  const json = (name: string) => JSON.parse(strFromU8(exported[name]!)) as unknown;
  const classes = json('labels.json') as string[];
  expect(classes).toContain(LONG);
  expect(json('training.json')).toMatchObject({ classNames: classes });
  const inZip = readScript(strFromU8(exported['train_keras.py']!));
  expect(inZip.constants.CLASS_NAMES).toEqual(classes);
  const script = readScript((await download(page, 'export-keras')).toString('utf8'));
  expect(script.constants.CLASS_NAMES).toEqual(classes);
  await expectShownWhole(page, 'Export', []);

  // The zip's own page names its prediction as the studio does.
  const exportedPage = await openExportedPage(browser, exported);
  await expect(exportedPage.locator('#status')).toContainText('Ready: 2 classes', {
    timeout: 60_000,
  });
  await exportedPage.locator('#image').setInputFiles({
    name: 'red.png',
    mimeType: 'image/png',
    buffer: RED,
  });
  await expect(exportedPage.locator('#top li')).toHaveCount(2);
  await expect(exportedPage.locator('#top')).toContainText(LONG);
  await expectShownWhole(exportedPage, 'Exported page', ['top']);
  await exportedPage.close();

  // The webcam recorder: a typed name stops at 60 characters, which still outgrows its list.
  // A class added under the longest, listed with its record button, and the same name
  // offered again, which the form refuses by name.
  await data.open();
  await data.chooseSource('webcam');
  await data.setField('webcam-class-name', LONG);
  await page.getByTestId('webcam-add-class').click();
  await expect(
    page.getByRole('alert').filter({
      hasText: `A class name can have at most ${MAX_CLASS_NAME} characters.`,
    }),
  ).toBeVisible();
  await data.setField('webcam-class-name', TYPED);
  await page.getByTestId('webcam-add-class').click();
  await expect(data.classRow(TYPED)).toBeVisible();
  await expect(page.getByTestId('webcam-record-0')).toBeEnabled();
  await data.setField('webcam-class-name', TYPED);
  await expect(page.getByTestId('webcam-add-class')).toBeDisabled();
  await expectShownWhole(page, 'Webcam', ['webcam-classes', 'webcam-class-taken'], TYPED);
  expect(studio.errors).toEqual([]);
});
