import type { DatasetSource, LoadProgress, SourceFile } from '../../shared/dataset';
import { assertNever } from '../../shared/assert-never';
import { generateShapes } from '../../data/shapes';
import { download } from './download';
import { loadFiles } from './load-files';
import { loadProjectDataset } from './load-project';
import { loadSample } from './load-sample';
import type { LoadContext, RawDataset } from './raw-dataset';

export { LoadError } from './load-error';

/** The page redraws its progress bar at most this often; more messages would only queue up. */
const PROGRESS_INTERVAL_MS = 50;

/**
 * Loads a dataset from any source, reporting progress through `ctx` at a bounded rate.
 *
 * @throws LoadError when the files hold nothing usable (with every skipped file listed),
 *   Error in words the user can act on for other failures, and the signal's reason when the
 *   user cancels.
 */
export async function loadSource(source: DatasetSource, ctx: LoadContext): Promise<RawDataset> {
  const throttled: LoadContext = { ...ctx, progress: throttleProgress((p) => ctx.progress(p)) };
  switch (source.kind) {
    case 'sample':
      return loadSample(throttled);
    case 'shapes':
      return loadShapes(source.count, source.seed, throttled);
    case 'webcam':
      return emptyWebcamDataset(source.size);
    case 'url':
      return loadUrls(source.urls, source.name, source.image, throttled);
    case 'files':
      return loadFiles(source.files, { image: source.image }, throttled);
    case 'project':
      return loadProjectDataset(source);
    default:
      return assertNever(source);
  }
}

/**
 * Passes progress on at most every `intervalMs`, except that a new stage and a finished one
 * always go through, so the bar never stops short of its end.
 */
export function throttleProgress(
  report: (progress: LoadProgress) => void,
  intervalMs = PROGRESS_INTERVAL_MS,
  now: () => number = () => performance.now(),
): (progress: LoadProgress) => void {
  let lastTime = -Infinity;
  let lastStage: LoadProgress['stage'] | null = null;
  return (progress) => {
    const time = now();
    const finished = progress.total !== null && progress.done >= progress.total;
    if (progress.stage === lastStage && !finished && time - lastTime < intervalMs) return;
    lastTime = time;
    lastStage = progress.stage;
    report(progress);
  };
}

function loadShapes(count: number, seed: number, ctx: LoadContext): RawDataset {
  ctx.signal.throwIfAborted();
  const progress = (done: number) =>
    ctx.progress({ stage: 'generating', done, total: count, unit: 'images' });
  progress(0);
  const shapes = generateShapes(count, seed, 32, progress);
  return {
    name: 'Colour shapes',
    shape: [32, 32, 3],
    classNames: shapes.classNames,
    labels: shapes.labels,
    pixels: shapes.pixels,
    report: emptyReport(count),
  };
}

function emptyWebcamDataset(size: number): RawDataset {
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`The webcam image size must be a whole number of pixels (got ${size}).`);
  }
  return {
    name: 'Webcam captures',
    shape: [size, size, 3],
    classNames: [],
    labels: new Uint8Array(0),
    pixels: new Uint8Array(0),
    report: emptyReport(0),
  };
}

/** Downloads every URL (or takes it from the cache), then loads the files as if dropped. */
async function loadUrls(
  urls: string[],
  name: string,
  image: Extract<DatasetSource, { kind: 'url' }>['image'],
  ctx: LoadContext,
): Promise<RawDataset> {
  if (urls.length === 0) throw new Error('Give at least one web address to download from.');
  const files: SourceFile[] = [];
  const taken = new Set<string>();
  let everyFileCached = true;
  for (const url of urls) {
    const path = uniqueName(fileNameOf(url), taken);
    const { bytes, fromCache } = await download(url, ctx);
    files.push({ path, file: new Blob([bytes as Uint8Array<ArrayBuffer>]) });
    everyFileCached &&= fromCache;
  }
  const trimmed = name.trim();
  const dataset = await loadFiles(files, { image, ...(trimmed ? { name: trimmed } : {}) }, ctx);
  if (everyFileCached) {
    dataset.report.fromCache = true;
    dataset.report.notes.push("Loaded from the browser's cache: no download was needed");
  }
  return dataset;
}

/** The last segment of a URL's path, which names the file as a dropped file would be named. */
export function fileNameOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`"${url}" is not a web address: it should look like https://host/file.gz.`);
  }
  const segment = parsed.pathname
    .split('/')
    .filter((part) => part !== '')
    .at(-1);
  if (segment === undefined) return parsed.hostname;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Two URLs ending in the same file name must still be two files. */
function uniqueName(name: string, taken: Set<string>): string {
  let unique = name;
  for (let copy = 2; taken.has(unique); copy++) unique = `${copy}-${name}`;
  taken.add(unique);
  return unique;
}

function emptyReport(loaded: number): RawDataset['report'] {
  return { loaded, skipped: [], notes: [], fromCache: false };
}
