/**
 * The bench's worker: contenders B (a bare `optimizer.minimize` loop), C (`model.fit`) and A0
 * (the studio's own loop without its page) on the same backend, network, batch size and digits
 * as the studio. One worker per job, so
 * every job compiles its shaders afresh, as a newly opened studio does.
 */
import * as tf from '@tensorflow/tfjs';
import { activateBackend } from '../src/worker/backend';
import { tuneBackend } from '../src/worker/backend-tuning';
import { buildModel } from '../src/worker/build-model';
import { decodeDataset, gunzipIfNeeded } from '../src/data/sample-format';
import type { BenchJob, BenchJobResult, EpochMemory, StepMark } from './jobs';
import { answerMessages } from './worker-reply';
import { benchSpec } from './networks';
import type { HostExamples } from '../src/worker/device-data';
import { uploadDataset } from '../src/worker/device-data';
import { TrainingRun } from '../src/worker/training-run';
import { DEFAULT_SETTINGS } from '../src/shared/train-settings';
import { MNIST_SPLIT } from '../src/data/mnist-sample';

/** Steps between readbacks, as in the studio's own loop. */
const WINDOW = 10;
/** Examples kept on the device; batches are drawn from them. */
const RESIDENT = 4096;
/** The studio's default optimizer and learning rate (src/shared/train-settings.ts). */
const LEARNING_RATE = 0.002;

interface DigitsOnDevice {
  x: tf.Tensor4D;
  labels: tf.Tensor1D;
  classes: number;
}

/** The bundled digits as the studio decodes them: uint8 pixels and labels, on the host. */
interface Digits {
  host: HostExamples;
  classes: number;
}

