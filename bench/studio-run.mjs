/**
 * Contender A: the studio itself, driven as a person would (e2e/studio.ts does the same):
 * open it with `?backend=`, pick the network, type the settings, press Train, open Insights.
 */
import { studioProbe } from './studio-probe.mjs';

/** How long one studio run may take before the bench gives up on it. */
export const RUN_TIMEOUT_MS = 15 * 60_000;

/**
 * @typedef {{ backend: string, network: string, batchSize: number, epochs: number,
 *   stepsPerEpoch: number }} StudioJob
 */

/** The tfjs accounting inside the studio's engine worker, read without changing it. */
export async function engineMemory(page) {
  const engine = page.workers().find((w) => w.url().includes('engine'));
  if (!engine) return null;
  // tfjs keeps its engine on the worker's global object; reading it changes nothing.
  return engine
    .evaluate(() => {
      const tfEngine = /** @type {any} */ (globalThis)._tfengine;
      return tfEngine ? tfEngine.memory() : null;
    })
    .catch(() => null);
}

/** Script files the page and its worker fetched until `until` ms, with who fetched them. */
async function scriptsFetched(page, until) {
  // Runs in the page or a worker: it must not close over anything from here.
  const read = (context) =>
    performance
      .getEntriesByType('resource')
      .filter((e) => /\.m?js(\?|$)/.test(e.name))
      .map((e) => ({ url: e.name, startTime: e.startTime, initiator: e.initiatorType, context }));
  const inWorkers = [];
  for (const worker of page.workers()) {
    const entries = await worker.evaluate(read, 'worker').catch(() => []);
    // The worker's entries all precede `until`: the bench asks only once Train is enabled.
    inWorkers.push(...entries, { url: worker.url(), context: 'worker' });
  }
  const workerScripts = new Set(inWorkers.map((e) => e.url));
  // The page fetches each worker's own script; it runs in the worker, so it counts there.
  const main = (await page.evaluate(read, 'page')).filter(
    (e) => e.startTime <= until && !workerScripts.has(e.url),
  );
  return [...main, ...inWorkers];
}

/**
 * A fresh studio page on `backend`, open until Train is enabled with that backend active.
 * `epochEnd(epoch)` runs, awaited from the page, as each epoch's end reaches it.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} baseUrl
 * @param {string} backend
 * @param {(page: import('@playwright/test').Page, epoch: number) => Promise<unknown>} epochEnd
 */
export async function openStudio(browser, baseUrl, backend, epochEnd) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.exposeFunction('__layerwiseBenchEpochEnd', (epoch) => epochEnd(page, epoch));
  await page.addInitScript(studioProbe);
  try {
    await page.goto(`${baseUrl}?backend=${backend}`);
    const interactiveMs = await page
      .waitForFunction(
        () => {
          const train = document.querySelector('[data-testid="train-button"]');
          const badge = document.querySelector('[data-testid="backend-badge"]');
          const ready = train && !train.disabled && badge?.getAttribute('data-backend');
          return ready ? performance.now() : false;
        },
        undefined,
        { timeout: 120_000, polling: 50 },
      )
      .then((handle) => handle.jsonValue());
    const active = await page.getByTestId('backend-badge').getAttribute('data-backend');
    if (active !== backend) {
      throw new Error(`The studio asked for ${backend} but runs on ${active}.`);
    }
    return { context, page, errors, interactiveMs };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** Picks the network and types the run's settings into the Train panel. */
export async function enterSettings(page, job) {
  if (job.network !== 'starter') {
    await page.getByTestId('tab-build').click();
    await page.getByTestId('template-select').selectOption(job.network);
    await page.getByTestId('tab-train').click();
  }
  await page.getByTestId('epochs').fill(String(job.epochs));
  await page.getByTestId('batch-size').fill(String(job.batchSize));
  await page.getByTestId('examples-per-epoch').fill(String(job.stepsPerEpoch * job.batchSize));
}

/** Waits until Train is enabled again (a fresh page, or the last run has ended). */
export async function trainEnabled(page) {
  await page.getByTestId('train-button').waitFor();
  await page.waitForFunction(
    () => !document.querySelector('[data-testid="train-button"]')?.disabled,
  );
}

/**
 * Enters the job's settings, presses Train with the Insights panel open and waits until the
 * probe sees the run end. Once the first epoch's evaluation has drawn, the panel is scrolled
 * down as a person would to look at the feature maps, until the Feature maps section's end
 * is at the bottom of the view. The sections that run the network ask only while on screen,
 * so the feature maps refresh at each epoch end, besides what the studio does whatever is on
 * screen (the evaluation, the filmstrip's Grad-CAM frame, the checkpoint); the sections below
 * (Saliency, Weights) stay out of view and ask nothing. The report counts what was asked.
 * Without `timeline`, the probe keeps no progress, frames or long tasks (see studio-probe.mjs).
 */
export async function trainWithInsights(page, job, timeout, { timeline = true } = {}) {
  await enterSettings(page, job);
  await trainEnabled(page);
  await page.evaluate((keep) => window.__layerwiseBenchProbe.reset(keep), timeline);
  await page.getByTestId('train-button').click();
  await page.getByTestId('tab-insights').click();
  const drawn = await page.waitForFunction(
    () =>
      window.__layerwiseBenchProbe.runEnd !== null ||
      document.querySelector('[data-testid="evaluation-totals"]') !== null,
    undefined,
    { timeout, polling: 50 },
  );
  await drawn.dispose();
  await page.evaluate(() =>
    document
      .querySelector('[data-testid="feature-maps"]')
      ?.closest('section')
      ?.scrollIntoView({ block: 'end' }),
  );
  await page.waitForFunction(() => window.__layerwiseBenchProbe.runEnd !== null, undefined, {
    timeout,
    polling: 500,
  });
}

/**
 * Opens a fresh studio page, trains once and returns what the probe saw.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} baseUrl
 * @param {StudioJob} job
 */
export async function runStudio(browser, baseUrl, job) {
  const memoryByEpoch = new Map();
  const { context, page, errors, interactiveMs } = await openStudio(
    browser,
    baseUrl,
    job.backend,
    async (studio, epoch) => memoryByEpoch.set(epoch, await engineMemory(studio)),
  );
  try {
    const scripts = await scriptsFetched(page, interactiveMs);
    await trainWithInsights(page, job, RUN_TIMEOUT_MS);
    const seen = await page.evaluate(() => {
      const p = window.__layerwiseBenchProbe;
      return {
        start: p.start,
        longTasks: p.longTasks,
        frames: p.frames,
        progress: p.progress,
        epochEnds: p.epochEnds,
        runEnd: p.runEnd,
        insightsAsked: p.askedByKind,
      };
    });
    if (seen.runEnd.outcome !== 'completed') {
      throw new Error(`The studio's run ended "${seen.runEnd.outcome}": ${seen.runEnd.message}`);
    }
    const epochEnds = seen.epochEnds.map((e) => {
      const memory = memoryByEpoch.get(e.epoch);
      return { ...e, tfjsBytes: memory ? memory.numBytes : null };
    });
    return { interactiveMs, scripts, ...seen, epochEnds, errors };
  } finally {
    await context.close();
  }
}
