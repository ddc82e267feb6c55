import { gzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LoadProgress } from '../../shared/dataset';
import { DEFAULT_IMAGE_OPTIONS } from '../../shared/dataset';
import { encodeDataset } from '../../data/sample-format';
import { fileNameOf, loadSource, throttleProgress } from './load-source';
import type { LoadContext } from './raw-dataset';

function makeContext(assetBase = 'http://studio.test/app/') {
  const progress: LoadProgress[] = [];
  const ctx: LoadContext = {
    signal: new AbortController().signal,
    progress: (p) => progress.push(p),
    assetBase,
  };
  return { ctx, progress };
}

/** An IDX file of unsigned bytes, all values `fill`. */
function idx(dims: number[], fill = 1): Uint8Array {
  const count = dims.reduce((a, b) => a * b, 1);
  const bytes = new Uint8Array(4 + 4 * dims.length + count).fill(fill);
  bytes.set([0, 0, 8, dims.length]);
  const view = new DataView(bytes.buffer);
  dims.forEach((size, i) => view.setUint32(4 + 4 * i, size, false));
  return bytes;
}

/** A Cache Storage stand-in shared by the calls of one test. */
function makeCaches() {
  const stored = new Map<string, Response>();
  const cache = {
    match: (url: string) => Promise.resolve(stored.get(url)?.clone()),
    put: (url: string, response: Response) => Promise.resolve(void stored.set(url, response)),
  };
  return { open: () => Promise.resolve(cache) };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('throttleProgress', () => {
  it('passes at most one update per interval, but always a new stage and the end', () => {
    const seen: number[] = [];
    let time = 0;
    const report = throttleProgress(
      (p) => seen.push(p.done),
      50,
      () => time,
    );
    const step = (done: number, stage: LoadProgress['stage'] = 'decoding') =>
      report({ stage, done, total: 100, unit: 'images' });
    step(0); // first of its stage
    time = 10;
    step(1); // too soon
    time = 60;
    step(2); // an interval later
    time = 70;
    step(100); // the end always shows
    step(0, 'checking'); // so does a new stage
    expect(seen).toEqual([0, 2, 100, 0]);
  });
});

describe('loadSource', () => {
  it('gives an empty colour dataset for webcam captures', async () => {
    const dataset = await loadSource({ kind: 'webcam', size: 48 }, makeContext().ctx);
    expect(dataset).toMatchObject({ name: 'Webcam captures', shape: [48, 48, 3], classNames: [] });
    expect(dataset.labels).toHaveLength(0);
    expect(dataset.report.loaded).toBe(0);
  });

  it('generates colour shapes with progress', async () => {
    const { ctx, progress } = makeContext();
    const dataset = await loadSource({ kind: 'shapes', count: 12, seed: 7 }, ctx);
    expect(dataset.name).toBe('Colour shapes');
    expect(dataset.shape).toEqual([32, 32, 3]);
    expect(dataset.labels).toHaveLength(12);
    expect(dataset.pixels).toHaveLength(12 * 32 * 32 * 3);
    expect(progress.at(-1)).toEqual({ stage: 'generating', done: 12, total: 12, unit: 'images' });
  });

  it('loads the bundled digits from the app’s base URL', async () => {
    const header = new Uint8Array(16);
    header.set(new TextEncoder().encode('LWDS'));
    const view = new DataView(header.buffer);
    view.setUint32(4, 1, true);
    view.setUint32(8, 2, true);
    header.set([2, 2, 1, 10], 12);
    const sample = new Uint8Array([...header, 3, 7, ...new Array<number>(8).fill(255)]);
    const fetch = vi.fn((_url: URL) => Promise.resolve(new Response(gzipSync(sample))));
    vi.stubGlobal('fetch', fetch);

    const dataset = await loadSource({ kind: 'sample', id: 'mnist' }, makeContext().ctx);

    expect(fetch.mock.calls[0]![0].href).toBe('http://studio.test/app/samples/mnist-digits.bin.gz');
    expect(dataset.name).toBe('MNIST digits');
    expect(dataset.shape).toEqual([2, 2, 1]);
    expect(Array.from(dataset.labels)).toEqual([3, 7]);
    expect(dataset.report.loaded).toBe(2);
  });

  it('downloads URLs, loads them as files, and says when the cache answered', async () => {
    vi.stubGlobal('caches', makeCaches());
    const served: Record<string, Uint8Array> = {
      'http://mirror.test/fashion/train-images-idx3-ubyte.gz': gzipSync(idx([2, 3, 3])),
      'http://mirror.test/fashion/train-labels-idx1-ubyte.gz': gzipSync(idx([2], 4)),
    };
    const fetch = vi.fn((url: string) => Promise.resolve(new Response(served[url]!.slice())));
    vi.stubGlobal('fetch', fetch);
    const source = {
      kind: 'url' as const,
      name: 'Fashion-MNIST',
      urls: Object.keys(served),
      image: DEFAULT_IMAGE_OPTIONS,
    };

    const first = await loadSource(source, makeContext().ctx);
    expect(first.name).toBe('Fashion-MNIST');
    expect(first.classNames[4]).toBe('Coat');
    expect(first.shape).toEqual([3, 3, 1]);
    expect(first.report.fromCache).toBe(false);

    fetch.mockImplementation(() => Promise.reject(new TypeError('Failed to fetch')));
    const again = await loadSource(source, makeContext().ctx);
    expect(again.report.fromCache).toBe(true);
    expect(again.report.notes).toContain("Loaded from the browser's cache: no download was needed");
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

describe("loadSource with a project file's dataset", () => {
  const encoded = () =>
    encodeDataset({
      rows: 2,
      cols: 2,
      channels: 1,
      classes: 2,
      labels: Uint8Array.of(1, 0, 1),
      pixels: Uint8Array.from({ length: 12 }, (_, i) => i * 20),
    });
  const source = (bytes: Uint8Array, classNames = ['cats', 'dogs']) =>
    ({
      kind: 'project',
      name: 'Pets',
      classNames,
      aspect: 'crop',
      bytes: bytes.slice().buffer,
    }) as const;

  it('decodes the bytes under the names the project gives', async () => {
    const raw = await loadSource(source(encoded()), makeContext().ctx);
    expect(raw).toMatchObject({ name: 'Pets', shape: [2, 2, 1], classNames: ['cats', 'dogs'] });
    expect([...raw.labels]).toEqual([1, 0, 1]);
    expect(raw.pixels[11]).toBe(220);
    expect(raw.report.loaded).toBe(3);
  });

  it('says the dataset is damaged when it is cut short, or names other classes', async () => {
    const bytes = encoded();
    await expect(loadSource(source(bytes.subarray(0, 20)), makeContext().ctx)).rejects.toThrow(
      "The project's dataset is damaged: truncated",
    );
    await expect(loadSource(source(bytes, ['one']), makeContext().ctx)).rejects.toThrow(
      'has 2 classes but the project names 1',
    );
  });
});

describe('fileNameOf', () => {
  it('takes the last segment of the path, decoded', () => {
    expect(fileNameOf('https://host.test/a/b/my%20data.tar.gz?x=1')).toBe('my data.tar.gz');
    expect(fileNameOf('https://host.test/')).toBe('host.test');
  });

  it('says what is wrong with something that is not a web address', () => {
    expect(() => fileNameOf('mirror/file.gz')).toThrow(/is not a web address/);
  });
});
