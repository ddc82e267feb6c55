import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test as base } from '@playwright/test';
import { barValues, drawSeven, openPlayground } from './playground.studio';
import { Studio } from './studio';
import { whiteShare } from './shown-pixels';

/**
 * Chromium's fake camera (a moving test pattern) and an automatic yes to the permission
 * prompt, added to whatever the project launches Chromium with.
 */
const FAKE_CAMERA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

const test = base.extend<object, object>({
  launchOptions: [
    async ({ launchOptions }, use) => {
      await use({ ...launchOptions, args: [...(launchOptions.args ?? []), ...FAKE_CAMERA] });
    },
    { scope: 'worker' },
  ],
});

// One page trains once; the playground checks share its trained network.
test.describe.configure({ mode: 'serial' });

let page: Page;
let studio: Studio;

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ permissions: ['camera'] });
  page = await context.newPage();
  studio = new Studio(page);
  await studio.open();
  await studio.ready();
});

test.afterAll(async () => {
  await page.context().close();
});

test('before training, the playground says the network must be trained first', async () => {
  await openPlayground(page);
  await drawSeven(page);
  await expect(page.getByTestId('playground-message')).toContainText(/train/i);
  await expect(page.getByTestId('probability-bars')).toHaveCount(0);
});

test('a drawn digit gets probability bars for its top classes that add up to 1', async () => {
  await studio.openTrain();
  await studio.fill('epochs', '1');
  await studio.fill('examples-per-epoch', '640');
  await studio.button('train').click();
  expect(await studio.waitForRunEnd(120_000)).toBe('completed');

  await openPlayground(page);
  await page.getByTestId('clear-pad').click();
  await drawSeven(page);
  await expect(page.getByTestId('probability')).toHaveCount(5);
  const values = await barValues(page);
  expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
  await expect(page.getByRole('meter').first()).toHaveAttribute('aria-valuetext', /%$/);
  // The network sees the drawing as MNIST digits were made: its longer side scaled to 20
  // pixels, its centre of mass in the middle of the 28×28 image.
  const digit = await page.getByTestId('playground-input').evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, 28, 28).data;
    const box = { left: 28, right: -1, top: 28, bottom: -1 };
    let mass = 0;
    let mx = 0;
    let my = 0;
    for (let i = 0; i < 28 * 28; i++) {
      const v = data[i * 4] ?? 0;
      if (v === 0) continue;
      const x = i % 28;
      const y = Math.floor(i / 28);
      box.left = Math.min(box.left, x);
      box.right = Math.max(box.right, x);
      box.top = Math.min(box.top, y);
      box.bottom = Math.max(box.bottom, y);
      mass += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
    return {
      side: Math.max(box.right - box.left, box.bottom - box.top) + 1,
      cx: mx / mass,
      cy: my / mass,
    };
  });
  expect(digit.side).toBe(20);
  expect(Math.abs(digit.cx - 14)).toBeLessThan(1);
  expect(Math.abs(digit.cy - 14)).toBeLessThan(1);

  // And what it looked at: a saliency overlay of the same input, not a flat colour.
  const overlay = page.getByTestId('playground-saliency');
  await expect(overlay).toBeVisible();
  const spread = await overlay.evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const reds = new Set<number>();
    for (let i = 0; i < data.length; i += 4) reds.add(data[i] ?? 0);
    return reds.size;
  });
  expect(spread).toBeGreaterThan(1);

  // And what the first convolution sees of it: one map per filter, not blank.
  const maps = page.getByTestId('playground-feature-maps');
  await expect(maps.getByTestId('feature-channel')).toHaveCount(8);
  // The buttons over the maps (click one to enlarge it) are clear: the screen shows the maps.
  expect(await whiteShare(maps.getByTestId('channel-atlas'))).toBeLessThan(0.5);
  const varied = await maps.locator('canvas').evaluateAll((canvases) =>
    canvases.some((c) => {
      const canvas = c as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      return new Set(data.filter((_, i) => i % 4 === 0)).size > 1;
    }),
  );
  expect(varied, 'some feature map of the drawn digit has detail').toBe(true);
});

test('a file that is not an image is explained and the playground stays usable', async () => {
  await openPlayground(page);
  await page.getByTestId('playground-mode-image').click();
  await page.getByTestId('playground-file').setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('not a picture'),
  });
  await expect(page.getByTestId('playground-error')).toContainText('is not an image');
  await page.getByTestId('playground-file').setInputFiles({
    name: 'broken.png',
    mimeType: 'image/png',
    buffer: Buffer.from('this is no PNG'),
  });
  await expect(page.getByTestId('playground-error')).toContainText('could not be read');

  await page.getByTestId('playground-mode-draw').click();
  await expect(page.getByTestId('playground-error')).toHaveCount(0);
  await drawSeven(page);
  await expect(page.getByTestId('probability')).toHaveCount(5);
  const results = await new AxeBuilder({ page })
    .include('[data-testid="playground-panel"]')
    .analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`),
  ).toEqual([]);
  expect(studio.errors).toEqual([]);
});

test("the webcam playground predicts from Chromium's fake camera", async () => {
  await openPlayground(page);
  await page.getByTestId('playground-mode-camera').click();
  await page.getByTestId('camera-start').click();
  await expect(page.getByTestId('camera-error')).toHaveCount(0);
  await expect
    .poll(() =>
      page.getByTestId('webcam-preview').evaluate((video: HTMLVideoElement) => video.videoWidth),
    )
    .toBeGreaterThan(0);
  await page.getByTestId('camera-snapshot').click();
  await expect(page.getByTestId('probability')).toHaveCount(5);
  expect((await barValues(page)).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);

  await page.getByTestId('camera-live').check();
  const first = await page.getByTestId('playground-input').evaluate((c: HTMLCanvasElement) => {
    return c.toDataURL();
  });
  // The fake camera's pattern moves, so live predictions see a new frame within a second or so.
  await expect
    .poll(() =>
      page.getByTestId('playground-input').evaluate((c: HTMLCanvasElement) => c.toDataURL()),
    )
    .not.toBe(first);
  await page.getByTestId('camera-live').uncheck();
});

test('presenter mode opens with F, shows large curves, the playground and the filmstrip, and Escape leaves it', async () => {
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('f');
  const presenter = page.getByTestId('presenter');
  await expect(presenter).toBeVisible();
  const viewport = page.viewportSize();
  const curve = await page.getByTestId('loss-curve').boundingBox();
  expect(curve?.width ?? 0).toBeGreaterThan((viewport?.width ?? 1280) * 0.45);
  // The presenter's curves mount afresh and draw the run from earlier in this file at once.
  await expect(page.getByTestId('loss-curve').locator('canvas')).toBeVisible();
  expect(await studio.curveInk('loss')).toBeGreaterThan(0);
  const fontSize = await presenter.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(24);
  await expect(presenter.getByTestId('playground')).toBeVisible();
  // The playground keeps its last input (here the camera's last frame) and its prediction.
  await expect(presenter.getByTestId('probability')).toHaveCount(5);
  await expect(presenter.getByTestId('train-button')).toBeVisible();
  // The one-epoch run earlier in this file left one Grad-CAM frame in the filmstrip.
  await expect(presenter.getByTestId('filmstrip-frame')).toHaveCount(1);

  await page.keyboard.press('Escape');
  await expect(presenter).toHaveCount(0);
  await expect(page.getByTestId('tab-playground')).toBeVisible();

  await page.getByTestId('presenter-button').click();
  await expect(presenter).toBeVisible();
  await page.keyboard.press('f');
  await expect(presenter).toHaveCount(0);
  expect(studio.errors).toEqual([]);
});
