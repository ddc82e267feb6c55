/**
 * The soak: on one fresh studio page, one run of many short epochs with the Insights tab open,
 * then on another, runs started and stopped after their first step, again and again. After
 * each epoch and each stopped run it reads tfjs's tensors and bytes in the engine worker and
 * the page's JS heap after a garbage collection. Only listens, as the other studio runs do.
 */
import {
  engineMemory,
  enterSettings,
  openStudio,
  trainEnabled,
  trainWithInsights,
} from './studio-run.mjs';
import { compareSnapshots, takeHeapSnapshot } from './heap-snapshot.mjs';
import { workerHeapReader } from './worker-heap.mjs';

/** Steps in each epoch of the start/stop cycles: so many that Stop always lands mid-epoch. */
const CYCLE_STEPS_PER_EPOCH = 100;

/** How long the soak's runs and settling may take before the bench gives up. */
const TIMEOUT_MS = 20 * 60_000;

/**
 * With heap snapshots asked for: the epoch (and the cycle) after which the first is taken; the
 * second is taken after the last. By the second, one-time allocations are behind.
 */
const SNAPSHOT_AFTER = 2;

/** Heap snapshots of the page and of the engine worker (null when it cannot be read). */
async function snapshotBoth(cdp, worker) {
  const page = await takeHeapSnapshot(cdp);
  const engine = worker ? await worker.snapshot().catch(() => null) : null;
  return { page, worker: engine };
}

/** What the later of two snapshots holds that the earlier did not, or null without both. */
function heapGrowth(taken, first, last) {
  const before = taken.get(first);
  const after = taken.get(last);
  if (!before || !after || first === last) return null;
  return {
    from: first,
    to: last,
    page: compareSnapshots(before.page, after.page),
    worker: before.worker && after.worker ? compareSnapshots(before.worker, after.worker) : null,
  };
}

/** The page's JS heap in bytes after a full garbage collection, through the DevTools protocol. */
async function collectedHeap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return usage.usedSize;
}

/** The page's array buffers' own memory (outside the JS heap), where the browser reports it. */
async function arrayBufferBytes(cdp) {
  const usage = await cdp.send('Runtime.getHeapUsage');
  return typeof usage.backingStorageSize === 'number' ? usage.backingStorageSize : null;
}

/**
 * The engine's tfjs memory once every insight request the page sent has been answered and
 * none has been sent for a second: a request under way holds tensors for a moment.
 */
async function settledMemory(page) {
  await page.evaluate(() => {
    window.__layerwiseBenchProbe.busyAt = performance.now();
  });
  await page.waitForFunction(
    () => {
      const probe = window.__layerwiseBenchProbe;
      const now = performance.now();
      if (probe.insightsAsked !== probe.insightsAnswered) probe.busyAt = now;
      return now - probe.busyAt > 1000;
    },
    undefined,
    { timeout: TIMEOUT_MS, polling: 100 },
  );
  return engineMemory(page);
}

/**
 * One run of `job.epochs` epochs. Tensors are the engine's own count at each epoch end (taken
 * once insight requests under way have let go of theirs); bytes and heap are read as the
 * epoch's end reaches the page.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} baseUrl
 * @param {import('./studio-run.mjs').StudioJob} job
 */
async function soakEpochs(browser, baseUrl, job, snapshots) {
  const readings = new Map();
  const taken = new Map();
  let cdp = null;
  let worker = null;
  const { context, page, errors } = await openStudio(
    browser,
    baseUrl,
    job.backend,
    async (studio, epoch) => {
      const memory = await engineMemory(studio);
      const heapBytes = cdp ? await collectedHeap(cdp) : null;
      const buffers = cdp ? await arrayBufferBytes(cdp) : null;
      const workerHeapBytes = worker ? await worker.read() : null;
      readings.set(epoch, {
        tfjsBytes: memory ? memory.numBytes : null,
        heapBytes,
        arrayBufferBytes: buffers,
        workerHeapBytes,
      });
      if (cdp && snapshots && (epoch === SNAPSHOT_AFTER || epoch === job.epochs)) {
        taken.set(epoch, await snapshotBoth(cdp, worker));
      }
    },
  );
  try {
    cdp = await context.newCDPSession(page);
    worker = await workerHeapReader(browser, 'engine');
    await trainWithInsights(page, job, TIMEOUT_MS, { timeline: false });
    const { epochEnds, runEnd } = await page.evaluate(() => {
      const { epochEnds, runEnd } = window.__layerwiseBenchProbe;
      return { epochEnds, runEnd };
    });
    if (runEnd.outcome !== 'completed') {
      throw new Error(`The soak's run ended "${runEnd.outcome}": ${runEnd.message}`);
    }
    const epochs = epochEnds.map(({ epoch, numTensors }) => ({
      epoch,
      numTensors,
      tfjsBytes: readings.get(epoch)?.tfjsBytes ?? null,
      heapBytes: readings.get(epoch)?.heapBytes ?? null,
      arrayBufferBytes: readings.get(epoch)?.arrayBufferBytes ?? null,
      workerHeapBytes: readings.get(epoch)?.workerHeapBytes ?? null,
    }));
    const growth = heapGrowth(taken, SNAPSHOT_AFTER, job.epochs);
    return { epochs, errors, ...(growth && { heapGrowth: growth }) };
  } finally {
    await worker?.close();
    await context.close();
  }
}

