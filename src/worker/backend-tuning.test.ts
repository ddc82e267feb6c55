import { describe, expect, it } from 'vitest';
import {
  computesWebgpuConvolutionsDirectly,
  joinsWeightUpdates,
  tuningFor,
  warmsEpochEnd,
} from './backend-tuning';

const SWIFTSHADER =
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const HARDWARE = 'ANGLE (NVIDIA, Vulkan 1.3.277 (NVIDIA H100 80GB HBM3 (0x00002330)), NVIDIA)';

describe('tuningFor', () => {
  it('turns WebGL packing off on a software GPU, but for the convolutions, naming every flag', () => {
    for (const renderer of [SWIFTSHADER, 'llvmpipe (LLVM 15.0.6, 256 bits)']) {
      const flags = tuningFor('webgl', renderer);
      expect(flags).toMatchObject({
        WEBGL_PACK: false,
        WEBGL_PACK_BINARY_OPERATIONS: false,
        WEBGL_CONV_IM2COL: true,
        WEBGL_LAZILY_UNPACK: true,
      });
      // Every flag tfjs derives from WEBGL_PACK is set, so none keeps a value read earlier.
      const derived = [
        'PACK_NORMALIZATION',
        'PACK_CLIP',
        'PACK_DEPTHWISECONV',
        'PACK_BINARY_OPERATIONS',
        'PACK_UNARY_OPERATIONS',
        'PACK_ARRAY_OPERATIONS',
        'PACK_IMAGE_OPERATIONS',
        'PACK_REDUCE',
        'LAZILY_UNPACK',
        'CONV_IM2COL',
        'PACK_CONV2DTRANSPOSE',
      ].map((name) => `WEBGL_${name}`);
      expect(Object.keys(flags)).toEqual(expect.arrayContaining(derived));
    }
  });

  it("keeps tfjs's defaults on a hardware GPU, an unknown renderer and the other backends", () => {
    expect(tuningFor('webgl', HARDWARE)).toEqual({});
    expect(tuningFor('webgl', '')).toEqual({});
    expect(tuningFor('webgpu', SWIFTSHADER)).toEqual({});
    expect(tuningFor('cpu', SWIFTSHADER)).toEqual({});
  });
});

describe('computesWebgpuConvolutionsDirectly', () => {
  it("computes WebGPU's convolutions directly on a software adapter only", () => {
    expect(computesWebgpuConvolutionsDirectly('google swiftshader')).toBe(true);
    expect(computesWebgpuConvolutionsDirectly('mesa llvmpipe')).toBe(true);
    expect(computesWebgpuConvolutionsDirectly('nvidia hopper')).toBe(false);
    expect(computesWebgpuConvolutionsDirectly('')).toBe(false);
  });
});

describe('joinsWeightUpdates', () => {
  it('joins the weights into one update on WebGPU only', () => {
    expect(['webgpu', 'webgl', 'cpu'].map(joinsWeightUpdates)).toEqual([true, false, false]);
  });
});

describe('warmsEpochEnd', () => {
  it('warms the first epoch end on the backends that compile programs: WebGL and WebGPU', () => {
    expect(['webgl', 'webgpu', 'cpu'].map(warmsEpochEnd)).toEqual([true, true, false]);
  });
});
