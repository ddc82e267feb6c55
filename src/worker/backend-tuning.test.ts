import { describe, expect, it } from 'vitest';
import { joinsWeightUpdates, tuningFor } from './backend-tuning';

const SWIFTSHADER =
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const HARDWARE = 'ANGLE (NVIDIA, Vulkan 1.3.277 (NVIDIA H100 80GB HBM3 (0x00002330)), NVIDIA)';

describe('tuningFor', () => {
  it('turns WebGL packing off on a software GPU', () => {
    expect(tuningFor('webgl', SWIFTSHADER)).toEqual({ WEBGL_PACK: false });
    expect(tuningFor('webgl', 'llvmpipe (LLVM 15.0.6, 256 bits)')).toEqual({ WEBGL_PACK: false });
  });

  it("keeps tfjs's defaults on a hardware GPU, an unknown renderer and the other backends", () => {
    expect(tuningFor('webgl', HARDWARE)).toEqual({});
    expect(tuningFor('webgl', '')).toEqual({});
    expect(tuningFor('webgpu', SWIFTSHADER)).toEqual({});
    expect(tuningFor('cpu', SWIFTSHADER)).toEqual({});
  });
});

describe('joinsWeightUpdates', () => {
  it('joins the weights into one update on WebGPU only', () => {
    expect(['webgpu', 'webgl', 'cpu'].map(joinsWeightUpdates)).toEqual([true, false, false]);
  });
});
