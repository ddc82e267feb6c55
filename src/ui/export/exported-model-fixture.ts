import { chain, layer } from '../../model/spec-builder';
import type { ExportedModel } from '../../shared/exported-model';
import { DEFAULT_SETTINGS } from '../../shared/train-settings';

/** A tiny 2×2 gray, two-class exported model for tests of what is built from one. */
export function makeExportedModel(changes: Partial<ExportedModel> = {}): ExportedModel {
  const spec = chain([
    layer('input', 'input', { shape: [2, 2, 1] }),
    layer('flatten', 'flat'),
    layer('dense', 'out', { units: 2, activation: 'softmax' }),
  ]);
  return {
    modelJson: { format: 'layers-model', modelTopology: {}, weightsManifest: [] },
    weights: new Uint8Array([1, 2, 3, 4]).buffer,
    classNames: ['cat', 'dog'],
    preprocessing: {
      format: 'layerwise-preprocessing',
      version: 1,
      inputShape: [2, 2, 1],
      colour: 'grayscale',
      aspect: 'crop',
      normalisation: 'unit',
      scale: [1 / 255],
      offset: [0],
      stats: { mean: [10], std: [2] },
    },
    trainedWith: { spec, settings: DEFAULT_SETTINGS },
    dataset: { name: 'tiny', fingerprint: 'abc123', counts: { train: 4, validation: 1, test: 2 } },
    check: {
      split: 'test',
      shape: [2, 2, 1],
      pixels: new Uint8Array([0, 255, 7, 8, 9, 10, 11, 12]),
      labels: [1, 0],
      probabilities: new Float32Array([0.25, 0.75, 0.5, 0.5]),
      count: 2,
    },
    customLayers: [],
    versions: { tfjs: '4.22.0', backend: 'cpu' },
    ...changes,
  };
}
