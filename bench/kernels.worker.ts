/**
 * The bench's kernel check: each convolution kernel the studio computes its own way on
 * WebGL and on WebGPU (src/worker/kernels/) against tfjs's own kernel for that backend, on
 * the same random inputs: how far apart the results are and how long each takes, on the
 * convolutions of the bench's networks and on the shapes their code treats apart.
 */
import * as tf from '@tensorflow/tfjs';
import { activateBackend } from '../src/worker/backend';
import { tuneBackend } from '../src/worker/backend-tuning';
import { webglColumnSteps } from '../src/worker/kernels/columns-webgl';
import { convolutionByProduct } from '../src/worker/kernels/convolution-by-product';
import { directConvolutionKernels } from '../src/worker/kernels/direct-convolution-webgpu';
import { directGradientKernels } from '../src/worker/kernels/direct-gradients-webgpu';
import { kernelOf } from '../src/worker/kernels/kernel-of';
import type { KernelCase, KernelCheck } from './jobs';
import { answerMessages } from './worker-reply';

/**
 * [kernel, input, filter, stride, padding, fused activation]: the starter network's and the
 * small ResNet's convolutions, and an even filter (uneven padding) and a batch of one.
 */
const WEBGL_CASES: KernelCase[] = [
  [tf.Conv2D, [32, 28, 28, 1], [5, 5, 1, 8], 1, 'valid'],
  [tf.Conv2D, [32, 12, 12, 8], [5, 5, 8, 16], 1, 'valid'],
  [tf.Conv2D, [32, 14, 14, 32], [3, 3, 32, 32], 1, 'same'],
  [tf.Conv2D, [1, 28, 28, 16], [3, 3, 16, 32], 2, 'same'],
  [tf.Conv2D, [8, 13, 13, 4], [4, 4, 4, 8], 1, 'same'],
  [tf.Conv2DBackpropFilter, [32, 28, 28, 1], [5, 5, 1, 8], 1, 'valid'],
  [tf.Conv2DBackpropFilter, [32, 12, 12, 8], [5, 5, 8, 16], 1, 'valid'],
  [tf.Conv2DBackpropFilter, [32, 14, 14, 32], [3, 3, 32, 32], 1, 'same'],
  [tf.Conv2DBackpropFilter, [32, 28, 28, 16], [3, 3, 16, 32], 2, 'same'],
  [tf.Conv2DBackpropFilter, [8, 13, 13, 4], [4, 4, 4, 8], 1, 'same'],
  [tf.Conv2DBackpropInput, [32, 12, 12, 8], [5, 5, 8, 16], 1, 'valid'],
  [tf.Conv2DBackpropInput, [32, 14, 14, 32], [3, 3, 32, 32], 1, 'same'],
  [tf.Conv2DBackpropInput, [32, 28, 28, 16], [3, 3, 16, 32], 2, 'same'],
  [tf.Conv2DBackpropInput, [1, 13, 13, 4], [4, 4, 4, 8], 1, 'same'],
];

/** A convolution: input, filter, stride, padding. */
type Geometry = [KernelCase[1], KernelCase[2], KernelCase[3], KernelCase[4]];

/** Convolutions whose code the WebGPU programs vary by. */
const ODD_CHANNELS: Geometry = [[4, 9, 9, 3], [3, 3, 3, 6], 1, 'same']; // a channel at a time
const STRIDE_PAST_EDGE: Geometry = [[8, 28, 28, 1], [5, 5, 1, 8], 2, 'valid']; // last rows unread
const NUMERIC_PAD: Geometry = [[2, 10, 11, 4], [3, 2, 4, 8], [2, 3], 1]; // unequal strides

/**
 * WebGPU's: WebGL's cases, the three above for each kernel, and the activations fused with a
 * bias (`FusedConv2D`), on four channels at a time and on one.
 */
const WEBGPU_CASES: KernelCase[] = [
  ...WEBGL_CASES,
  ...[tf.Conv2D, tf.Conv2DBackpropFilter, tf.Conv2DBackpropInput].flatMap((kernel) =>
    [ODD_CHANNELS, STRIDE_PAST_EDGE, NUMERIC_PAD].map((g): KernelCase => [kernel, ...g]),
  ),
  [tf.FusedConv2D, [32, 28, 28, 1], [5, 5, 1, 8], 1, 'valid', 'relu'],
  [tf.FusedConv2D, [8, 13, 13, 4], [4, 4, 4, 8], 2, 'same', 'relu'],
  ...(['linear', 'relu6', 'elu', 'sigmoid', 'leakyrelu'] as const).flatMap((activation) =>
    [ODD_CHANNELS, NUMERIC_PAD].map((g): KernelCase => [tf.FusedConv2D, ...g, activation]),
  ),
];

/** The leaky ReLU's slope in the cases that fuse one. */
const LEAKYRELU_ALPHA = 0.2;

/** A backend's cases and the studio's kernels for it. */
interface Suite {
  backend: 'webgl' | 'webgpu';
  cases: KernelCase[];
  studio: () => tf.KernelConfig[];
}

