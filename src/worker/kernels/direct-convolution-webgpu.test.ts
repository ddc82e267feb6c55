import type * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { DirectConvolution } from './direct-convolution-webgpu';
import { directConvolutionProgram, directJob } from './direct-convolution-webgpu';

// What the programs compute is checked on WebGPU itself, against tfjs's kernels, by the
// bench's kernel check (bench/kernels.worker.ts), `npm test`'s smoke run included.

const tensor = (shape: number[]) => ({ dataId: {}, shape, dtype: 'float32' }) as tf.TensorInfo;

const conv = (
  xShape: number[],
  filterShape: number[],
  attrs: Partial<tf.Conv2DAttrs & tf.FusedConv2DAttrs> = {},
  more: { bias?: number[]; prelu?: number[] } = {},
) =>
  directJob(
    {
      x: tensor(xShape),
      filter: tensor(filterShape),
      bias: more.bias && tensor(more.bias),
      preluActivationWeights: more.prelu && tensor(more.prelu),
    },
    { strides: 1, pad: 'same', dataFormat: 'NHWC', dilations: 1, ...attrs },
  );

const job = (filters: number, more: Partial<DirectConvolution> = {}): DirectConvolution => ({
  ...conv([2, 8, 8, 3], [3, 3, 3, filters])!,
  ...more,
});

describe('directJob', () => {
  it('takes channels-last, undilated convolutions with a bias per channel and a known activation', () => {
    const fused = conv(
      [32, 28, 28, 1],
      [5, 5, 1, 8],
      { pad: 'valid', activation: 'relu' },
      {
        bias: [8],
      },
    );
    expect(fused).toMatchObject({ bias: true, activation: 'relu', leakyreluAlpha: 0 });
    expect(fused!.info.outShape).toEqual([32, 24, 24, 8]);
    expect(conv([1, 9, 9, 2], [3, 3, 2, 4], { strides: 2 })).toMatchObject({
      bias: false,
      activation: 'linear',
    });
    expect(
      conv([1, 9, 9, 2], [3, 3, 2, 4], { activation: 'leakyrelu', leakyreluAlpha: 0.3 }),
    ).toMatchObject({ activation: 'leakyrelu', leakyreluAlpha: 0.3 });
  });

  it('leaves to tfjs what the program cannot compute', () => {
    expect(conv([1, 2, 9, 9], [3, 3, 2, 4], { dataFormat: 'NCHW' })).toBeNull();
    expect(conv([1, 9, 9, 2], [3, 3, 2, 4], { dilations: 2 })).toBeNull();
    expect(conv([1, 9, 9, 2], [3, 3, 2, 4], { activation: 'prelu' }, { prelu: [4] })).toBeNull();
    expect(conv([1, 9, 9, 2], [3, 3, 2, 4], {}, { bias: [1] })).toBeNull();
    expect(conv([1, 9, 9, 2], [3, 3, 2, 4], {}, { bias: [1, 4] })).toBeNull();
    const unknown = { activation: 'swish' as tf.FusedConv2DAttrs['activation'] };
    expect(conv([1, 9, 9, 2], [3, 3, 2, 4], unknown)).toBeNull();
    // The slope is written into the shader: NaN or Infinity there would not compile.
    for (const leakyreluAlpha of [NaN, Infinity]) {
      expect(
        conv([1, 9, 9, 2], [3, 3, 2, 4], { activation: 'leakyrelu', leakyreluAlpha }),
      ).toBeNull();
    }
  });
});

describe('directConvolutionProgram', () => {
  it('computes four output channels per invocation where their count is a multiple of four', () => {
    const four = directConvolutionProgram(job(8));
    expect(four.outputComponent).toBe(4);
    expect(four.variableComponents).toEqual([1, 4]);
    // 2 × 8 × 8 × 8 values, four per invocation, 64 invocations per workgroup.
    expect(four.dispatch).toEqual([4, 1, 1]);
    expect(four.getUserCode()).toContain('var a = vec4<f32>(0.0);');

    const one = directConvolutionProgram(job(6));
    expect(one.outputComponent).toBe(1);
    expect(one.dispatch).toEqual([Math.ceil((2 * 8 * 8 * 6) / 64), 1, 1]);
    expect(one.getUserCode()).toContain('var a = f32(0.0);');
  });

  it('reads the bias as a third input and applies the activation last', () => {
    const program = directConvolutionProgram(job(8, { bias: true, activation: 'relu6' }));
    expect(program.variableNames).toEqual(['x', 'w', 'bias']);
    expect(program.variableComponents).toEqual([1, 4, 4]);
    const code = program.getUserCode();
    expect(code).toContain('a = a + bias[d];');
    expect(code).toContain('setOutputAtIndex(index, clamp(a, vec4<f32>(0.0), vec4<f32>(6.0)));');
    expect(
      directConvolutionProgram(
        job(6, { activation: 'leakyrelu', leakyreluAlpha: 0.25 }),
      ).getUserCode(),
    ).toContain('select(f32(f32(0.25)) * a, a, a >= f32(0.0))');
  });

  it('keys each program by everything written into its shader', () => {
    // tfjs caches compiled pipelines by key: two programs that share one would share a shader.
    const keys = [
      job(8),
      job(8, { bias: true }),
      job(8, { activation: 'relu' }),
      job(8, { activation: 'leakyrelu', leakyreluAlpha: 0.1 }),
      job(8, { activation: 'leakyrelu', leakyreluAlpha: 0.2 }),
      job(4),
      { ...job(8), info: conv([2, 8, 8, 3], [3, 3, 3, 8], { strides: 2 })!.info },
      { ...job(8), info: conv([2, 8, 8, 3], [3, 3, 3, 8], { pad: 'valid' })!.info },
      { ...job(8), info: conv([2, 9, 8, 3], [3, 3, 3, 8])!.info },
      { ...job(8), info: conv([2, 8, 8, 3], [3, 5, 3, 8])!.info },
    ].map((j) => directConvolutionProgram(j).shaderKey);
    expect(new Set(keys).size).toBe(keys.length);
    // The batch is not written in: one program serves every batch size.
    const batch = { ...job(8), info: conv([7, 8, 8, 3], [3, 3, 3, 8])!.info };
    expect(directConvolutionProgram(batch).shaderKey).toBe(keys[0]);
  });

  it('refuses an activation it has no formula for', () => {
    expect(() => directConvolutionProgram(job(8, { activation: 'swish' }))).toThrow(/swish/);
  });
});
