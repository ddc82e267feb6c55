import type { DecodeTarget } from './decode-image';

/** One chunk of image files to decode, all to the same target. */
export interface DecodeRequest {
  files: Blob[];
  target: DecodeTarget;
}

/** What a decode worker sends back for a chunk, in the order of its files. */
export interface DecodedChunk {
  /** files × height × width × 3 bytes; the slot of a file that failed is left black. */
  pixels: Uint8Array;
  /** 1 where the file decoded, 0 where the browser could not decode it. */
  decoded: Uint8Array;
  /** 1 where the image is gray (R = G = B everywhere). */
  gray: Uint8Array;
}

/** Messages between the pool and a decode worker. */
export type DecodeJob = DecodeRequest & { id: number };
export type DecodeReply = { id: number } & (DecodedChunk | { error: string });

/** Decodes chunks of images somewhere other than the loader's thread. */
export interface ChunkDecoder {
  /** How many chunks it decodes at once; the loader keeps that many in flight. */
  readonly size: number;
  decode(request: DecodeRequest): Promise<DecodedChunk>;
  /** Stops every worker; chunks not yet answered reject. Closing twice does nothing. */
  close(): void;
}

/** One worker per spare core, leaving one for the engine, and never more than four. */
export function decodePoolSize(hardwareConcurrency: number | undefined): number {
  return Math.min(4, Math.max(1, (hardwareConcurrency ?? 2) - 1));
}

function stopped(): Error {
  return new Error('The image decoders were stopped before they finished.');
}

interface Pending {
  job: DecodeJob;
  resolve(chunk: DecodedChunk): void;
  reject(reason: unknown): void;
}

/**
 * Starts a pool of module workers that decode and resize images (decode.worker.ts). Chunks
 * beyond the pool's size wait in a queue until a worker is free.
 */
export function createDecodePool(
  size = decodePoolSize(globalThis.navigator?.hardwareConcurrency),
): ChunkDecoder {
  const queue: Pending[] = [];
  const busy = new Map<Worker, Pending>();
  const idle: Worker[] = [];
  let nextId = 0;
  let closed = false;
  let alive = size;

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const pending = queue.shift()!;
      busy.set(worker, pending);
      worker.postMessage(pending.job);
    }
  };

  const finish = (worker: Worker, settle: (pending: Pending) => void) => {
    const pending = busy.get(worker);
    busy.delete(worker);
    idle.push(worker);
    if (pending) settle(pending);
    dispatch();
  };

  // A worker whose script failed is dead: posting to it again would wait forever.
  const fail = (worker: Worker, error: Error) => {
    worker.terminate();
    const pending = busy.get(worker);
    busy.delete(worker);
    if (idle.includes(worker)) idle.splice(idle.indexOf(worker), 1);
    alive--;
    pending?.reject(error);
    if (alive === 0) for (const waiting of queue.splice(0)) waiting.reject(error);
    else dispatch();
  };

  for (let i = 0; i < size; i++) {
    const worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<DecodeReply>) => {
      const reply = event.data;
      finish(worker, (pending) =>
        'error' in reply ? pending.reject(new Error(reply.error)) : pending.resolve(reply),
      );
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      fail(
        worker,
        new Error(`The image decoder stopped: ${event.message || 'it could not start'}.`),
      );
    };
    idle.push(worker);
  }

  return {
    size,
    decode(request) {
      if (closed || alive === 0) return Promise.reject(stopped());
      return new Promise<DecodedChunk>((resolve, reject) => {
        queue.push({ job: { ...request, id: nextId++ }, resolve, reject });
        dispatch();
      });
    },
    close() {
      if (closed) return;
      closed = true;
      for (const worker of [...idle, ...busy.keys()]) worker.terminate();
      for (const pending of [...busy.values(), ...queue]) pending.reject(stopped());
      busy.clear();
      queue.length = 0;
      idle.length = 0;
    },
  };
}
