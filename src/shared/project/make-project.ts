import { starterNetwork } from '../../model/templates';
import { DEFAULT_DATA_CONFIG } from '../dataset';
import { DEFAULT_SETTINGS } from '../train-settings';
import { PROJECT_VERSION } from './migrate';
import type { Project } from './project';
import { PROJECT_FORMAT } from './project';

/** A project after a short run on the colour shapes, for tests; `changes` replaces fields. */
export function makeProject(changes: Partial<Project> = {}): Project {
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    name: 'Shapes net',
    spec: starterNetwork({ shape: [32, 32, 3], classes: 4 }),
    settings: { ...DEFAULT_SETTINGS, epochs: 3, learningRate: 0.01 },
    data: {
      config: { ...DEFAULT_DATA_CONFIG, normalisation: 'symmetric' },
      dataset: {
        kind: 'shapes',
        name: 'Colour shapes',
        classNames: ['circle', 'square', 'triangle', 'star'],
        inputShape: [32, 32, 3],
        source: { kind: 'shapes', count: 2000, seed: 7 },
        classEdits: [],
      },
    },
    runs: {
      points: [
        { series: 'train', step: 10, epoch: 1, loss: 1.2, accuracy: 0.4, learningRate: 0.01 },
        { series: 'validation', step: 25, epoch: 1, loss: 0.9, accuracy: 0.6, time: 1.7e12 },
      ],
      previousPoints: [{ series: 'train', step: 10, epoch: 1, loss: NaN, accuracy: 0.25 }],
      report: { outcome: 'completed', message: 'Done.', test: { loss: 0.8, accuracy: 0.65 } },
      lastEpoch: { epoch: 1, validation: { loss: 0.9, accuracy: 0.6 }, numTensors: 42 },
      progress: {
        epoch: 1,
        epochs: 1,
        batch: 25,
        batchesPerEpoch: 25,
        step: 25,
        examplesPerSec: 300,
      },
      history: [
        {
          id: '6f1d2c9a-run',
          number: 1,
          startedAt: 1_700_000_000_000,
          durationMs: 4200,
          spec: starterNetwork({ shape: [32, 32, 3], classes: 4 }),
          settings: {
            ...DEFAULT_SETTINGS,
            schedule: { kind: 'cosine', warmupEpochs: 1, minFactor: 0 },
          },
          dataset: {
            name: 'Colour shapes',
            fingerprint: 'abc123',
            classNames: ['a', 'b', 'c', 'd'],
          },
          params: 12_345,
          points: [{ series: 'validation', step: 25, epoch: 1, loss: 0.9, accuracy: 0.6 }],
          marks: [
            { kind: 'learningRate', step: 12, epoch: 1, label: 'learning rate set to 0.001' },
          ],
          outcome: 'completed',
          message: 'Finished 1 epoch.',
          test: { loss: 0.8, accuracy: 0.65, perClass: [0.5, 0.75, NaN, 0.8] },
          note: 'learning rate 0.01',
          sweep: {
            id: 'sweep-1',
            values: [{ target: { kind: 'setting', field: 'learningRate' }, value: 0.01 }],
          },
        },
      ],
    },
    ...changes,
  };
}
