/**
 * Dataset ingest at scale, through the drop zone: a folder of generated JPEGs (one sub-folder
 * per class) dropped on the Data tab's drop zone of the real studio, as a person dragging it
 * from a file manager would. The drop is a real folder drop: Chromium's DevTools protocol
 * (`Input.dispatchDragEvent` with the folder's path) hands the page a directory item, so the
 * studio walks it through `getAsFileSystemHandle` exactly as it walks a dragged folder.
 *
 * Measured: images/s, how long the walk of the folder took before the files went to the
 * worker, long tasks on the page, that the progress bar moved and Cancel was there, and
 * memory while loading — the page's JS heap, every worker's JS heap and array buffers (the
 * engine worker and its decode workers, through the DevTools protocol) and the resident memory
 * of Chromium's renderer and GPU processes, where decoded bitmaps live. A second drop of the
 * same folder is cancelled part-way to time Cancel.
 *
 *   flock /tmp/playwright.lock node bench/ingest-scale.mjs [--images 20000] [--size 256]
 *       [--classes 10] [--dir /tmp/folder] [--keep] [--no-build] [--no-cancel] [--out file.json]
 *
 * Also `node bench/run.mjs --only ingest-scale [same options]`. Not part of `--smoke`.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { dropFolder, generateImageFolder } from './ingest.mjs';

/** How long one load may take before the bench gives up on it. */
const LOAD_TIMEOUT_MS = 20 * 60_000;
/** Memory is sampled this often while a drop loads. */
const SAMPLE_MS = 500;
/** The cancelled drop is cancelled once this fraction of its images is decoded. */
const CANCEL_AT = 0.25;

export const SCALE_DEFAULTS = { images: 20000, size: 256, classes: 10 };

/**
 * Runs inside the studio page before its own scripts (page.addInitScript) and only watches.
 * Each drop on the drop zone starts a record in `window.__layerwiseDropProbe.drops`: long
 * tasks, the page heap, what the page posted to the engine worker (`stageFiles` parts and the
 * `loadDataset`), the worker's load events, and the progress bar as a person would see it.
 */
export function dropProbe() {
  const probe = { drops: [], longTasks: [] };
  window.__layerwiseDropProbe = probe;
  const current = () => probe.drops[probe.drops.length - 1];
  const now = () => performance.now();
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });

  // Capture phase on the document: runs before react-dropzone's handler on the zone.
  document.addEventListener(
    'drop',
    (event) => {
      const target = event.target;
      if (!(target instanceof Element) || !target.closest('[data-testid="drop-zone"]')) return;
      probe.drops.push({
        at: now(),
        handlerMs: null,
        firstStageAt: null,
        lastStageAt: null,
        stagedFiles: 0,
        stageMessages: 0,
        loadPostedAt: null,
        cancelAt: null,
        progress: [],
        bar: { firstSeenAt: null, lastSeenAt: null, values: [], cancelSeen: false },
        heapBytes: [],
        datasetAt: null,
        summary: null,
        loadEnd: null,
      });
    },
    true,
  );
  document.addEventListener(
    'click',
    (event) => {
      const drop = current();
      const target = event.target;
      if (drop && target instanceof Element && target.closest('[data-testid="load-cancel"]')) {
        drop.cancelAt ??= now() - drop.at;
      }
    },
    true,
  );
  // Bubble phase on the window: after react-dropzone's synchronous part of the drop.
  window.addEventListener('drop', () => {
    const drop = current();
    if (drop && drop.handlerMs === null) drop.handlerMs = now() - drop.at;
  });

  setInterval(() => {
    const drop = current();
    if (!drop || drop.loadEnd !== null) return;
    const t = now() - drop.at;
    if (performance.memory) drop.heapBytes.push({ t, bytes: performance.memory.usedJSHeapSize });
    const bar = document.querySelector('[data-testid="load-progress"]');
    if (bar) {
      drop.bar.firstSeenAt ??= t;
      drop.bar.lastSeenAt = t;
      const value = bar.getAttribute('aria-valuenow');
      const last = drop.bar.values[drop.bar.values.length - 1];
      const seen = { stage: bar.getAttribute('data-stage'), value: value === null ? null : +value };
      if (!last || last.stage !== seen.stage || last.value !== seen.value) {
        drop.bar.values.push({ t, ...seen });
      }
      const cancel = document.querySelector('[data-testid="load-cancel"]');
      if (cancel && !cancel.disabled) drop.bar.cancelSeen = true;
    }
  }, 100);

  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      super(url, options);
      this.addEventListener('message', (message) => {
        const event = message.data;
        const drop = current();
        if (!event || !drop || drop.loadEnd !== null) return;
        const t = now() - drop.at;
        if (event.type === 'loadProgress') {
          const { stage, done, total } = event.progress;
          drop.progress.push({ t, stage, done, total });
        } else if (event.type === 'dataset') {
          drop.datasetAt = t;
          const { inputShape, classCounts, classNames, name } = event.summary;
          drop.summary = { name, inputShape, classNames, classCounts };
        } else if (event.type === 'loadEnd') {
          drop.loadEnd = { t, outcome: event.outcome, message: event.message ?? null };
        }
      });
    }
    postMessage(message, transfer) {
      const drop = current();
      if (drop && message && typeof message === 'object') {
        const t = now() - drop.at;
        if (message.type === 'stageFiles') {
          drop.firstStageAt ??= t;
          drop.lastStageAt = t;
          drop.stagedFiles += message.files.length;
          drop.stageMessages += 1;
        } else if (message.type === 'loadDataset' && drop.loadPostedAt === null) {
          drop.loadPostedAt = t;
        }
      }
      return transfer === undefined
        ? super.postMessage(message)
        : super.postMessage(message, transfer);
    }
  };
}