const SUITES: Suite[] = [
  {
    backend: 'webgl',
    cases: WEBGL_CASES,
    studio: () => convolutionByProduct('webgl', webglColumnSteps),
  },
  {
    backend: 'webgpu',
    cases: WEBGPU_CASES,
    studio: () => [...directConvolutionKernels(), ...directGradientKernels()],
  },
];

type Run = () => tf.TensorInfo;

/**
 * Milliseconds per call, after one call that compiles the shaders: `calls` calls queued,
 * then one readback, over `calls` (the readback's share included, alike for both).
 */
async function msPerCall(run: Run, calls: number): Promise<number> {
  const timed = async (n: number) => {
    const start = performance.now();
    let last: tf.Tensor | null = null;
    for (let i = 0; i < n; i++) {
      last?.dispose();
      last = tf.engine().makeTensorFromTensorInfo(run());
    }
    await last!.data();
    last!.dispose();
    return performance.now() - start;
  };
  await timed(1);
  return (await timed(calls)) / calls;
}

type KernelFunc = (args: unknown) => tf.TensorInfo;

/** Both contenders by kernel name: taken before the studio's tuning replaces tfjs's own. */
interface Contenders {
  tfjs: Record<string, KernelFunc>;
  studio: Record<string, KernelFunc>;
}

function contenders(suite: Suite): Contenders {
  const studio = suite.studio();
  const kernels = studio.map((c) => c.kernelName);
  return {
    tfjs: Object.fromEntries(kernels.map((k) => [k, kernelOf(k, suite.backend) as KernelFunc])),
    studio: Object.fromEntries(studio.map((c) => [c.kernelName, c.kernelFunc as KernelFunc])),
  };
}

async function check(
  backendName: Suite['backend'],
  [kernel, xShape, filterShape, strides, pad, activation = 'relu']: KernelCase,
  { tfjs, studio }: Contenders,
  calls: number,
): Promise<KernelCheck> {
  const x = tf.randomNormal<tf.Rank.R4>(xShape, 0, 1, 'float32', 1);
  const filter = tf.randomNormal<tf.Rank.R4>(filterShape, 0, 1, 'float32', 2);
  const { outShape } = tf.backend_util.computeConv2DInfo(xShape, filterShape, strides, 1, pad);
  const dy = tf.randomNormal<tf.Rank.R4>(outShape, 0, 1, 'float32', 3);
  const bias = tf.randomNormal<tf.Rank.R1>([filterShape[3]], 0, 1, 'float32', 4);
  const backend = tf.backend();
  const base = { strides, pad, dataFormat: 'NHWC' };
  const args = {
    [tf.Conv2D]: { inputs: { x, filter }, backend, attrs: { ...base, dilations: 1 } },
    [tf.FusedConv2D]: {
      inputs: { x, filter, bias },
      backend,
      attrs: { ...base, dilations: 1, activation, leakyreluAlpha: LEAKYRELU_ALPHA },
    },
    [tf.Conv2DBackpropFilter]: { inputs: { x, dy }, backend, attrs: { ...base, filterShape } },
    [tf.Conv2DBackpropInput]: {
      inputs: { dy, filter },
      backend,
      attrs: { ...base, inputShape: xShape },
    },
  }[kernel];
  const tfjsRun: Run = () => tfjs[kernel]!(args);
  const studioRun: Run = () => studio[kernel]!(args);
  const expected = tf.engine().makeTensorFromTensorInfo(tfjsRun());
  const actual = tf.engine().makeTensorFromTensorInfo(studioRun());
  const [gap, scale] = await Promise.all([
    tf.sub(expected, actual).abs().max().data(),
    tf.abs(expected).max().data(),
  ]);
  const tfjsMs = await msPerCall(tfjsRun, calls);
  const studioMs = await msPerCall(studioRun, calls);
  tf.dispose([x, filter, dy, bias, expected, actual]);
  const fused = kernel === tf.FusedConv2D ? `, bias, ${activation}` : '';
  const stride = typeof strides === 'number' ? strides : strides.join('×');
  const padding = typeof pad === 'number' ? `pad ${pad}` : pad;
  const shape = `x ${xShape.join('×')}, filter ${filterShape.join('×')}, stride ${stride}, ${padding}${fused}`;
  const maxRelativeError = gap[0]! / scale[0]!;
  return { backend: backendName, kernel, shape, tfjsMs, studioMs, maxRelativeError };
}

async function checkAll(smoke: boolean): Promise<KernelCheck[]> {
  const results: KernelCheck[] = [];
  for (const suite of SUITES) {
    const { active } = await activateBackend([suite.backend, 'cpu']);
    if (active !== suite.backend) throw new Error(`Asked for ${suite.backend}, got ${active}.`);
    const both = contenders(suite);
    // The flags training runs with; the kernels were taken before they were replaced.
    tuneBackend(active);
    for (const c of suite.cases) results.push(await check(active, c, both, smoke ? 2 : 10));
  }
  return results;
}

answerMessages(({ smoke }: { smoke: boolean }) => checkAll(smoke).then((checks) => ({ checks })));
