import { describe, expect, it } from 'vitest';
import { backendOrder } from '../shared/backend';
import { lossReason, nextBackends, resumeMark, resumePlan } from './resume-plan';

describe('after a lost device', () => {
  it('goes on with the backends after the lost one in the chain', () => {
    expect(nextBackends(backendOrder(), 'webgl')).toEqual(['webgpu', 'cpu']);
    expect(nextBackends(backendOrder(), 'webgpu')).toEqual(['cpu']);
    expect(nextBackends(backendOrder('webgpu'), 'webgpu')).toEqual(['webgl', 'cpu']);
    expect(nextBackends(backendOrder('webgpu'), 'webgl')).toEqual(['cpu']);
    expect(nextBackends(backendOrder(), 'cpu')).toEqual([]);
  });

  it('resumes after the latest checkpoint’s epoch, or from the beginning without one', () => {
    expect(resumePlan(backendOrder(), 'webgl', 3)).toEqual({
      candidates: ['webgpu', 'cpu'],
      epochsDone: 3,
    });
    expect(resumePlan(backendOrder(), 'webgl', null).epochsDone).toBe(0);
  });

  it('says what was lost and where the run went on', () => {
    expect(lossReason('webgl', 2, 'cpu')).toBe(
      'the WebGL context was lost during training; the run resumed on CPU from the checkpoint of epoch 2',
    );
    expect(lossReason('webgpu', 0, 'webgl')).toBe(
      'the WebGPU device was lost in epoch 1, before any checkpoint; the run started again from the beginning on WebGL',
    );
    expect(resumeMark('webgl', 2, 20, 'cpu')).toEqual({
      kind: 'resumed',
      step: 20,
      epoch: 2,
      label: 'WebGL lost: resumed from epoch 2 on CPU',
    });
    expect(resumeMark('webgpu', 0, 0, 'cpu').label).toBe('WebGPU lost: started again on CPU');
  });
});
