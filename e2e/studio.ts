import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

type Curve = 'loss' | 'accuracy' | 'learning-rate';

/** A small page object: the studio as a person sees and drives it. */
export class Studio {
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(message.text());
    });
    page.on('pageerror', (error) => this.errors.push(error.message));
  }

  async open(query = ''): Promise<void> {
    await this.page.goto(`./${query}`);
    await expect(this.page.getByRole('heading', { name: 'Layerwise' })).toBeVisible();
  }

  get badge() {
    return this.page.getByTestId('backend-badge');
  }

  /** Waits until a backend is active and the dataset is loaded, so Train is enabled. */
  async ready(): Promise<void> {
    await expect(this.badge).toHaveAttribute('data-backend', /.+/, { timeout: 60_000 });
    await expect(this.button('train')).toBeEnabled({ timeout: 60_000 });
  }

  button(id: 'train' | 'pause' | 'resume' | 'stop') {
    return this.page.getByTestId(`${id}-button`);
  }

  async fill(testId: string, value: string): Promise<void> {
    await this.page.getByTestId(testId).fill(value);
  }

  async step(): Promise<number> {
    return Number(await this.page.getByTestId('step').textContent());
  }

  async waitForStepAbove(n: number, timeout = 120_000): Promise<number> {
    await expect.poll(() => this.step(), { timeout }).toBeGreaterThan(n);
    return this.step();
  }

  get report() {
    return this.page.getByTestId('run-report');
  }

  async waitForRunEnd(timeout = 400_000): Promise<string> {
    await expect(this.report).toBeVisible({ timeout });
    await expect(this.page.getByTestId('run-state')).toHaveAttribute('data-state', 'idle', {
      timeout,
    });
    return (await this.report.getAttribute('data-outcome')) ?? '';
  }

  async testAccuracy(): Promise<number> {
    return Number(await this.page.getByTestId('test-accuracy').getAttribute('data-value'));
  }

  /** The step of the latest training value a chart's text summary reads out; 0 before any. */
  async curveStep(which: Curve): Promise<number> {
    const summary = (await this.page.getByTestId(`${which}-curve-summary`).textContent()) ?? '';
    return Number(/: train \S+ at step (\d+)/.exec(summary)?.[1] ?? 0);
  }

  /** How many pixels of a chart's canvas show this run's training colour (#2a5bd7). */
  async curveInk(which: Curve): Promise<number> {
    return this.page
      .getByTestId(`${which}-curve`)
      .locator('canvas')
      .evaluate((canvas: HTMLCanvasElement) => {
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let count = 0;
        for (let i = 0; i < data.length; i += 4) {
          const distance =
            Math.abs(data[i]! - 0x2a) +
            Math.abs(data[i + 1]! - 0x5b) +
            Math.abs(data[i + 2]! - 0xd7);
          if (distance < 60 && data[i + 3]! > 200) count++;
        }
        return count;
      });
  }

  // ---- Build panel ----

  async openBuild(): Promise<void> {
    await this.page.getByTestId('tab-build').click();
    await expect(this.page.getByTestId('build-panel')).toBeVisible();
  }

  async openTrain(): Promise<void> {
    await this.page.getByTestId('tab-train').click();
    await expect(this.page.getByRole('heading', { name: 'Train' })).toBeVisible();
  }

  /**
   * Scrolls an Insights section into view, as a person scrolls down to it once the panel has
   * drawn: the sections that run the network ask only while on screen.
   */
  async showInsight(heading: 'Feature maps' | 'Saliency' | 'Weights'): Promise<void> {
    // Once the evaluation at the top has drawn: until then the sections sit higher than they will.
    await expect(this.page.getByTestId('evaluation-totals')).toBeVisible({ timeout: 60_000 });
    // To the top of the view, as a person scrolls to read a section. Feature maps on screen
    // that are still waiting for their first answer grow when it comes and may push the
    // section away, as they would for a person: scrolled to again until none is waiting.
    const title = this.page.getByRole('heading', { level: 3, name: heading });
    await expect(async () => {
      await title.evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await this.page.waitForTimeout(300);
      const settled = await title.evaluate((element) => {
        const onScreen = (e: Element) => {
          const box = e.getBoundingClientRect();
          return box.bottom > 0 && box.top < window.innerHeight;
        };
        const waiting = document.querySelectorAll(
          '[data-testid="feature-maps-image"][data-epoch=""]',
        );
        return onScreen(element) && ![...waiting].some(onScreen);
      });
      expect(settled, `${heading} on screen, with no feature maps there still to come`).toBe(true);
    }).toPass({ timeout: 60_000 });
  }

  get canvas(): Locator {
    return this.page.getByTestId('builder-canvas');
  }

  layer(id: string): Locator {
    return this.page.getByTestId(`layer-node-${id}`);
  }

  wireLabel(from: string, to: string): Locator {
    return this.page.getByTestId(`edge-label-${from}-${to}`);
  }

  /** The spec the builder holds, as exact JSON. */
  async spec(): Promise<string> {
    return (await this.page.getByTestId('spec-probe').getAttribute('data-spec')) ?? '';
  }

  /** Drags a palette item onto the canvas at a point given as fractions of its size. */
  async dragLayer(kind: string, at: { x: number; y: number }): Promise<void> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('The canvas is not visible');
    await this.page.getByTestId(`palette-${kind}`).dragTo(this.canvas, {
      targetPosition: { x: box.width * at.x, y: box.height * at.y },
    });
  }

  /** Wires two layers with the mouse, from one's output handle to the other's input handle. */
  async wire(from: string, to: string): Promise<void> {
    const centre = async (locator: Locator) => {
      const box = await locator.boundingBox();
      if (!box) throw new Error('A handle is not visible');
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    const start = await centre(this.page.getByTestId(`handle-out-${from}`));
    const end = await centre(this.page.getByTestId(`handle-in-${to}`));
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 5 });
    await this.page.mouse.move(end.x, end.y, { steps: 5 });
    await this.page.mouse.up();
    await expect(this.wireLabel(from, to)).toBeVisible();
  }

  /** Problems the Build panel lists. */
  async problemCount(): Promise<number> {
    return Number(await this.page.getByTestId('problems').getAttribute('data-count'));
  }
}