async function loadDigits(url: string): Promise<Digits> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not fetch ${url}: HTTP ${response.status}.`);
  const data = decodeDataset(await gunzipIfNeeded(new Uint8Array(await response.arrayBuffer())));
  const { pixels, labels, classes } = data;
  return { host: { shape: [data.rows, data.cols, data.channels], labels, pixels }, classes };
}

/**
 * The first `count` digits on the device the way a tfjs program usually puts them there:
 * the uint8 pixels as an int32 tensor, cast and divided by 255 on the device.
 */
function digitsOnDevice({ host, classes }: Digits, count: number): DigitsOnDevice {
  const n = Math.min(count, host.labels.length);
  const [rows, cols, channels] = host.shape;
  const size = rows * cols * channels;
  const x = tf.tidy(() =>
    tf
      .tensor4d(host.pixels.slice(0, n * size), [n, rows, cols, channels], 'int32')
      .toFloat()
      .div<tf.Tensor4D>(255),
  );
  const labels = tf.tensor1d(host.labels.slice(0, n), 'int32');
  return { x, labels, classes };
}

/** A shuffled order of positions, drawn afresh each time the previous one runs out. */
function batchPositions(count: number, batchSize: number): () => Int32Array {
  let order = new Int32Array(0);
  let at = 0;
  return () => {
    if (at + batchSize > order.length) {
      order = Int32Array.from({ length: count }, (_, i) => i);
      for (let i = count - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      at = 0;
    }
    at += batchSize;
    return order.subarray(at - batchSize, at);
  };
}

/** Contender B (and the memory job): data on the device, one readback per window. */
async function referenceLoop(
  model: tf.LayersModel,
  data: DigitsOnDevice,
  job: BenchJob,
): Promise<BenchJobResult> {
  const optimizer = tf.train.adam(LEARNING_RATE);
  const next = batchPositions(data.x.shape[0], job.batchSize);
  const epochs = job.kind === 'memory' ? job.epochs : 1;
  const marks: StepMark[] = [];
  const memory: EpochMemory[] = [];
  let firstStepMs = NaN;
  let lossSum: tf.Scalar = tf.scalar(0);
  const start = performance.now();
  marks.push({ t: start, step: 0 });
  let step = 0;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = 0; i < job.steps; i++) {
      const sum = tf.tidy(() => {
        const at = tf.tensor1d(next(), 'int32');
        const x = tf.gather(data.x, at);
        const y = tf.oneHot(tf.gather(data.labels, at), data.classes);
        const loss = optimizer.minimize(() => {
          const probs = model.apply(x, { training: true }) as tf.Tensor2D;
          return tf.metrics.categoricalCrossentropy(y, probs).mean<tf.Scalar>();
        }, true) as tf.Scalar;
        return lossSum.add<tf.Scalar>(loss);
      });
      lossSum.dispose();
      lossSum = sum;
      step++;
      if (step === 1) {
        // Only to time the first step; it falls in the interval the throughput leaves out.
        await lossSum.data();
        firstStepMs = performance.now() - start;
      }
      if (step % WINDOW === 0) {
        await lossSum.data();
        marks.push({ t: performance.now(), step });
      }
    }
    await lossSum.data();
    const { numTensors, numBytes } = tf.memory();
    memory.push({ epoch, numTensors, numBytes });
  }
  lossSum.dispose();
  optimizer.dispose();
  return { backend: tf.getBackend() as BenchJob['backend'], firstStepMs, marks, memory };
}

/**
 * Contender A0: the studio's own training loop (`TrainingRun`) on its own data path, with the
 * studio's split of the digits (8,000 for training), in a worker with no page, protocol or
 * insights around it: what the loop costs by itself.
 */
async function studioLoop(
  model: tf.LayersModel,
  digits: Digits,
  job: BenchJob,
): Promise<BenchJobResult> {
  const positions = (from: number, to: number) =>
    Int32Array.from({ length: to - from }, (_, i) => from + i);
  const train = digits.host.labels.length - MNIST_SPLIT.validation - MNIST_SPLIT.test;
  if (job.steps * job.batchSize > train) {
    throw new Error(
      `A0 trains one epoch of at most ${train} digits: ${job.steps} steps of ${job.batchSize} need more.`,
    );
  }
  // One batch each to validate and test: scored once, after the timed steps.
  const rest = positions(train, train + job.batchSize);
  const device = uploadDataset(
    digits.host,
    { train: positions(0, train), validation: rest, test: rest },
    digits.classes,
  );
  const settings = {
    ...DEFAULT_SETTINGS,
    batchSize: job.batchSize,
    epochs: 1,
    examplesPerEpoch: job.steps * job.batchSize,
    learningRate: LEARNING_RATE,
  };
  const marks: StepMark[] = [{ t: performance.now(), step: 0 }];
  const run = new TrainingRun(model, device, settings, {
    // The loop reports progress once per window, when the window's sums are read back.
    progress: ({ step }) => marks.push({ t: performance.now(), step }),
    metrics: () => {},
    epochEnd: () => {},
    mark: () => {},
    restoreEpoch: () => Promise.resolve(false),
    paused: () => {},
  });
  try {
    await run.run();
  } finally {
    run.dispose();
    device.dispose();
  }
  return { backend: tf.getBackend() as BenchJob['backend'], firstStepMs: NaN, marks, memory: [] };
}

/** Contender C: `model.fit`, which reads the loss back after every batch. */
async function plainFit(
  model: tf.LayersModel,
  data: DigitsOnDevice,
  job: BenchJob,
): Promise<BenchJobResult> {
  const count = Math.min(data.x.shape[0], job.steps * job.batchSize);
  const x = data.x.slice(0, count);
  const y = tf.tidy(() => tf.oneHot(data.labels.slice(0, count), data.classes));
  model.compile({ optimizer: tf.train.adam(LEARNING_RATE), loss: 'categoricalCrossentropy' });
  const marks: StepMark[] = [];
  const start = performance.now();
  marks.push({ t: start, step: 0 });
  let firstStepMs = NaN;
  let steps = 0;
  const stepsPerEpoch = Math.ceil(count / job.batchSize);
  await model.fit(x, y, {
    batchSize: job.batchSize,
    epochs: Math.ceil(job.steps / stepsPerEpoch),
    shuffle: true,
    verbose: 0,
    callbacks: {
      onBatchEnd: () => {
        steps++;
        if (steps === 1) firstStepMs = performance.now() - start;
        if (steps % WINDOW === 0) marks.push({ t: performance.now(), step: steps });
        if (steps >= job.steps) model.stopTraining = true;
      },
    },
  });
  x.dispose();
  y.dispose();
  return { backend: tf.getBackend() as BenchJob['backend'], firstStepMs, marks, memory: [] };
}

async function runJob(job: BenchJob): Promise<BenchJobResult> {
  const { active } = await activateBackend([job.backend]).catch((error: unknown) => {
    throw new Error(`The ${job.backend} backend does not start here: ${String(error)}`);
  });
  if (active !== job.backend) throw new Error(`Asked for ${job.backend}, got ${active}.`);
  // B and A0 run on the backend as the studio sets it up; C is plain tfjs, defaults and all.
  if (job.kind !== 'fit') tuneBackend(active);
  const digits = await loadDigits(job.sampleUrl);
  const model = buildModel(benchSpec(job.network), { seed: 42 });
  if (job.kind === 'studioLoop') {
    try {
      return await studioLoop(model, digits, job);
    } finally {
      model.dispose();
    }
  }
  const data = digitsOnDevice(digits, RESIDENT);
  try {
    return job.kind === 'fit'
      ? await plainFit(model, data, job)
      : await referenceLoop(model, data, job);
  } finally {
    model.dispose();
    data.x.dispose();
    data.labels.dispose();
  }
}

answerMessages((job: BenchJob) => runJob(job).then((result) => ({ result })));
