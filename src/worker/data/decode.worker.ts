/// <reference lib="webworker" />
import type { DecodedChunk, DecodeJob, DecodeReply } from './decode-pool';
import { createSurface, decodeImage } from './decode-image';

/**
 * A decode worker: turns a chunk of image files into packed RGB pixels of the target size,
 * one image at a time so only one full-size bitmap is alive at once.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

async function decodeChunk(job: DecodeJob): Promise<DecodedChunk> {
  const { width, height } = job.target;
  const size = width * height * 3;
  const count = job.files.length;
  const pixels = new Uint8Array(count * size);
  const decoded = new Uint8Array(count);
  const gray = new Uint8Array(count);
  const surface = createSurface(job.target);
  for (let i = 0; i < count; i++) {
    try {
      gray[i] = (await decodeImage(job.files[i]!, job.target, surface, pixels, i * size)) ? 1 : 0;
      decoded[i] = 1;
    } catch {
      // Left at 0: the loader reports this file as one the browser could not decode.
    }
  }
  return { pixels, decoded, gray };
}

scope.onmessage = (event: MessageEvent<DecodeJob>) => {
  const job = event.data;
  decodeChunk(job).then(
    (chunk) => {
      const reply: DecodeReply = { id: job.id, ...chunk };
      // Transferred, not copied: the pixels of a chunk are the bulk of what comes back.
      scope.postMessage(reply, [chunk.pixels.buffer, chunk.decoded.buffer, chunk.gray.buffer]);
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      scope.postMessage({ id: job.id, error: message } satisfies DecodeReply);
    },
  );
};
