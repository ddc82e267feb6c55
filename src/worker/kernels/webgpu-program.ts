import type * as tf from '@tensorflow/tfjs';

/**
 * A compute program as tfjs's WebGPU backend runs it (its WebGPUProgram, the fields the
 * studio's programs use). The backend writes the shader's head: `uniforms` (with `size`, the
 * output's length in units of `outputComponent`, and each input's shape), a storage array per
 * input named as in `variableNames`, `getCoordsFromIndex` and `setOutputAtIndex`; the
 * program's code defines `fn main(index : i32)`. tfjs caches compiled pipelines by
 * `shaderKey` and the inputs' ranks, so the key must name everything written into the code.
 */
export interface WebgpuProgram {
  variableNames: string[];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number];
  size: true;
  /** Values per output element: 4 when the program writes vec4<f32>. */
  outputComponent: number;
  /** Values per element of each input array. */
  variableComponents: number[];
  getUserCode(): string;
}

/** The part of tfjs's WebGPU backend that runs a program. */
interface WebgpuBackend {
  runWebGPUProgram(
    program: WebgpuProgram,
    inputs: tf.TensorInfo[],
    dtype: 'float32',
  ): tf.TensorInfo;
}

/** Channels a program handles per vec4 where their count allows, else one at a time. */
export function lanesFor(channels: number): 1 | 4 {
  return channels % 4 === 0 ? 4 : 1;
}

/** The WGSL type of `lanes` floats. */
export function floats(lanes: number): string {
  return lanes === 4 ? 'vec4<f32>' : 'f32';
}

/**
 * A program over every element of `outputShape` in units of `outputComponent`, one per
 * invocation, `workgroup` invocations per workgroup (tfjs folds a dispatch too long for one
 * dimension into two).
 */
export function flatProgram(
  fields: Pick<
    WebgpuProgram,
    | 'variableNames'
    | 'outputShape'
    | 'shaderKey'
    | 'outputComponent'
    | 'variableComponents'
    | 'getUserCode'
  >,
  workgroup = 64,
): WebgpuProgram {
  const size = fields.outputShape.reduce((a, b) => a * b, 1) / fields.outputComponent;
  return {
    ...fields,
    dispatchLayout: { x: fields.outputShape.map((_, axis) => axis) },
    dispatch: [Math.ceil(size / workgroup), 1, 1],
    workgroupSize: [workgroup, 1, 1],
    size: true,
  };
}

/** Runs `program` on tfjs's WebGPU backend. */
export function runProgram(
  backend: tf.KernelBackend,
  program: WebgpuProgram,
  inputs: tf.TensorInfo[],
): tf.TensorInfo {
  return (backend as unknown as WebgpuBackend).runWebGPUProgram(program, inputs, 'float32');
}
