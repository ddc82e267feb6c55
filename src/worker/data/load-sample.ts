import { MNIST_SAMPLE } from '../../data/mnist-sample';
import { decodeDataset, gunzipIfNeeded } from '../../data/sample-format';
import type { LoadContext, RawDataset } from './raw-dataset';

/**
 * Fetches and decodes the bundled MNIST digits (10,000 examples of 28×28×1), unsplit.
 *
 * @throws Error naming the asset's URL when it cannot be fetched or is not a sample file.
 */
export async function loadSample(ctx: LoadContext): Promise<RawDataset> {
  const url = new URL(MNIST_SAMPLE.path, ctx.assetBase);
  const response = await fetch(url, { signal: ctx.signal });
  if (!response.ok) {
    throw new Error(`Could not load the MNIST sample from ${url.href} (HTTP ${response.status}).`);
  }
  let decoded;
  try {
    decoded = decodeDataset(await gunzipIfNeeded(new Uint8Array(await response.arrayBuffer())));
  } catch (error) {
    ctx.signal.throwIfAborted();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`The MNIST sample at ${url.href} is damaged: ${reason}.`, { cause: error });
  }
  return {
    name: MNIST_SAMPLE.name,
    shape: [decoded.rows, decoded.cols, decoded.channels],
    classNames: [...MNIST_SAMPLE.classNames],
    // decodeDataset returns views into the whole file; copies own their buffers, so either can
    // be transferred without taking the other along.
    labels: decoded.labels.slice(),
    pixels: decoded.pixels.slice(),
    report: { loaded: decoded.count, skipped: [], notes: [], fromCache: false },
  };
}