/**
 * `cycles` runs on one page, each stopped as soon as it trains (after its first step or two),
 * with memory read once the run has ended and the engine has settled.
 */
async function soakCycles(browser, baseUrl, job, cycles, snapshots) {
  const { context, page, errors } = await openStudio(browser, baseUrl, job.backend, () =>
    Promise.resolve(),
  );
  const taken = new Map();
  let worker = null;
  try {
    const cdp = await context.newCDPSession(page);
    worker = await workerHeapReader(browser, 'engine');
    await enterSettings(page, { ...job, stepsPerEpoch: CYCLE_STEPS_PER_EPOCH });
    const results = [];
    for (let cycle = 1; cycle <= cycles; cycle++) {
      await page.getByTestId('tab-train').click();
      await trainEnabled(page);
      await page.evaluate(() => window.__layerwiseBenchProbe.reset(false));
      await page.getByTestId('train-button').click();
      await page.waitForFunction(
        () => {
          const state = document.querySelector('[data-testid="run-state"]');
          return state?.getAttribute('data-state') === 'training';
        },
        undefined,
        { timeout: TIMEOUT_MS, polling: 20 },
      );
      await page.getByTestId('stop-button').click();
      // Insights open while the stopped run winds down, as after any run.
      await page.getByTestId('tab-insights').click();
      await page.waitForFunction(() => window.__layerwiseBenchProbe.runEnd !== null, undefined, {
        timeout: TIMEOUT_MS,
        polling: 200,
      });
      const runEnd = await page.evaluate(() => window.__layerwiseBenchProbe.runEnd);
      if (runEnd.outcome !== 'stopped') {
        throw new Error(`Cycle ${cycle} ended "${runEnd.outcome}": ${runEnd.message}`);
      }
      const memory = await settledMemory(page);
      const steps = /after (\d+) steps?/.exec(runEnd.message);
      results.push({
        cycle,
        stepsBeforeStop: steps ? Number(steps[1]) : null,
        numTensors: memory ? memory.numTensors : null,
        tfjsBytes: memory ? memory.numBytes : null,
        heapBytes: await collectedHeap(cdp),
        arrayBufferBytes: await arrayBufferBytes(cdp),
        workerHeapBytes: worker ? await worker.read() : null,
      });
      if (snapshots && (cycle === SNAPSHOT_AFTER || cycle === cycles)) {
        taken.set(cycle, await snapshotBoth(cdp, worker));
      }
    }
    const growth = heapGrowth(taken, SNAPSHOT_AFTER, cycles);
    return { cycles: results, errors, ...(growth && { heapGrowth: growth }) };
  } finally {
    await worker?.close();
    await context.close();
  }
}

/**
 * The soak's readings: `epochs` epochs of `job.stepsPerEpoch` steps in one run, and `cycles`
 * start/stop cycles of the same settings.
 */
export async function runSoak(browser, baseUrl, job, cycles, { snapshots = false } = {}) {
  const long = await soakEpochs(browser, baseUrl, job, snapshots);
  const repeated = await soakCycles(browser, baseUrl, job, cycles, snapshots);
  return {
    epochs: long.epochs,
    cycles: repeated.cycles,
    ...(snapshots && {
      heapGrowth: { epochs: long.heapGrowth ?? null, cycles: repeated.heapGrowth ?? null },
    }),
    errors: [...long.errors, ...repeated.errors],
  };
}