/**
 * Samples memory from outside the page: the page's JS heap, each worker's JS heap and array
 * buffers (attached through the browser's DevTools session, non-flattened so Playwright's own
 * sessions are untouched) and the resident set of Chromium's renderer and GPU processes.
 */
function memorySampler(browserSession, pageSession) {
  const workers = new Map(); // targetId → { sessionId, url }
  const pending = new Map(); // message id → resolve
  let nextId = 1;
  browserSession.on('Target.receivedMessageFromTarget', ({ message }) => {
    const reply = JSON.parse(message);
    const resolve = pending.get(reply.id);
    if (resolve) {
      pending.delete(reply.id);
      resolve(reply.result ?? null);
    }
  });
  const askWorker = (sessionId, method) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      browserSession
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) })
        .catch(() => resolve(null));
      // A worker that ends between the question and the answer never answers.
      setTimeout(() => pending.delete(id) && resolve(null), 1000);
    });

  const residentBytes = (pid) => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+) kB/.exec(status);
      return kb ? Number(kb[1]) * 1024 : null;
    } catch {
      return null;
    }
  };

  return async function sample() {
    const { targetInfos } = await browserSession.send('Target.getTargets', {
      filter: [{ type: 'worker' }],
    });
    for (const info of targetInfos) {
      if (info.type !== 'worker' || workers.has(info.targetId)) continue;
      try {
        const { sessionId } = await browserSession.send('Target.attachToTarget', {
          targetId: info.targetId,
          flatten: false,
        });
        workers.set(info.targetId, { sessionId, url: info.url });
      } catch {
        // Ended before it could be attached.
      }
    }
    const live = new Set(targetInfos.map((info) => info.targetId));
    const workerHeaps = [];
    for (const [targetId, { sessionId, url }] of workers) {
      if (!live.has(targetId)) {
        workers.delete(targetId);
        continue;
      }
      const usage = await askWorker(sessionId, 'Runtime.getHeapUsage');
      if (usage) {
        workerHeaps.push({
          worker: url.includes('decode') ? 'decode' : url.includes('engine') ? 'engine' : url,
          usedBytes: usage.usedSize,
          arrayBufferBytes: usage.backingStorageSize ?? null,
        });
      }
    }
    const page = await pageSession.send('Runtime.getHeapUsage');
    const { processInfo } = await browserSession.send('SystemInfo.getProcessInfo');
    const rssOf = (type) =>
      processInfo
        .filter((p) => p.type === type)
        .reduce((sum, p) => sum + (residentBytes(p.id) ?? 0), 0);
    return {
      pageHeapBytes: page.usedSize,
      pageArrayBufferBytes: page.backingStorageSize ?? null,
      workers: workerHeaps,
      rendererRssBytes: rssOf('renderer'),
      gpuRssBytes: rssOf('GPU'),
    };
  };
}

