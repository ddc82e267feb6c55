import { describe, expect, it } from 'vitest';
import { backendFromQuery, backendOrder } from './backend';

describe('backend choice', () => {
  it('reads a forced backend from the query string', () => {
    expect(backendFromQuery('?backend=cpu')).toBe('cpu');
    expect(backendFromQuery('?x=1&backend=webgpu')).toBe('webgpu');
    expect(backendFromQuery('?backend=wasm')).toBeUndefined();
    expect(backendFromQuery('')).toBeUndefined();
  });

  it('tries WebGPU, then WebGL, then CPU, with a forced backend first', () => {
    expect(backendOrder()).toEqual(['webgpu', 'webgl', 'cpu']);
    expect(backendOrder('webgl')).toEqual(['webgl', 'webgpu', 'cpu']);
    expect(backendOrder('cpu')).toEqual(['cpu', 'webgpu', 'webgl']);
  });
});
