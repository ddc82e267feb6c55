import type { Page, Worker } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { DataPanel, watchLoads } from './data.studio';
import { writeIdxFiles } from './fixtures/idx';
import { FixtureServer } from './fixtures/server';
import { makeTempDir, removeTempDir } from './fixtures/temp-dir';
import { HEADER_POLICY, META_POLICY } from '../src/shared/content-policy';
import { Studio, trainRun } from './studio';

const VIOLATION = /Content Security Policy|securitypolicyviolation/i;

/**
 * Records every Content-Security-Policy violation of the page and its workers: the
 * `securitypolicyviolation` events (logged by listeners the page and each worker get) and the
 * browser's own console messages about the policy. Returns the list it fills, and the workers.
 */
async function watchViolations(page: Page): Promise<{ violations: string[]; workers: Worker[] }> {
  const violations: string[] = [];
  const workers: Worker[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`securitypolicyviolation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (VIOLATION.test(message.text())) violations.push(`page: ${message.text()}`);
  });
  page.on('worker', (worker) => {
    workers.push(worker);
    worker.on('console', (message) => {
      if (VIOLATION.test(message.text())) violations.push(`${worker.url()}: ${message.text()}`);
    });
    void worker
      .evaluate(() => {
        self.addEventListener('securitypolicyviolation', (event) => {
          console.error(
            `securitypolicyviolation in a worker: ${event.violatedDirective} ${event.blockedURI}`,
          );
        });
      })
      .catch(() => {}); // A decoding worker may end before the listener is added.
  });
  return { violations, workers };
}

/** The sources of one directive of a policy. */
function directive(policy: string, name: string): string[] {
  const found = policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name);
  return found?.slice(1) ?? [];
}

/** Draws a stroke across the playground's pad, as a person would. */
async function drawStroke(page: Page): Promise<void> {
  const box = await page.getByTestId('drawing-pad').boundingBox();
  if (!box) throw new Error('The drawing pad is not visible');
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.25);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.25, { steps: 6 });
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.8, { steps: 8 });
  await page.mouse.up();
}

test('a whole session on the built studio breaks none of its strict Content-Security-Policy', async ({
  page,
  baseURL,
}) => {
  const { violations, workers } = await watchViolations(page);
  const dir = makeTempDir('content-policy');
  writeIdxFiles(dir, { count: 600 });
  writeIdxFiles(dir, { count: 200, prefix: 't10k' });
  // A download from another address: what connect-src lets a user ask for.
  const server = new FixtureServer(dir);
  await server.start();
  try {
    await watchLoads(page);
    const studio = new Studio(page);
    await studio.open();
    await studio.ready();

    // The policy is in the page and in the header of the page and of the engine's worker.
    const meta = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(meta).toBe(META_POLICY);
    const header = (await page.request.get(baseURL ?? '')).headers()['content-security-policy'];
    expect(header).toBe(HEADER_POLICY);
    const engine = workers.find((worker) => worker.url().includes('engine.worker'));
    expect(engine, 'the engine worker started').toBeDefined();
    const workerHeader = (await page.request.get(engine!.url())).headers();
    expect(workerHeader['content-security-policy']).toBe(HEADER_POLICY);
    for (const policy of [meta ?? '', header ?? '']) {
      expect(directive(policy, 'script-src')).toEqual(["'self'"]);
      expect(directive(policy, 'worker-src')).toEqual(["'self'"]);
      expect(policy).not.toMatch(/unsafe-eval|unsafe-inline/);
    }
    // Data: Fashion-MNIST's four files from the local server.
    const data = new DataPanel(page);
    await data.open();
    await data.chooseSource('url');
    await page.getByTestId('url-preset-fashion-mnist').click();
    const files = [
      'train-images-idx3-ubyte.gz',
      'train-labels-idx1-ubyte.gz',
      't10k-images-idx3-ubyte.gz',
      't10k-labels-idx1-ubyte.gz',
    ];
    for (const [i, file] of files.entries()) {
      await data.setField(`url-field-${i}`, server.url(file));
    }
    // Plain http from another machine is outside connect-src: refused with the reason.
    await data.setField('url-field-0', `http://10.0.0.1/${files[0]}`);
    expect(await data.load(() => page.getByTestId('url-load').click())).toBe('failed');
    await expect(data.message).toContainText(
      'The studio downloads only from https:// addresses (or http:// from this computer)',
    );
    await data.setField('url-field-0', server.url(files[0]!));
    expect(await data.load(() => page.getByTestId('url-load').click())).toBe('loaded');
    await data.expectDataset('28×28×1', 800);

    // Build: one change in the Inspector; then a short run.
    await studio.openBuild();
    await studio.layer('dense1').click();
    await page.getByTestId('field-units').fill('32');
    const spec = JSON.parse(await studio.spec()) as {
      nodes: { kind: string; config: { filters?: number; kernelSize?: number } }[];
    };
    expect((await trainRun(studio, { epochs: 1, batchSize: 32 })).outcome).toBe('completed');

    // Runs: the run's record, in its lazily loaded panel.
    await page.getByTestId('tab-runs').click();
    await expect(page.getByTestId('run-row')).toHaveCount(1);

    // Insights, the weight histograms included: the first conv layer's bars count its kernel.
    await page.getByTestId('tab-insights').click();
    await expect(page.getByTestId('evaluation-totals')).toContainText('Accuracy', {
      timeout: 60_000,
    });
    await studio.showInsight('Weights');
    const histogram = page.getByRole('img', { name: /^Weights of conv1:/ });
    await expect(histogram).toBeVisible({ timeout: 60_000 });
    const bars = histogram.locator('.histogram-bar');
    await expect(bars).toHaveCount(30);
    const counts = (
      await bars.evaluateAll((rects) => rects.map((rect) => rect.getAttribute('data-count')))
    ).map(Number);
    const conv1 = spec.nodes.find((node) => node.kind === 'conv2d')!.config;
    // One input channel: filters × kernel height × kernel width weights.
    expect(counts.reduce((a, b) => a + b, 0)).toBe(conv1.filters! * conv1.kernelSize! ** 2);
    // The tallest bar reaches the top, and each bar's tooltip says its range and count.
    const peak = Math.max(...counts);
    const tallest = bars.nth(counts.indexOf(peak));
    await expect(tallest).toHaveAttribute('y', '0');
    await expect(tallest.locator('title')).toHaveText(
      new RegExp(`^-?[\\d.e-]+ to -?[\\d.e-]+: ${peak}$`),
    );

    // Playground: a drawn stroke gets probabilities.
    await page.getByTestId('tab-playground').click();
    await drawStroke(page);
    await expect(page.getByTestId('probability-bars').locator('li').first()).toBeVisible({
      timeout: 60_000,
    });

    // Export: the zip and the Keras script.
    await page.getByTestId('tab-export').click();
    for (const button of ['export-zip', 'export-keras']) {
      const download = page.waitForEvent('download');
      await page.getByTestId(button).click();
      expect((await download).suggestedFilename()).toMatch(/\.(zip|py)$/);
    }

    expect(violations).toEqual([]);
    expect(studio.errors).toEqual([]);

    // The policy acts, and the watchers hear it: an inline script does not run, and a fetch the
    // policy forbids is refused in the page and in the engine's worker.
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.inline = "ran"';
      document.head.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return document.body.dataset.inline ?? 'refused';
    });
    expect(ran).toBe('refused');
    const forbidden = 'http://example.invalid/data.gz';
    await page.evaluate((url) => fetch(url).catch(() => null), forbidden);
    await engine!.evaluate((url) => fetch(url).catch(() => null), forbidden);
    await expect.poll(() => violations.some((v) => v.includes('script-src'))).toBe(true);
    await expect
      .poll(() => violations.filter((v) => v.includes('connect-src')).length)
      .toBeGreaterThanOrEqual(2);
    await expect
      .poll(() => violations.some((v) => v.includes('in a worker: connect-src')), {
        message: violations.join('\n'),
      })
      .toBe(true);
  } finally {
    await server.stop();
    removeTempDir(dir);
  }
});
