import { describe, expect, it } from 'vitest';
import { LAYER_SPACING, chain, layer } from './spec-builder';

describe('layer', () => {
  it('fills the config from the kind defaults and names the layer after its id', () => {
    const node = layer('conv2d', 'c', { filters: 4 });
    expect(node).toMatchObject({ id: 'c', name: 'c', kind: 'conv2d' });
    expect(node.config).toEqual({
      filters: 4,
      kernelSize: 3,
      strides: 1,
      padding: 'valid',
      dilation: 1,
      activation: 'relu',
      useBias: true,
      kernelInitializer: 'glorotUniform',
      kernelRegularizer: { l1: 0, l2: 0 },
    });
  });

  it('never shares a default config between layers', () => {
    const a = layer('input', 'a');
    a.config.shape[0] = 99;
    expect(layer('input', 'b').config.shape).toEqual([28, 28, 1]);
  });
});

describe('chain', () => {
  it('wires each layer to the next and stacks them top to bottom', () => {
    const spec = chain([layer('input', 'in'), layer('flatten', 'f'), layer('dense', 'd')]);
    expect(spec.edges).toEqual([
      { from: 'in', to: 'f' },
      { from: 'f', to: 'd' },
    ]);
    expect(spec.nodes.map((node) => node.position)).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: LAYER_SPACING },
      { x: 0, y: 2 * LAYER_SPACING },
    ]);
  });

  it('keeps positions that are already set', () => {
    const placed = { ...layer('input', 'in'), position: { x: 5, y: 7 } };
    expect(chain([placed]).nodes[0]?.position).toEqual({ x: 5, y: 7 });
  });
});
