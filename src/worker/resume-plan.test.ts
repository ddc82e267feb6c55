import { describe, expect, it } from 'vitest';
import { backendOrder } from '../shared/backend';
import { DEFAULT_SETTINGS } from '../shared/train-settings';
import {
  cutRunStart,
  lossOf,
  lossReason,
  nextBackends,
  resumeMark,
  resumePlan,
  resumedMessage,
} from './resume-plan';

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

describe('resuming a cut run the page asks for', () => {
  // 640 examples an epoch in batches of 32: 20 steps.
  const settings = { ...DEFAULT_SETTINGS, epochs: 3, batchSize: 32, examplesPerEpoch: 640 };
  const validations = [
    { loss: 0.9, accuracy: 0.7 },
    { loss: 0.6, accuracy: 0.8 },
  ];
  const resume = { epoch: 2, steps: 40, validations, after: 'engineStopped' as const };

  it('goes on after the epochs done, with their scores, from the restored checkpoint', () => {
    expect(cutRunStart(resume, settings, 2, 8000)).toEqual({
      epochsDone: 2,
      validations,
      after: 'the training engine stopped',
    });
  });

  it('ends with a message that says the run went on from its checkpoint, after what cut it', () => {
    const closed = cutRunStart({ ...resume, after: 'pageClosed' }, settings, 2, 8000);
    expect(resumedMessage(closed, 'Finished 3 epochs.')).toBe(
      'Resumed from the checkpoint of epoch 2 after the page closed. Finished 3 epochs.',
    );
    const stopped = cutRunStart(resume, settings, 2, 8000);
    expect(resumedMessage(stopped, 'Finished 3 epochs.')).toBe(
      'Resumed from the checkpoint of epoch 2 after the training engine stopped. Finished 3 epochs.',
    );
    // The same words as a run resumed after its device was lost.
    const lost = { epochsDone: 1, validations: [], after: lossOf('webgl') };
    expect(resumedMessage(lost, 'Finished 3 epochs.')).toBe(
      'Resumed from the checkpoint of epoch 1 after the WebGL context was lost. Finished 3 epochs.',
    );
  });

  it('refuses when the model is not the checkpoint of that epoch', () => {
    expect(() => cutRunStart(resume, settings, 1, 8000)).toThrow(
      "The checkpoint of epoch 2 is no longer the model's weights",
    );
  });

  it('refuses when the data no longer gives the steps the run took', () => {
    // 300 training examples are 10 steps of 32 an epoch, not 20.
    expect(() => cutRunStart(resume, settings, 2, 300)).toThrow(
      'The run had taken 40 steps in 2 epochs, but its settings take 10 steps an epoch on the loaded data: the data changed',
    );
  });

  it('refuses a cross-validated run', () => {
    const folds = { ...settings, crossValidation: 5 };
    expect(() => cutRunStart(resume, folds, 2, 8000)).toThrow(/cross-validated run cannot go on/);
  });
});
