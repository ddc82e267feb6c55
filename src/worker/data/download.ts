import { policyRefusal } from '../../shared/content-policy';
import type { LoadContext } from './raw-dataset';

/** The Cache Storage bucket that keeps downloaded dataset files for offline reloads. */
export const DOWNLOAD_CACHE = 'layerwise-downloads-v1';

/** A downloaded file, and whether the browser's cache answered instead of the network. */
export interface Download {
  bytes: Uint8Array;
  fromCache: boolean;
}

/**
 * Fetches `url` with 'downloading' progress, or takes it from the download cache when an
 * earlier load stored it there; a fresh download is stored for next time.
 *
 * @throws Error in words the user can act on when the server fails, answers with a web page,
 *   or cannot be reached (including CORS refusals); the signal's reason when cancelled.
 */
export async function download(url: string, ctx: LoadContext): Promise<Download> {
  const cache = await openCache();
  const cached = await cache?.match(url);
  if (cached) {
    return { bytes: new Uint8Array(await cached.arrayBuffer()), fromCache: true };
  }

  const refusal = policyRefusal(url);
  if (refusal) throw new Error(refusal);
  let response: Response;
  try {
    response = await fetch(url, { signal: ctx.signal });
  } catch (error) {
    ctx.signal.throwIfAborted();
    // fetch reports an unreachable server and a CORS refusal the same way, on purpose.
    if (error instanceof TypeError) {
      throw new Error(
        `Could not download ${url}: the server did not answer, or it does not allow downloads ` +
          `from other sites (CORS). Use a mirror, or download the file yourself and drop it here.`,
        { cause: error },
      );
    }
    throw error;
  }
  if (!response.ok) {
    throw new Error(`The download of ${url} failed: the server answered HTTP ${response.status}.`);
  }
  const webPage = `The download of ${url} returned a web page, not a dataset file. Check the URL.`;
  if ((response.headers.get('content-type') ?? '').toLowerCase().includes('text/html')) {
    throw new Error(webPage);
  }

  const bytes = await readBody(response, url, ctx);
  if (looksLikeHtml(bytes)) throw new Error(webPage);
  try {
    await cache?.put(url, new Response(bytes as Uint8Array<ArrayBuffer>));
  } catch {
    // A full or refused cache only costs the next load a download; this one has its data.
  }
  return { bytes, fromCache: false };
}

/** The download cache, or null where the browser offers none (no Cache Storage, or refused). */
async function openCache(): Promise<Cache | null> {
  if (typeof caches === 'undefined') return null;
  try {
    return await caches.open(DOWNLOAD_CACHE);
  } catch {
    return null;
  }
}

/** Reads the body chunk by chunk so progress can be shown while it arrives. */
async function readBody(response: Response, url: string, ctx: LoadContext): Promise<Uint8Array> {
  const length = Number(response.headers.get('content-length'));
  // With Content-Encoding the header counts compressed bytes, so it is only a hint for the bar.
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const report = (done: number) =>
    ctx.progress({ stage: 'downloading', done, total, unit: 'bytes' });
  report(0);
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    report(bytes.length);
    return bytes;
  }

  const chunks: Uint8Array[] = [];
  let done = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done: finished, value } = await reader.read();
      if (finished) break;
      chunks.push(value);
      done += value.length;
      report(done);
    }
  } catch (error) {
    ctx.signal.throwIfAborted();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `The download of ${url} stopped after ${done} bytes (${reason}). Try again, or use a mirror.`,
      { cause: error },
    );
  }
  // A connection cut short can end the stream without an error: never keep (or cache) that.
  const identity = !response.headers.get('content-encoding');
  if (identity && total !== null && done < total) {
    throw new Error(
      `The download of ${url} stopped after ${done} of ${total} bytes. Try again, or use a mirror.`,
    );
  }
  return concat(chunks, done);
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** Servers that answer a missing file with an error page often say nothing in their headers. */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const start = new TextDecoder()
    .decode(bytes.subarray(0, 256))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  return start.startsWith('<!doctype') || start.startsWith('<html');
}
