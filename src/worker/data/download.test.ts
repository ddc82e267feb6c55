import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LoadProgress } from '../../shared/dataset';
import { DOWNLOAD_CACHE, download } from './download';
import type { LoadContext } from './raw-dataset';

const URL_ = 'https://mirror.example/fashion/train-labels-idx1-ubyte.gz';

function makeContext(signal = new AbortController().signal) {
  const progress: LoadProgress[] = [];
  const ctx: LoadContext = { signal, progress: (p) => progress.push(p), assetBase: '/' };
  return { ctx, progress };
}

/** A response whose body arrives in the given chunks. */
function streamed(chunks: number[][], headers: Record<string, string> = {}): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new Uint8Array(chunk));
      controller.close();
    },
  });
  return new Response(body, { headers });
}

/** A Cache Storage stand-in that remembers what was put, keyed by URL. */
function makeCaches() {
  const stored = new Map<string, Response>();
  const opened: string[] = [];
  const cache = {
    match: (url: string) => Promise.resolve(stored.get(url)?.clone()),
    put: (url: string, response: Response) => {
      stored.set(url, response);
      return Promise.resolve();
    },
  };
  const caches = {
    open: (name: string) => {
      opened.push(name);
      return Promise.resolve(cache);
    },
  };
  return { caches, stored, opened };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('download', () => {
  it('streams the body with byte progress and stores it for next time', async () => {
    const fake = makeCaches();
    vi.stubGlobal('caches', fake.caches);
    const fetch = vi.fn(() =>
      Promise.resolve(
        streamed(
          [
            [1, 2, 3],
            [4, 5],
          ],
          { 'content-length': '5' },
        ),
      ),
    );
    vi.stubGlobal('fetch', fetch);
    const { ctx, progress } = makeContext();

    const result = await download(URL_, ctx);

    expect(Array.from(result.bytes)).toEqual([1, 2, 3, 4, 5]);
    expect(result.fromCache).toBe(false);
    expect(progress.map((p) => p.done)).toEqual([0, 3, 5]);
    expect(progress.every((p) => p.stage === 'downloading' && p.total === 5)).toBe(true);
    expect(fake.opened).toEqual([DOWNLOAD_CACHE]);
    expect(fake.stored.has(URL_)).toBe(true);
  });

  it('answers from the cache without touching the network the second time', async () => {
    const fake = makeCaches();
    vi.stubGlobal('caches', fake.caches);
    vi.stubGlobal('fetch', () => Promise.resolve(streamed([[9, 8, 7]])));
    await download(URL_, makeContext().ctx);

    const offline = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    vi.stubGlobal('fetch', offline);
    const again = await download(URL_, makeContext().ctx);

    expect(Array.from(again.bytes)).toEqual([9, 8, 7]);
    expect(again.fromCache).toBe(true);
    expect(offline).not.toHaveBeenCalled();
  });

  it('gives an unknown total when the server sends no length', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(streamed([[1], [2]])));
    const { ctx, progress } = makeContext();
    await download(URL_, ctx);
    expect(progress.at(-1)).toEqual({ stage: 'downloading', done: 2, total: null, unit: 'bytes' });
  });

  it('works where the browser has no Cache Storage', async () => {
    vi.stubGlobal('caches', undefined);
    vi.stubGlobal('fetch', () => Promise.resolve(streamed([[1]])));
    expect((await download(URL_, makeContext().ctx)).fromCache).toBe(false);
  });

  it('names the HTTP status of a failed download', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('missing', { status: 404 })));
    await expect(download(URL_, makeContext().ctx)).rejects.toThrow(
      `The download of ${URL_} failed: the server answered HTTP 404.`,
    );
  });

  it('refuses a web page served as text/html', async () => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(new Response('<p>hi</p>', { headers: { 'content-type': 'text/html' } })),
    );
    await expect(download(URL_, makeContext().ctx)).rejects.toThrow(
      'returned a web page, not a dataset file. Check the URL.',
    );
  });

  it('refuses a web page whatever its content type says, and does not cache it', async () => {
    const fake = makeCaches();
    vi.stubGlobal('caches', fake.caches);
    const page = new TextEncoder().encode('\n  <!DOCTYPE html><html><body>Not found</body></html>');
    vi.stubGlobal('fetch', () =>
      Promise.resolve(
        new Response(page, { headers: { 'content-type': 'application/octet-stream' } }),
      ),
    );
    await expect(download(URL_, makeContext().ctx)).rejects.toThrow('returned a web page');
    expect(fake.stored.size).toBe(0);
  });

  it('explains an unreachable server or a CORS refusal', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(download(URL_, makeContext().ctx)).rejects.toThrow(
      `Could not download ${URL_}: the server did not answer, or it does not allow downloads ` +
        'from other sites (CORS). Use a mirror, or download the file yourself and drop it here.',
    );
  });

  it('lets a cancel through as the signal’s reason', async () => {
    const controller = new AbortController();
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      controller.abort(new DOMException('The load was cancelled.', 'AbortError'));
      return Promise.reject(init.signal?.reason as Error);
    });
    await expect(download(URL_, makeContext(controller.signal).ctx)).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('lets a cancel during the body through as the signal’s reason', async () => {
    const controller = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      pull(stream) {
        controller.abort(new DOMException('The load was cancelled.', 'AbortError'));
        stream.error(new DOMException('aborted', 'AbortError'));
      },
    });
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(body)));
    await expect(download(URL_, makeContext(controller.signal).ctx)).rejects.toThrow(
      'The load was cancelled.',
    );
  });
});
