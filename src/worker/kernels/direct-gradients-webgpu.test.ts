import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  filterGradientProgram,
  gradientComputable,
  inputGradientProgram,
} from './direct-gradients-webgpu';

// What the programs compute is checked on WebGPU itself, against tfjs's kernels, by the
// bench's kernel check (bench/kernels.worker.ts), `npm test`'s smoke run included.

const info = (x: number[], filter: number[], strides = 1, pad: 'same' | 'valid' = 'same') =>
  tf.backend_util.computeConv2DInfo(
    x as [number, number, number, number],
    filter as [number, number, number, number],
    strides,
    1,
    pad,
  );

describe('inputGradientProgram', () => {
  it('computes four input channels per invocation, four output channels per dot product', () => {
    const program = inputGradientProgram(info([32, 12, 12, 8], [5, 5, 8, 16], 1, 'valid'));
    expect(program.outputShape).toEqual([32, 12, 12, 8]);
    expect(program.outputComponent).toBe(4);
    expect(program.variableComponents).toEqual([4, 4]);
    // Input channel c + k's filter row starts k rows of 16 / 4 vec4s further on.
    expect(program.getUserCode()).toContain(
      'a = a + vec4<f32>(dot(g, w[wAt + 0 + d]), dot(g, w[wAt + 4 + d]), dot(g, w[wAt + 8 + d]), dot(g, w[wAt + 12 + d]));',
    );
    const odd = inputGradientProgram(info([1, 9, 9, 2], [3, 3, 2, 3]));
    expect([odd.outputComponent, ...odd.variableComponents]).toEqual([1, 1, 1]);
    expect(odd.getUserCode()).toContain('a = a + g * w[wAt + 0 + d];');
  });

  it('skips the image rows no stride lands on', () => {
    expect(inputGradientProgram(info([1, 9, 9, 2], [3, 3, 2, 4], 2)).getUserCode()).toContain(
      'ty % 2 != 0',
    );
    expect(inputGradientProgram(info([1, 9, 9, 2], [3, 3, 2, 4], 1)).getUserCode()).not.toContain(
      '%',
    );
  });
});

describe('filterGradientProgram', () => {
  it('computes four output channels per invocation, in small workgroups', () => {
    const program = filterGradientProgram(info([32, 28, 28, 1], [5, 5, 1, 8], 1, 'valid'));
    expect(program.outputShape).toEqual([5, 5, 1, 8]);
    expect(program.outputComponent).toBe(4);
    // 200 values, 50 invocations, 16 per workgroup: four workgroups, not one.
    expect(program.workgroupSize).toEqual([16, 1, 1]);
    expect(program.dispatch).toEqual([4, 1, 1]);
    // The batch is read from the image's shape, not written in.
    expect(program.getUserCode()).toContain('b < uniforms.xShape[0]');
  });
});

describe('the gradient programs’ keys', () => {
  it('differ wherever the code does, and not with the batch size', () => {
    const cases = [
      info([2, 9, 9, 4], [3, 3, 4, 8]),
      info([2, 9, 9, 4], [3, 3, 4, 8], 2),
      info([2, 9, 9, 4], [3, 3, 4, 8], 1, 'valid'),
      info([2, 9, 10, 4], [3, 3, 4, 8]),
      info([2, 9, 9, 4], [3, 5, 4, 8]),
      info([2, 9, 9, 4], [3, 3, 4, 12]),
    ];
    for (const program of [inputGradientProgram, filterGradientProgram]) {
      const keys = cases.map((c) => program(c).shaderKey);
      expect(new Set(keys).size).toBe(keys.length);
      expect(program(info([7, 9, 9, 4], [3, 3, 4, 8])).shaderKey).toBe(keys[0]);
    }
    expect(inputGradientProgram(cases[0]!).shaderKey).not.toBe(
      filterGradientProgram(cases[0]!).shaderKey,
    );
  });
});

describe('gradientComputable', () => {
  const dy = (shape: number[]) => ({ dataId: {}, shape, dtype: 'float32' }) as tf.TensorInfo;

  it('takes an output gradient of the shape the geometry gives', () => {
    expect(gradientComputable(info([1, 6, 6, 4], [3, 3, 4, 4], 2, 'valid'), dy([1, 2, 2, 4]))).toBe(
      true,
    );
  });

  it('leaves to tfjs an output gradient of another shape, and channels-first images', () => {
    // A forward pass rounded up (dimRoundingMode 'ceil') gives a 5×5 output; tfjs-core passes
    // the gradient no rounding mode, so the geometry says 4×4.
    const unrounded = tf.backend_util.computeConv2DInfo([1, 6, 6, 4], [3, 3, 4, 4], 2, 1, 2);
    expect(unrounded.outShape).toEqual([1, 4, 4, 4]);
    expect(gradientComputable(unrounded, dy([1, 5, 5, 4]))).toBe(false);
    const channelsFirst = tf.backend_util.computeConv2DInfo(
      [1, 4, 6, 6],
      [3, 3, 4, 4],
      1,
      1,
      'same',
      undefined,
      false,
      'channelsFirst',
    );
    expect(gradientComputable(channelsFirst, dy(channelsFirst.outShape))).toBe(false);
  });
});
