/**
 * The bench page: a read-only hook, `window.layerwiseBench`, that bench/run.mjs calls to run
 * one reference job in a fresh worker, to count a network's FLOPs, or to generate JPEGs.
 */
import { analyse } from '../src/model/analyse';
import { MNIST_SHAPE } from '../src/model/templates';
import { MNIST_SAMPLE } from '../src/data/mnist-sample';
import type { BenchJob, BenchJobResult, BenchReply, KernelCheck, KernelsReply } from './jobs';
import type { BenchNetwork } from './networks';
import { benchSpec } from './networks';
import { generateJpegs } from './jpegs';

/** Parameters and forward FLOPs of one example, as the Build panel counts them. */
export interface NetworkCost {
  params: number;
  forwardFlops: number;
}

/** The hook the runner drives. */
export interface LayerwiseBench {
  run(job: Omit<BenchJob, 'sampleUrl'>): Promise<BenchJobResult>;
  cost(network: BenchNetwork): NetworkCost;
  /** The studio's WebGL and WebGPU convolution kernels against tfjs's own (bench/kernels.worker.ts). */
  kernels(smoke: boolean): Promise<KernelCheck[]>;
  /** Generates JPEGs and returns how many bytes they make and how long it took. */
  jpegs(count: number, size: number): Promise<{ files: number; bytes: number; ms: number }>;
}

// The app's public/ folder sits one level above this page in the served build.
const sampleUrl = new URL(`../${MNIST_SAMPLE.path}`, document.baseURI).href;

/** Posts `message` to a fresh module worker and settles with its one reply. */
function ask<R>(worker: Worker, message: unknown): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<R>) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(`The bench worker crashed: ${event.message}`));
    worker.postMessage(message);
  }).finally(() => worker.terminate());
}

async function run(job: Omit<BenchJob, 'sampleUrl'>): Promise<BenchJobResult> {
  const worker = new Worker(new URL('./reference.worker.ts', import.meta.url), { type: 'module' });
  const reply = await ask<BenchReply>(worker, { ...job, sampleUrl } satisfies BenchJob);
  if (!reply.ok) throw new Error(reply.message);
  return reply.result;
}

async function kernels(smoke: boolean): Promise<KernelCheck[]> {
  const worker = new Worker(new URL('./kernels.worker.ts', import.meta.url), { type: 'module' });
  const reply = await ask<KernelsReply>(worker, { smoke });
  if (!reply.ok) throw new Error(reply.message);
  return reply.checks;
}

function cost(network: BenchNetwork): NetworkCost {
  const analysis = analyse(benchSpec(network), MNIST_SHAPE);
  return { params: analysis.totalParams, forwardFlops: analysis.totalFlops };
}

async function jpegs(count: number, size: number) {
  const start = performance.now();
  const files = await generateJpegs(count, size);
  const bytes = files.reduce((total, file) => total + file.bytes.length, 0);
  return { files: files.length, bytes, ms: performance.now() - start };
}

(window as unknown as { layerwiseBench: LayerwiseBench }).layerwiseBench = {
  run,
  cost,
  kernels,
  jpegs,
};
document.body.dataset.ready = 'true';