/** Train settings a test may change before a run; the rest keep their values. */
export interface RunSettings {
  epochs?: number;
  batchSize?: number;
  examplesPerEpoch?: number;
  learningRate?: number;
}

/**
 * A fresh studio with the sample loaded, on the Train panel with `settings` applied; with
 * `heldOut`, that percentage of the digits each validates and tests (see holdOut).
 */
export async function studioOnTrain(
  page: Page,
  settings: RunSettings = {},
  { heldOut }: { heldOut?: number } = {},
): Promise<Studio> {
  const studio = new Studio(page);
  await studio.open();
  await studio.ready();
  if (heldOut !== undefined) await holdOut(studio, heldOut);
  await fillSettings(studio, settings);
  return studio;
}

/**
 * Holds out `percent` of the examples each for validation and test in the Data panel, and
 * waits for the new split. Every epoch is validated and every run tested on the whole split,
 * so a run that only needs some score is over sooner on 1 % than on the default 10 %.
 */
export async function holdOut(studio: Studio, percent: number): Promise<void> {
  const { page } = studio;
  await page.getByTestId('tab-data').click();
  const summary = page.getByTestId('dataset-summary');
  const held = Math.round((Number(await summary.getAttribute('data-count')) * percent) / 100);
  await studio.fill('split-validation', String(percent));
  await studio.fill('split-test', String(percent));
  await page.getByTestId('apply-split').click();
  await expect(summary).toContainText(`${held} validation, ${held} test`);
}

/** Opens the Train panel and types `settings` into its fields. */
export async function fillSettings(studio: Studio, settings: RunSettings): Promise<void> {
  await studio.openTrain();
  const fields: [keyof RunSettings, string][] = [
    ['epochs', 'epochs'],
    ['batchSize', 'batch-size'],
    ['examplesPerEpoch', 'examples-per-epoch'],
    ['learningRate', 'learning-rate'],
  ];
  for (const [key, testId] of fields) {
    const value = settings[key];
    if (value !== undefined) await studio.fill(testId, String(value));
  }
}

/**
 * Opens the Train panel, applies `settings`, trains to the end and returns the run's outcome
 * and test accuracy.
 */
export async function trainRun(
  studio: Studio,
  settings: RunSettings,
  timeout = 400_000,
): Promise<{ outcome: string; accuracy: number }> {
  await fillSettings(studio, settings);
  await expect(studio.button('train')).toBeEnabled({ timeout: 60_000 });
  await studio.button('train').click();
  const outcome = await studio.waitForRunEnd(timeout);
  return { outcome, accuracy: outcome === 'completed' ? await studio.testAccuracy() : NaN };
}
