import { describe, expect, it } from 'vitest';
import { specFromModelJson } from './spec-from-model-json';

const conv = (name: string, extra: object = {}) => ({
  class_name: 'Conv2D',
  config: {
    name,
    filters: 8,
    kernel_size: [3, 3],
    strides: [1, 1],
    padding: 'same',
    activation: 'relu',
    use_bias: true,
    kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
    ...extra,
  },
});

describe('reading a model.json into the builder', () => {
  it('reads a Sequential model whose first layer declares the input (Keras 2 spelling)', () => {
    const spec = specFromModelJson({
      modelTopology: {
        keras_version: '2.15.0',
        model_config: {
          class_name: 'Sequential',
          config: {
            name: 'seq',
            layers: [
              conv('c1', { batch_input_shape: [null, 28, 28, 1] }),
              { class_name: 'MaxPooling2D', config: { name: 'p1', pool_size: [2, 2] } },
              { class_name: 'Flatten', config: { name: 'f' } },
              { class_name: 'Dense', config: { name: 'out', units: 10, activation: 'softmax' } },
            ],
          },
        },
      },
    });
    expect(spec.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['c1_input', 'input'],
      ['c1', 'conv2d'],
      ['p1', 'maxPool2d'],
      ['f', 'flatten'],
      ['out', 'dense'],
    ]);
    expect(spec.nodes[0]!.config).toEqual({ shape: [28, 28, 1] });
    expect(spec.nodes[2]!.config).toEqual({ poolSize: 2, strides: 2, padding: 'valid' });
    expect(spec.edges).toEqual([
      { from: 'c1_input', to: 'c1' },
      { from: 'c1', to: 'p1' },
      { from: 'p1', to: 'f' },
      { from: 'f', to: 'out' },
    ]);
  });

  it('reads a functional model in the Keras 3 spelling, joins in argument order', () => {
    const tensor = (name: string) => ({
      class_name: '__keras_tensor__',
      config: { keras_history: [name, 0, 0] },
    });
    const spec = specFromModelJson({
      class_name: 'Functional',
      config: {
        layers: [
          {
            class_name: 'InputLayer',
            name: 'in',
            config: { batch_shape: [null, 8, 8, 3] },
            inbound_nodes: [],
          },
          { ...conv('a'), name: 'a', inbound_nodes: [{ args: [tensor('in')], kwargs: {} }] },
          { ...conv('b'), name: 'b', inbound_nodes: [{ args: [tensor('in')], kwargs: {} }] },
          {
            class_name: 'Add',
            name: 'sum',
            config: { name: 'sum' },
            inbound_nodes: [{ args: [[tensor('b'), tensor('a')]], kwargs: {} }],
          },
          {
            class_name: 'LeakyReLU',
            name: 'act',
            config: { name: 'act', negative_slope: 0.1 },
            inbound_nodes: [{ args: [tensor('sum')], kwargs: {} }],
          },
        ],
      },
    });
    expect(spec.edges).toEqual([
      { from: 'in', to: 'a' },
      { from: 'in', to: 'b' },
      { from: 'b', to: 'sum', port: 0 },
      { from: 'a', to: 'sum', port: 1 },
      { from: 'sum', to: 'act' },
    ]);
    expect(spec.nodes.at(-1)!.config).toEqual({ activation: 'leakyRelu', alpha: 0.1 });
  });

  const sequential = (...layers: object[]) => ({
    modelTopology: { class_name: 'Sequential', config: { layers } },
  });

  it.each([
    [
      'a layer the builder does not have',
      sequential(conv('c', { batch_input_shape: [null, 8, 8, 1] }), {
        class_name: 'LSTM',
        config: { name: 'memory' },
      }),
      "Layer 'memory' is a LSTM, which the builder does not have",
    ],
    [
      'a kernel that is not square',
      sequential(conv('wide', { batch_input_shape: [null, 8, 8, 1], kernel_size: [3, 5] })),
      "Layer 'wide' has kernel_size [3,5]",
    ],
    [
      'an input without a fixed image shape',
      sequential(conv('c', { batch_input_shape: [null, null, null, 3] })),
      "The input 'c' has shape [null,null,3]",
    ],
    [
      'an unsupported activation',
      sequential(conv('c', { batch_input_shape: [null, 8, 8, 1], activation: 'mish' })),
      "Layer 'c' uses the activation 'mish'",
    ],
    ['a graph model', { format: 'graph-model', modelTopology: { node: [] } }, 'Graph models'],
    ['something that is not a model', [1, 2, 3], 'does not hold a JSON object'],
    ['a model with no layers', sequential(), 'lists no layers'],
  ])('refuses %s, saying why', (_, json, message) => {
    expect(() => specFromModelJson(json)).toThrow(message);
  });

  it('refuses a layer used twice (shared weights)', () => {
    const json = {
      class_name: 'Model',
      config: {
        layers: [
          {
            class_name: 'InputLayer',
            name: 'in',
            config: { batch_input_shape: [null, 4, 4, 1] },
            inbound_nodes: [],
          },
          { ...conv('c'), name: 'c', inbound_nodes: [[['in', 0, 0, {}]], [['in', 0, 0, {}]]] },
        ],
      },
    };
    expect(() => specFromModelJson(json)).toThrow("Layer 'c' is used more than once");
  });
});