/**
 * One drop of `folder`, sampling memory until its load ends. With `cancelAt`, presses
 * Cancel once that fraction of the images is decoded.
 */
async function measureDrop(page, pageSession, sample, folder, { cancelAt = null } = {}) {
  const index = await page.evaluate(() => window.__layerwiseDropProbe.drops.length);
  const before = await sample();
  const started = Date.now();
  await dropFolder(page, pageSession, folder);
  await page.waitForFunction((i) => window.__layerwiseDropProbe.drops.length > i, index);

  const samples = [{ t: 0, ...before }];
  let cancelClickedAt = null;
  let ended = false;
  const sampling = (async () => {
    while (!ended) {
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
      samples.push({ t: Date.now() - started, ...(await sample()) });
    }
  })();
  try {
    if (cancelAt !== null) {
      await page.waitForFunction(
        ({ i, at }) => {
          const drop = window.__layerwiseDropProbe.drops[i];
          const last = drop.progress[drop.progress.length - 1];
          return last?.stage === 'decoding' && last.done >= at * last.total;
        },
        { i: index, at: cancelAt },
        { timeout: LOAD_TIMEOUT_MS, polling: 100 },
      );
      await page.getByTestId('load-cancel').click();
      cancelClickedAt = await page.evaluate(
        (i) => window.__layerwiseDropProbe.drops[i].cancelAt,
        index,
      );
    }
    await page.waitForFunction(
      (i) => window.__layerwiseDropProbe.drops[i].loadEnd !== null,
      index,
      { timeout: LOAD_TIMEOUT_MS, polling: 200 },
    );
    const summaryAt = await page.evaluate(
      (i) => performance.now() - window.__layerwiseDropProbe.drops[i].at,
      index,
    );
    // Memory a few seconds after the load, once the decode workers are gone.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    ended = true;
    await sampling;
    const after = await sample();
    const record = await page.evaluate((i) => {
      const p = window.__layerwiseDropProbe;
      const drop = p.drops[i];
      return {
        ...drop,
        longTasks: p.longTasks
          .filter((task) => task.start + task.duration >= drop.at)
          .map((task) => ({ start: task.start - drop.at, duration: task.duration })),
      };
    }, index);
    // Tasks that ended before the load did belong to this drop.
    record.longTasks = record.longTasks.filter((task) => task.start <= record.loadEnd.t + 1000);
    return { ...record, cancelClickedAt, summaryAt, samples, after };
  } finally {
    ended = true;
    await sampling.catch(() => {});
  }
}

const MB = 1e6;
const round = (value, digits = 0) =>
  value === null || value === undefined ? null : Math.round(value * 10 ** digits) / 10 ** digits;
const max = (values) => (values.length > 0 ? Math.max(...values) : null);

