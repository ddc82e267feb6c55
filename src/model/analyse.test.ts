import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import type { DatasetShape } from './analyse';
import { starterNetwork } from './templates';

const MNIST: DatasetShape = { shape: [28, 28, 1], classes: 10 };

describe('analyse on the starter network', () => {
  const analysis = analyse(starterNetwork(), MNIST);

  it('finds no problems and keeps the chain order', () => {
    expect(analysis.problems).toEqual([]);
    expect(analysis.order).toEqual(starterNetwork().nodes.map((node) => node.id));
  });

  it('infers every shape', () => {
    expect(analysis.shapes).toEqual({
      input: [null, 28, 28, 1],
      conv1: [null, 24, 24, 8],
      pool1: [null, 12, 12, 8],
      conv2: [null, 8, 8, 16],
      pool2: [null, 4, 4, 16],
      flatten: [null, 256],
      dense1: [null, 64],
      dropout: [null, 64],
      output: [null, 10],
    });
  });

  it('counts parameters: weights plus biases', () => {
    expect(analysis.params).toEqual({
      input: 0,
      conv1: 5 * 5 * 1 * 8 + 8, // 208
      pool1: 0,
      conv2: 5 * 5 * 8 * 16 + 16, // 3216
      pool2: 0,
      flatten: 0,
      dense1: 256 * 64 + 64, // 16448
      dropout: 0,
      output: 64 * 10 + 10, // 650
    });
    expect(analysis.totalParams).toBe(20522);
  });

  it('counts FLOPs as two per multiply-add', () => {
    expect(analysis.flops).toMatchObject({
      conv1: 2 * 5 * 5 * 1 * (24 * 24 * 8), // 230400
      conv2: 2 * 5 * 5 * 8 * (8 * 8 * 16), // 409600
      dense1: 2 * 256 * 64, // 32768
      output: 2 * 64 * 10, // 1280
      pool1: 0,
    });
    expect(analysis.totalFlops).toBe(674048);
  });

  it('counts activation memory per example: 4 bytes per output value', () => {
    expect(analysis.activationBytes.conv1).toBe(24 * 24 * 8 * 4);
    expect(analysis.activationBytes.output).toBe(10 * 4);
    expect(analysis.totalActivationBytes).toBe(
      4 * (784 + 4608 + 1152 + 1024 + 256 + 256 + 64 + 64 + 10),
    );
    expect(analysis.totalTrainableParams).toBe(analysis.totalParams);
  });
});
