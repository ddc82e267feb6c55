import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_CONFIG } from '../../shared/dataset';
import { DEFAULT_SETTINGS } from '../../shared/train-settings';
import { makeDataset } from '../insights/test-fixtures';
import { shapesNet } from '../shapes-net.fixture';
import type { Checkpoint } from './checkpoint';
import { checkpointFits } from './checkpoint';

const host = {
  shape: [2, 2, 1] as [number, number, number],
  labels: new Uint8Array([0, 1, 0, 1]),
  pixels: new Uint8Array(16),
};
const { summary } = makeDataset(host, 2, 1);

const checkpoint: Checkpoint = {
  epoch: 1,
  validation: { loss: 1, accuracy: 0.5 },
  spec: shapesNet(),
  settings: DEFAULT_SETTINGS,
  data: { fingerprint: summary.fingerprint, config: { ...summary.config } },
  model: { modelJson: {}, weights: new ArrayBuffer(0) },
  optimizer: { optimizer: 'adam', values: [] },
};

describe('checkpointFits', () => {
  it('fits the network it was made by, on the data and split it was trained on', () => {
    expect(checkpointFits(checkpoint, summary, shapesNet())).toBe(true);
  });

  it('does not fit another network, other data, another split, or no data', () => {
    expect(checkpointFits(checkpoint, summary, shapesNet(8))).toBe(false);
    expect(checkpointFits(checkpoint, { ...summary, fingerprint: 'other' }, shapesNet())).toBe(
      false,
    );
    const reseeded = {
      ...summary,
      config: { ...DEFAULT_DATA_CONFIG, seed: summary.config.seed + 1 },
    };
    expect(checkpointFits(checkpoint, reseeded, shapesNet())).toBe(false);
    expect(checkpointFits(checkpoint, undefined, shapesNet())).toBe(false);
  });
});
