import * as tf from '@tensorflow/tfjs';
import type { Kernel } from './kernel-of';
import { convolutionOf, kernelOf } from './kernel-of';
import { directlyComputable } from './direct-convolution-webgpu';
import type { WebgpuProgram } from './webgpu-program';
import { flatProgram, floats, lanesFor, runProgram } from './webgpu-program';

type Info = tf.backend_util.Conv2DInfo;

/** Everything about a convolution a gradient program writes into its shader. */
function geometryKey(info: Info): string {
  const { inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
  return [
    ...[inHeight, inWidth, inChannels, outHeight, outWidth, outChannels],
    ...[filterHeight, filterWidth, strideHeight, strideWidth, padInfo.top, padInfo.left],
  ].join('_');
}

/** A WGSL test that image row `t`, seen from the output, falls on no output position. */
function offStride(t: string, extent: number, stride: number): string {
  const outside = `${t} < 0 || ${t} >= ${extent * stride}`;
  return stride === 1 ? outside : `${outside} || ${t} % ${stride} != 0`;
}

/**
 * The input's gradient (`Conv2DBackpropInput`): for each image value, the sum over the taps
 * whose window reads it of the output gradient times the filter. Four input channels per
 * invocation and four output channels per vec4 dot product, where their counts allow: one
 * read of the output gradient serves four dot products.
 */
export function inputGradientProgram(info: Info): WebgpuProgram {
  const { inChannels, outHeight, outWidth, outChannels } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
  const channels = lanesFor(inChannels);
  const lanes = lanesFor(outChannels);
  const row = outChannels / lanes;
  const products = Array.from({ length: channels }, (_, k) => {
    const filter = `w[wAt + ${k * row} + d]`;
    return lanes === 4 ? `dot(g, ${filter})` : `g * ${filter}`;
  });
  const sum = channels === 4 ? `vec4<f32>(${products.join(', ')})` : products[0]!;
  return flatProgram({
    variableNames: ['dy', 'w'],
    outputShape: info.inShape,
    shaderKey: `layerwiseInputGradient_${geometryKey(info)}`,
    outputComponent: channels,
    variableComponents: [lanes, lanes],
    getUserCode: () => `
      fn main(index : i32) {
        if (index < uniforms.size) {
          let coords = getCoordsFromIndex(index * ${channels});
          let b = coords[0];
          let c = coords[3];
          var a = ${floats(channels)}(0.0);
          for (var i = 0; i < ${filterHeight}; i = i + 1) {
            let ty = coords[1] + ${padInfo.top} - i;
            if (${offStride('ty', outHeight, strideHeight)}) { continue; }
            for (var j = 0; j < ${filterWidth}; j = j + 1) {
              let tx = coords[2] + ${padInfo.left} - j;
              if (${offStride('tx', outWidth, strideWidth)}) { continue; }
              let dyAt = ((b * ${outHeight} + ty / ${strideHeight}) * ${outWidth} + tx / ${strideWidth}) * ${row};
              let wAt = ((i * ${filterWidth} + j) * ${inChannels} + c) * ${row};
              for (var d = 0; d < ${row}; d = d + 1) {
                let g = dy[dyAt + d];
                a = a + ${sum};
              }
            }
          }
          setOutputAtIndex(index, a);
        }
      }
    `,
  });
}

/**
 * The filter's gradient (`Conv2DBackpropFilter`), four output channels per invocation where
 * their count allows: the sum, over the batch and the output positions, of the image value
 * the tap reads times the output gradient. The batch comes from the image's shape, so one
 * program serves every batch size. Workgroups of 16: a filter has few values (the starter
 * network's first, 200), and fewer workgroups than cores would leave cores idle.
 */
export function filterGradientProgram(info: Info): WebgpuProgram {
  const { inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const { strideHeight, strideWidth, padInfo } = info;
  const lanes = lanesFor(outChannels);
  const t = floats(lanes);
  const row = outChannels / lanes;
  return flatProgram(
    {
      variableNames: ['x', 'dy'],
      outputShape: info.filterShape,
      shaderKey: `layerwiseFilterGradient_${geometryKey(info)}`,
      outputComponent: lanes,
      variableComponents: [1, lanes],
      getUserCode: () => `
        fn main(index : i32) {
          if (index < uniforms.size) {
            let coords = getCoordsFromIndex(index * ${lanes});
            let c = coords[2];
            let d = coords[3] / ${lanes};
            var a = ${t}(0.0);
            for (var b = 0; b < uniforms.xShape[0]; b = b + 1) {
              for (var oy = 0; oy < ${outHeight}; oy = oy + 1) {
                let iy = oy * ${strideHeight} - ${padInfo.top} + coords[0];
                if (iy < 0 || iy >= ${inHeight}) { continue; }
                for (var ox = 0; ox < ${outWidth}; ox = ox + 1) {
                  let ix = ox * ${strideWidth} - ${padInfo.left} + coords[1];
                  if (ix < 0 || ix >= ${inWidth}) { continue; }
                  let xAt = ((b * ${inHeight} + iy) * ${inWidth} + ix) * ${inChannels} + c;
                  let dyAt = ((b * ${outHeight} + oy) * ${outWidth} + ox) * ${row} + d;
                  a = a + x[xAt] * dy[dyAt];
                }
              }
            }
            setOutputAtIndex(index, a);
          }
        }
      `,
    },
    16,
  );
}

/** The gradient kernels' attributes (tfjs's, with the shape each takes from its attrs). */
type GradientAttrs = Pick<tf.Conv2DAttrs, 'strides' | 'pad' | 'dataFormat' | 'dimRoundingMode'>;

/**
 * Whether a gradient program computes this call: channels-last, undilated, and an output
 * gradient of the shape the geometry gives. tfjs-core does not pass a forward convolution's
 * rounding mode on to its gradients, and `conv2dTranspose` takes any output shape; the
 * programs write the output's size into their code, so such calls go to tfjs's kernels,
 * which read it from the tensor.
 */
export function gradientComputable(info: Info, dy: tf.TensorInfo): boolean {
  return directlyComputable(info) && tf.util.arraysEqual(dy.shape, info.outShape);
}

/** A gradient call's geometry, its output gradient and the program's inputs, in order. */
interface GradientCall {
  info: Info;
  dy: tf.TensorInfo;
  inputs: tf.TensorInfo[];
}

/** `kernelName` for WebGPU: `program` where `gradientComputable` allows, else tfjs's kernel. */
function gradientKernel(
  kernelName: string,
  program: (info: Info) => WebgpuProgram,
  read: (inputs: Record<string, tf.TensorInfo>, attrs: GradientAttrs) => GradientCall,
): tf.KernelConfig {
  const tfjs = kernelOf(kernelName, 'webgpu');
  const kernelFunc: Kernel = (args) => {
    const attrs = args.attrs as unknown as GradientAttrs;
    const { info, dy, inputs } = read(args.inputs as Record<string, tf.TensorInfo>, attrs);
    if (!gradientComputable(info, dy)) return tfjs(args);
    return runProgram(args.backend, program(info), inputs);
  };
  return { kernelName, backendName: 'webgpu', kernelFunc: kernelFunc as tf.KernelFunc };
}

/** tfjs's `Conv2DBackpropInput` and `Conv2DBackpropFilter` for WebGPU as direct programs. */
export function directGradientKernels(): tf.KernelConfig[] {
  return [
    gradientKernel(tf.Conv2DBackpropInput, inputGradientProgram, ({ dy, filter }, attrs) => {
      const { inputShape } = attrs as GradientAttrs & { inputShape: number[] };
      const info = convolutionOf(inputShape, filter!.shape, attrs);
      return { info, dy: dy!, inputs: [dy!, filter!] };
    }),
    gradientKernel(tf.Conv2DBackpropFilter, filterGradientProgram, ({ x, dy }, attrs) => {
      const { filterShape } = attrs as GradientAttrs & { filterShape: number[] };
      const info = convolutionOf(x!.shape, filterShape, attrs);
      return { info, dy: dy!, inputs: [x!, dy!] };
    }),
  ];
}
