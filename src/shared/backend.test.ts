import { describe, expect, it } from 'vitest';
import { backendFromQuery, backendOrder } from './backend';

describe('backend choice', () => {
  it('reads a forced backend from the query string', () => {
    expect(backendFromQuery('?backend=cpu')).toBe('cpu');
    expect(backendFromQuery('?x=1&backend=webgpu')).toBe('webgpu');
    expect(backendFromQuery('?backend=wasm')).toBeUndefined();
    expect(backendFromQuery('')).toBeUndefined();
  });

  it('tries WebGL, then WebGPU, then CPU, with a forced backend first', () => {
    expect(backendOrder()).toEqual(['webgl', 'webgpu', 'cpu']);
    expect(backendOrder('webgpu')).toEqual(['webgpu', 'webgl', 'cpu']);
    expect(backendOrder('cpu')).toEqual(['cpu', 'webgl', 'webgpu']);
  });
});
