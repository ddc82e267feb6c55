import { describe, expect, it } from 'vitest';
import { backendOrder } from '../shared/backend';
import { activateBackend } from './backend';

// Node has neither WebGPU nor WebGL, which makes it a faithful test of the fallback chain.
describe('activateBackend', () => {
  it('falls back along the chain and says why each backend was skipped', async () => {
    const { active, skipped } = await activateBackend(backendOrder());
    expect(active).toBe('cpu');
    expect(skipped.map((s) => s.backend)).toEqual(['webgl', 'webgpu']);
    expect(skipped[0]?.reason).toMatch(/WebGL/);
    expect(skipped[1]?.reason).toBe('this browser has no WebGPU');
  });

  it('puts a forced backend first', async () => {
    const { active, skipped } = await activateBackend(backendOrder('cpu'));
    expect(active).toBe('cpu');
    expect(skipped).toEqual([]);
  });
});
