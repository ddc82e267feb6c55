/**
 * Dataset ingest, measured as a person would do it: generated JPEGs in one sub-folder per
 * class on disk, picked through the Data tab's folder input of the real studio. The page
 * is only watched (an init script like studio-probe.mjs): long tasks, JS heap, and the
 * engine worker's `loadProgress` / `loadEnd` / `dataset` events.
 *
 * Used by bench/run.mjs (2,000 images of 512×512; 50 small ones in --smoke), and on its own
 * for other scales, e.g. issue 4's 20,000 images of 256×256:
 *
 *   node bench/ingest.mjs --images 20000 --size 256 [--dir /tmp/ingest] [--keep] [--no-build]
 *
 * Node has no JPEG encoder, so the images are drawn and encoded in Chromium
 * (OffscreenCanvas.convertToBlob) and written to disk from here.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** How long one load may take before the bench gives up on it. */
const LOAD_TIMEOUT_MS = 20 * 60_000;
/** Images drawn per round trip to the page: a few MB of base64 each. */
const GENERATE_BATCH = 100;

/**
 * Runs in a page (page.evaluate): draws `count` JPEGs from index `first` and returns them as
 * base64. Each image's picture depends only on its index and the seed, so batches can be
 * drawn in any order. Must not close over anything from this module.
 */
async function drawJpegs({ first, count, size, classes, seed }) {
  // mulberry32: a small seeded generator, enough for pictures.
  const rngFor = (n) => {
    let a = (seed * 0x9e3779b1 + n * 0x85ebca6b) >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  };
  const canvas = new OffscreenCanvas(size, size);
  const context = canvas.getContext('2d');
  const out = [];
  for (let i = first; i < first + count; i++) {
    const rng = rngFor(i);
    const label = i % classes;
    const gradient = context.createLinearGradient(0, 0, size, size);
    gradient.addColorStop(0, `hsl(${Math.floor(rng() * 360)} 60% 50%)`);
    gradient.addColorStop(1, `hsl(${Math.floor(rng() * 360)} 60% 30%)`);
    context.fillStyle = gradient;
    context.fillRect(0, 0, size, size);
    context.fillStyle = `hsl(${label * (360 / classes)} 80% 60%)`;
    for (let k = 0; k < 3 + label; k++) {
      context.beginPath();
      context.arc(rng() * size, rng() * size, (0.05 + rng() * 0.1) * size, 0, 2 * Math.PI);
      context.fill();
    }
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let j = 0; j < bytes.length; j += 0x8000) {
      binary += String.fromCharCode(...bytes.subarray(j, j + 0x8000));
    }
    const name = `class-${label}/image-${String(i).padStart(5, '0')}.jpg`;
    out.push({ path: name, base64: btoa(binary) });
  }
  return out;
}

/**
 * Writes `images` JPEGs of `size`×`size` in `classes` folders under `dir`, drawn in a page of
 * `browser`. A folder already holding the same set (its `ingest-set.json` says so) is reused.
 * @returns {Promise<{ dir: string, bytes: number, ms: number, reused: boolean }>}
 */
export async function generateImageFolder(browser, dir, { images, size, classes = 4, seed = 7 }) {
  const stamp = JSON.stringify({ images, size, classes, seed, format: 'jpeg' });
  const stampFile = join(dir, 'ingest-set.json');
  const imagesDir = join(dir, 'images');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    return { dir: imagesDir, bytes: 0, ms: 0, reused: true };
  }
  rmSync(dir, { recursive: true, force: true });
  for (let c = 0; c < classes; c++) mkdirSync(join(imagesDir, `class-${c}`), { recursive: true });
  const started = Date.now();
  const page = await browser.newPage();
  let bytes = 0;
  try {
    for (let first = 0; first < images; first += GENERATE_BATCH) {
      const count = Math.min(GENERATE_BATCH, images - first);
      const batch = await page.evaluate(drawJpegs, { first, count, size, classes, seed });
      for (const file of batch) {
        const data = Buffer.from(file.base64, 'base64');
        bytes += data.length;
        writeFileSync(join(imagesDir, file.path), data);
      }
    }
  } finally {
    await page.close();
  }
  writeFileSync(stampFile, stamp);
  return { dir: imagesDir, bytes, ms: Date.now() - started, reused: false };
}

/**
 * Runs inside the studio page before its own scripts (page.addInitScript) and only watches:
 * long tasks with their start, JS heap every 100 ms, when the folder was dropped, and the
 * engine worker's load events. The bench reads `window.__layerwiseIngestProbe`.
 */
