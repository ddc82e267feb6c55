import * as tf from '@tensorflow/tfjs';
import type { Kernel } from './kernel-of';
import { convolutionOf, kernelOf } from './kernel-of';
import type { WebgpuProgram } from './webgpu-program';
import { flatProgram, floats, lanesFor, runProgram } from './webgpu-program';

/**
 * WGSL of each activation tfjs fuses into a convolution, applied to `a` of type `t` (f32 or
 * vec4<f32>); tfjs's scalar formulas (tfjs-backend-webgpu's unary_op_util), so a NaN passes
 * through as it does there.
 */
const ACTIVATIONS: Record<string, (t: string, alpha: number) => string> = {
  linear: () => 'a',
  relu: (t) => `select(a, ${t}(0.0), a < ${t}(0.0))`,
  relu6: (t) => `clamp(a, ${t}(0.0), ${t}(6.0))`,
  elu: (t) => `select(exp(a) - ${t}(1.0), a, a >= ${t}(0.0))`,
  sigmoid: (t) => `${t}(1.0) / (${t}(1.0) + exp(-1.0 * a))`,
  leakyrelu: (t, alpha) => `select(${t}(f32(${alpha})) * a, a, a >= ${t}(0.0))`,
};

/** What one program computes: a convolution, with a bias per output channel and an activation. */
export interface DirectConvolution {
  info: tf.backend_util.Conv2DInfo;
  bias: boolean;
  activation: string;
  leakyreluAlpha: number;
}

/** Whether the direct program computes this convolution: channels-last and undilated only. */
export function directlyComputable(info: tf.backend_util.Conv2DInfo): boolean {
  return (
    info.dataFormat === 'channelsLast' && info.dilationHeight === 1 && info.dilationWidth === 1
  );
}

/**
 * A convolution summed straight from the image and the filter, four output channels per
 * invocation where their count allows (one image value read serves four products, the
 * filter's four are one vec4), else one; no workgroup memory and no barriers. tfjs's own
 * WebGPU convolution is a tiled matrix product whose workgroups share memory between
 * barriers, which a software GPU (SwiftShader) makes costly: the starter network's first
 * convolution (8 filters of 5×5 over one channel) took 410 ms a batch of 32 that way,
 * against 14 ms here (docs/performance.md). The geometry is written into the shader, as
 * tfjs's WebGL programs do, so the key names all of it; the batch size is not.
 */
export function directConvolutionProgram(job: DirectConvolution): WebgpuProgram {
  const { info, bias, activation, leakyreluAlpha } = job;
  const { inHeight, inWidth, inChannels, outChannels, filterHeight, filterWidth } = info;
  const { strideHeight, strideWidth, padInfo } = info;
  const activate = ACTIVATIONS[activation];
  if (!activate) throw new Error(`The direct convolution cannot apply "${activation}".`);
  const alpha = activation === 'leakyrelu' ? leakyreluAlpha : 0;
  const geometry = [inHeight, inWidth, inChannels, outChannels, filterHeight, filterWidth];
  const placement = [strideHeight, strideWidth, padInfo.top, padInfo.left];
  const lanes = lanesFor(outChannels);
  const t = floats(lanes);
  // The filter's row of output channels, in units of `t`.
  const row = outChannels / lanes;
  return flatProgram({
    variableNames: bias ? ['x', 'w', 'bias'] : ['x', 'w'],
    outputShape: info.outShape,
    shaderKey: `layerwiseDirectConv2D_${[...geometry, ...placement].join('_')}_${bias}_${activation}_${alpha}`,
    outputComponent: lanes,
    variableComponents: bias ? [1, lanes, lanes] : [1, lanes],
    getUserCode: () => `
      fn main(index : i32) {
        if (index < uniforms.size) {
          let coords = getCoordsFromIndex(index * ${lanes});
          let b = coords[0];
          let d = coords[3] / ${lanes};
          var a = ${t}(0.0);
          for (var i = 0; i < ${filterHeight}; i = i + 1) {
            let iy = coords[1] * ${strideHeight} - ${padInfo.top} + i;
            if (iy < 0 || iy >= ${inHeight}) { continue; }
            for (var j = 0; j < ${filterWidth}; j = j + 1) {
              let ix = coords[2] * ${strideWidth} - ${padInfo.left} + j;
              if (ix < 0 || ix >= ${inWidth}) { continue; }
              let xAt = ((b * ${inHeight} + iy) * ${inWidth} + ix) * ${inChannels};
              let wAt = (i * ${filterWidth} + j) * ${inChannels * row} + d;
              for (var c = 0; c < ${inChannels}; c = c + 1) {
                a = a + x[xAt + c] * w[wAt + c * ${row}];
              }
            }
          }
          ${bias ? 'a = a + bias[d];' : ''}
          setOutputAtIndex(index, ${activate(t, alpha)});
        }
      }
    `,
  });
}

/** A `Conv2D` or `FusedConv2D` call's inputs, as tfjs passes them. */
interface ConvolutionInputs {
  x: tf.TensorInfo;
  filter: tf.TensorInfo;
  bias?: tf.TensorInfo;
  preluActivationWeights?: tf.TensorInfo;
}

/**
 * The direct program's job for a `Conv2D` call (`attrs` without an activation) or a
 * `FusedConv2D` call, or null where tfjs's own kernel must compute it: channels-first and
 * dilated convolutions, a PReLU or an activation the program lacks, a leaky ReLU's slope
 * that is not a finite number (it is written into the shader), and a bias that is not one
 * value per output channel.
 */
export function directJob(
  inputs: ConvolutionInputs,
  attrs: tf.Conv2DAttrs & Partial<Pick<tf.FusedConv2DAttrs, 'activation' | 'leakyreluAlpha'>>,
): DirectConvolution | null {
  const { x, filter, bias, preluActivationWeights } = inputs;
  const info = convolutionOf(x.shape, filter.shape, attrs, attrs.dilations);
  const activation = attrs.activation ?? 'linear';
  const perChannel = !bias || (bias.shape.length === 1 && bias.shape[0] === info.outChannels);
  if (!directlyComputable(info) || preluActivationWeights || !perChannel) return null;
  const leakyreluAlpha = attrs.leakyreluAlpha ?? 0;
  if (!ACTIVATIONS[activation] || !Number.isFinite(leakyreluAlpha)) return null;
  return { info, bias: !!bias, activation, leakyreluAlpha };
}

/**
 * tfjs's `Conv2D` and `FusedConv2D` for WebGPU as direct programs, where `directJob` allows;
 * tfjs's own kernels compute the rest (the gradients are in direct-gradients-webgpu.ts).
 */
export function directConvolutionKernels(): tf.KernelConfig[] {
  return [tf.Conv2D, tf.FusedConv2D].map((kernelName) => {
    const tfjs = kernelOf(kernelName, 'webgpu');
    const kernelFunc: Kernel = (args) => {
      const inputs = args.inputs as unknown as ConvolutionInputs;
      const job = directJob(inputs, args.attrs as unknown as tf.Conv2DAttrs);
      if (!job) return tfjs(args);
      const { x, filter, bias } = inputs;
      const program = directConvolutionProgram(job);
      return runProgram(args.backend, program, bias ? [x, filter, bias] : [x, filter]);
    };
    return { kernelName, backendName: 'webgpu', kernelFunc: kernelFunc as tf.KernelFunc };
  });
}
