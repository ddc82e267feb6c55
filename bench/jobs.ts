import type { Backend } from '../src/shared/backend';
import type { BenchNetwork } from './networks';

/**
 * What the bench page asks its worker to do. `loop` is the bare reference (contender B),
 * `fit` is plain `model.fit` (contender C), `studioLoop` is the studio's own training loop
 * without its page (A0), `memory` trains several short epochs with the reference loop and
 * records what tfjs holds after each.
 */
export interface BenchJob {
  kind: 'loop' | 'fit' | 'memory' | 'studioLoop';
  backend: Backend;
  network: BenchNetwork;
  batchSize: number;
  /** Training steps in all (`loop`, `fit`) or per epoch (`memory`); a multiple of 10. */
  steps: number;
  /** Epochs of a `memory` job. */
  epochs: number;
  /** Absolute URL of the bundled digits (a worker resolves relative URLs against itself). */
  sampleUrl: string;
}

/** A point in a run where `step` steps had finished, at `t` ms after the worker started. */
export interface StepMark {
  t: number;
  step: number;
}

/** tfjs's own accounting after one epoch. */
export interface EpochMemory {
  epoch: number;
  numTensors: number;
  numBytes: number;
}

/** What the worker sends back for one job. */
export interface BenchJobResult {
  backend: Backend;
  /** From the first step's start to its loss being read back: shader compilation included. */
  firstStepMs: number;
  /** Step 0 when timing began, then one mark per window of 10 steps. */
  marks: StepMark[];
  memory: EpochMemory[];
}

/** The worker's reply: a result, or what went wrong in words. */
export type BenchReply = { ok: true; result: BenchJobResult } | { ok: false; message: string };

/** A convolution kernel the bench checks, on [kernel, input, filter, stride, padding]. */
export type KernelCase = [
  kernel: string,
  input: [number, number, number, number],
  filter: [number, number, number, number],
  strides: number | [number, number],
  pad: 'valid' | 'same' | number,
  /** FusedConv2D's activation, with a bias; ReLU unless named. */
  activation?: 'linear' | 'relu' | 'relu6' | 'elu' | 'sigmoid' | 'leakyrelu',
];

/** One of the studio's WebGL or WebGPU kernels against tfjs's own, on the same inputs. */
export interface KernelCheck {
  backend: 'webgl' | 'webgpu';
  kernel: string;
  /** The convolution, in words. */
  shape: string;
  tfjsMs: number;
  studioMs: number;
  /** Largest difference over the largest magnitude of tfjs's result. */
  maxRelativeError: number;
}

/** The kernel check's reply. */
export type KernelsReply = { ok: true; checks: KernelCheck[] } | { ok: false; message: string };