export function ingestProbe() {
  const probe = {
    /** performance.now() when the folder was dropped on the drop zone; 0 before. */
    picked: 0,
    /** How long the studio's own drop handler ran before it returned (the walk goes on after). */
    handlerMs: null,
    longTasks: [],
    heapBytes: [],
    progress: [],
    datasetAt: null,
    loadEnd: null,
  };
  window.__layerwiseIngestProbe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (probe.picked > 0 && entry.startTime + entry.duration >= probe.picked) {
        probe.longTasks.push({ start: entry.startTime - probe.picked, duration: entry.duration });
      }
    }
  }).observe({ type: 'longtask', buffered: true });
  // Capture phase on the document: this runs before the studio's own drop handler.
  document.addEventListener(
    'drop',
    () => {
      probe.picked = performance.now();
      if (performance.memory) probe.heapBytes.push(performance.memory.usedJSHeapSize);
    },
    true,
  );
  // Bubble phase on the window: runs after the studio's handler (React listens on its root),
  // so the gap is what the studio's own handler cost before the walk went on in the background.
  window.addEventListener('drop', () => {
    probe.handlerMs = performance.now() - probe.picked;
  });
  setInterval(() => {
    if (probe.picked > 0 && probe.loadEnd === null && performance.memory) {
      probe.heapBytes.push(performance.memory.usedJSHeapSize);
    }
  }, 100);

  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      super(url, options);
      this.addEventListener('message', (message) => {
        const event = message.data;
        if (!event || probe.picked === 0) return;
        const t = performance.now() - probe.picked;
        if (event.type === 'loadProgress') {
          probe.progress.push({ t, stage: event.progress.stage, done: event.progress.done });
        } else if (event.type === 'dataset') {
          probe.datasetAt = t;
        } else if (event.type === 'loadEnd') {
          probe.loadEnd = { t, outcome: event.outcome, message: event.message ?? null };
        }
      });
    }
  };
}

/**
 * Drops `folder` on the Data tab's drop zone as a file manager would: Chromium's DevTools
 * protocol hands the page a directory item, which the studio walks through its file handles.
 */
export async function dropFolder(page, pageSession, folder) {
  const box = await page.getByTestId('drop-zone').boundingBox();
  if (!box) throw new Error('The drop zone is not on screen.');
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const data = { items: [], files: [folder], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop']) {
    await pageSession.send('Input.dispatchDragEvent', { type, ...at, data });
  }
}

/**
 * Opens a fresh studio, waits for its start-up load to end, drops `folder` on the Data tab's
 * drop zone as a file manager would (Chromium's DevTools protocol hands the page a directory
 * item, walked through its file handles, as Choose folder… walks the folder its dialog hands
 * over) and waits for the load to end and the summary to show.
 * @returns the probe's record plus when the summary showed and its count
 */
export async function runIngest(browser, baseUrl, folder) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(ingestProbe);
  try {
    await page.goto(baseUrl);
    await page.getByTestId('tab-data').click();
    // The studio loads its digits at start; the folder load must not race that one.
    await page.getByTestId('dataset-summary').waitFor({ timeout: 120_000 });
    await page.getByTestId('load-progress').waitFor({ state: 'detached', timeout: 120_000 });
    await page.getByTestId('source-files').click();
    const before = await page.getByTestId('dataset-summary').getAttribute('data-count');
    const session = await context.newCDPSession(page);
    await dropFolder(page, session, folder);
    await session.detach();
    await page.waitForFunction(() => window.__layerwiseIngestProbe.loadEnd !== null, undefined, {
      timeout: LOAD_TIMEOUT_MS,
      polling: 200,
    });
    const seen = await page.evaluate(() => {
      const p = window.__layerwiseIngestProbe;
      return {
        handlerMs: p.handlerMs,
        longTasks: p.longTasks,
        heapBytes: p.heapBytes,
        progress: p.progress,
        datasetAt: p.datasetAt,
        loadEnd: p.loadEnd,
      };
    });
    if (seen.loadEnd.outcome !== 'loaded') {
      throw new Error(`The folder load ended "${seen.loadEnd.outcome}": ${seen.loadEnd.message}`);
    }
    // The summary redraws after the dataset event; wait until it shows a new count.
    const summary = page.getByTestId('dataset-summary');
    await page.waitForFunction(
      (old) =>
        document.querySelector('[data-testid="dataset-summary"]')?.getAttribute('data-count') !==
        old,
      before,
      { timeout: 60_000 },
    );
    const summaryAt = await page.evaluate(
      () => performance.now() - window.__layerwiseIngestProbe.picked,
    );
    const count = Number(await summary.getAttribute('data-count'));
    return { ...seen, summaryAt, count, errors };
  } finally {
    await context.close();
  }
}

/**
 * Generates the folder (or reuses it), measures one ingest, and deletes the folder unless
 * `keep`. Returns the raw run and the generation record.
 */
export async function measureIngest(browser, baseUrl, { images, size, dir, keep = false }) {
  const folder = dir ?? join(tmpdir(), `layerwise-ingest-${images}x${size}`);
  try {
    const generated = await generateImageFolder(browser, folder, { images, size });
    const raw = await runIngest(browser, baseUrl, generated.dir);
    return { raw, generated };
  } finally {
    if (!keep) rmSync(folder, { recursive: true, force: true });
  }
}

// Run on its own: build (unless --no-build), serve, measure once, print the summary.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { parseArgs } = await import('node:util');
  const { summariseIngest } = await import('./report.mjs');
  const { withStandaloneStudio } = await import('./standalone.mjs');
  const { values } = parseArgs({
    options: {
      images: { type: 'string', default: '2000' },
      size: { type: 'string', default: '512' },
      dir: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
    },
  });
  await withStandaloneStudio({ noBuild: values['no-build'] }, async (browser, url) => {
    const images = Number(values.images);
    const size = Number(values.size);
    const { raw, generated } = await measureIngest(browser, url, {
      images,
      size,
      dir: values.dir,
      keep: values.keep,
    });
    const summary = summariseIngest(raw, { images, size, format: 'jpeg' });
    const detail = { handlerMs: raw.handlerMs, longTasks: raw.longTasks, progress: raw.progress };
    process.stdout.write(`${JSON.stringify({ generated, ingest: summary, detail }, null, 2)}\n`);
  });
}