/** The numbers of one drop, in ms and MB. */
export function summariseDrop(raw, { images, size }) {
  const durations = raw.longTasks.map((task) => task.duration);
  const decoding = raw.progress.filter((p) => p.stage === 'decoding');
  const loaded = raw.summary ? raw.summary.classCounts.reduce((a, b) => a + b, 0) : null;
  const shape = raw.summary?.inputShape ?? null;
  const storeBytes = loaded !== null && shape ? loaded * shape[0] * shape[1] * shape[2] : null;
  const workerSum = (s, kind) =>
    s.workers.filter((w) => !kind || w.worker === kind).reduce((sum, w) => sum + w.usedBytes, 0);
  const workerBuffers = (s) => s.workers.reduce((sum, w) => sum + (w.arrayBufferBytes ?? 0), 0);
  const base = raw.samples[0];
  const percents = raw.bar.values.map((v) => v.value).filter((v) => v !== null);
  return {
    outcome: raw.loadEnd.outcome,
    message: raw.loadEnd.message,
    filesDelivered: raw.stagedFiles,
    stageMessages: raw.stageMessages,
    loaded,
    imagesPerSec: loaded && raw.summaryAt > 0 ? round((loaded / raw.summaryAt) * 1000) : null,
    ms: {
      dropHandler: round(raw.handlerMs, 1),
      folderWalked: round(raw.firstStageAt),
      filesSent: round(raw.loadPostedAt),
      firstProgress: round(raw.progress[0]?.t),
      firstDecoded: round(decoding.find((p) => p.done > 0)?.t),
      cancelClicked: round(raw.cancelClickedAt),
      loadEnd: round(raw.loadEnd.t),
      summary: round(raw.summaryAt),
    },
    progressBar: {
      shownAt: round(raw.bar.firstSeenAt),
      hiddenAfter: round(raw.bar.lastSeenAt),
      distinctStates: raw.bar.values.length,
      stages: [...new Set(raw.bar.values.map((v) => v.stage))],
      maxPercent: max(percents),
      cancelSeen: raw.bar.cancelSeen,
    },
    longTasks: {
      longestMs: round(max(durations) ?? 0),
      over50ms: durations.filter((d) => d > 50).length,
      over100ms: durations.filter((d) => d > 100).length,
      list: raw.longTasks.map((task) => ({ at: round(task.start), ms: round(task.duration) })),
    },
    memoryMB: {
      pageHeap: {
        before: round(base.pageHeapBytes / MB, 1),
        peak: round(max(raw.samples.map((s) => s.pageHeapBytes)) / MB, 1),
        after: round(raw.after.pageHeapBytes / MB, 1),
      },
      workersHeap: {
        before: round(workerSum(base) / MB, 1),
        peak: round(max(raw.samples.map((s) => workerSum(s))) / MB, 1),
        after: round(workerSum(raw.after) / MB, 1),
      },
      decodeWorkersHeapPeak: round(max(raw.samples.map((s) => workerSum(s, 'decode'))) / MB, 1),
      decodeWorkersSeen: max(
        raw.samples.map((s) => s.workers.filter((w) => w.worker === 'decode').length),
      ),
      workersArrayBuffers: {
        before: round(workerBuffers(base) / MB, 1),
        peak: round(max(raw.samples.map(workerBuffers)) / MB, 1),
        after: round(workerBuffers(raw.after) / MB, 1),
      },
      rendererRss: {
        before: round(base.rendererRssBytes / MB),
        peak: round(max(raw.samples.map((s) => s.rendererRssBytes)) / MB),
        after: round(raw.after.rendererRssBytes / MB),
      },
      gpuRss: {
        before: round(base.gpuRssBytes / MB),
        peak: round(max(raw.samples.map((s) => s.gpuRssBytes)) / MB),
        after: round(raw.after.gpuRssBytes / MB),
      },
      samples: raw.samples.length,
    },
    store: {
      shape,
      bytes: storeBytes,
      MB: round(storeBytes / MB, 1),
      // What holding every image as a full-size RGBA bitmap would take.
      fullSizeBitmapsMB: round((images * size * size * 4) / MB),
    },
    timeline: raw.samples.map((s) => ({
      t: s.t,
      pageHeapMB: round(s.pageHeapBytes / MB, 1),
      workersHeapMB: round(workerSum(s) / MB, 1),
      workersArrayBuffersMB: round(workerBuffers(s) / MB, 1),
      rendererRssMB: round(s.rendererRssBytes / MB),
      gpuRssMB: round(s.gpuRssBytes / MB),
      decodeWorkers: s.workers.filter((w) => w.worker === 'decode').length,
    })),
    progress: raw.progress.filter(
      (_, i, all) => i % Math.ceil(all.length / 20) === 0 || i === all.length - 1,
    ),
  };
}

/**
 * Opens a fresh studio, waits for its start-up load, drops `folder` and measures the load;
 * unless `cancel` is false, drops it again and cancels that load part-way.
 */
export async function runDropIngest(browser, baseUrl, folder, scale, { cancel = true } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(dropProbe);
  try {
    await page.goto(baseUrl);
    await page.getByTestId('tab-data').click();
    // The studio loads its digits at start; the drop must not race that load.
    await page.getByTestId('dataset-summary').waitFor({ timeout: 120_000 });
    await page.getByTestId('load-progress').waitFor({ state: 'detached', timeout: 120_000 });
    await page.getByTestId('source-files').click();
    const pageSession = await context.newCDPSession(page);
    const browserSession = await browser.newBrowserCDPSession();
    const sample = memorySampler(browserSession, pageSession);
    const loaded = summariseDrop(await measureDrop(page, pageSession, sample, folder), scale);
    const count = Number(await page.getByTestId('dataset-summary').getAttribute('data-count'));
    let cancelled = null;
    if (cancel) {
      const raw = await measureDrop(page, pageSession, sample, folder, { cancelAt: CANCEL_AT });
      cancelled = summariseDrop(raw, scale);
      cancelled.ms.cancelToEnd = round(raw.loadEnd.t - raw.cancelClickedAt);
      cancelled.countAfter = Number(
        await page.getByTestId('dataset-summary').getAttribute('data-count'),
      );
    }
    await browserSession.detach();
    return { loaded: { ...loaded, summaryCount: count }, cancelled, errors };
  } finally {
    await context.close();
  }
}

/** Generates the folder (or reuses it), measures, and deletes it unless `keep`. */
export async function measureDropIngest(browser, baseUrl, options) {
  const { images, size, classes, dir, keep = false, cancel = true } = options;
  const folder = dir ?? join(tmpdir(), `layerwise-ingest-drop-${images}x${size}`);
  try {
    const generated = await generateImageFolder(browser, folder, { images, size, classes });
    const result = await runDropIngest(
      browser,
      baseUrl,
      generated.dir,
      { images, size },
      {
        cancel,
      },
    );
    return { generated, ...result };
  } finally {
    if (!keep) rmSync(folder, { recursive: true, force: true });
  }
}

/** Reads `--images`, `--size`, `--classes`, `--dir`, `--keep`, `--no-cancel` from `values`. */
export function scaleOptions(values) {
  const images = Number(values.images ?? SCALE_DEFAULTS.images);
  const size = Number(values.size ?? SCALE_DEFAULTS.size);
  const classes = Number(values.classes ?? SCALE_DEFAULTS.classes);
  for (const [name, value] of Object.entries({ images, size, classes })) {
    if (!Number.isInteger(value) || value < 2) throw new Error(`--${name} must be 2 or more.`);
  }
  return {
    images,
    size,
    classes,
    dir: values.dir,
    keep: values.keep ?? false,
    cancel: !values['no-cancel'],
  };
}

/** The whole report of one scale measurement: machine, scale, the loaded and the cancelled drop. */
export async function ingestScaleReport(browser, baseUrl, scale, command) {
  const result = await measureDropIngest(browser, baseUrl, scale);
  return {
    schema: 'layerwise-bench-ingest-scale/1',
    date: new Date().toISOString(),
    command,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: round(totalmem() / 2 ** 30, 1),
      chromium: browser.version(),
    },
    scale: { images: scale.images, size: scale.size, classes: scale.classes, format: 'jpeg' },
    ...result,
  };
}

// Run on its own: build (unless --no-build), serve, measure, print the report.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { withStandaloneStudio } = await import('./standalone.mjs');
  const { values } = parseArgs({
    options: {
      images: { type: 'string' },
      size: { type: 'string' },
      classes: { type: 'string' },
      dir: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'no-cancel': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  const scale = scaleOptions(values);
  await withStandaloneStudio({ noBuild: values['no-build'] }, async (browser, url) => {
    const command = `node bench/ingest-scale.mjs ${process.argv.slice(2).join(' ')}`.trim();
    const report = await ingestScaleReport(browser, url, scale, command);
    const json = JSON.stringify(report, null, 2);
    process.stdout.write(`${json}\n`);
    if (values.out) writeFileSync(values.out, `${json}\n`);
  });
}
