import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../shared/model-spec';
import type { OptimizerName } from '../../shared/train-settings';
import { DEFAULT_SETTINGS } from '../../shared/train-settings';
import { NO_AUGMENTATION } from '../../shared/augmentation';
import { layer, chain } from '../spec-builder';
import { MNIST_SHAPE, TEMPLATES, starterNetwork as starter } from '../templates';
import { topologicalSort } from '../topo-sort';
import { expectedLayer } from './expected-layer';
import { everyKindSpec, makeKerasInput, makePreprocessing } from './keras-fixtures';
import type { KerasScriptInput } from './keras-script';
import { kerasScript } from './keras-script';
import type { ParsedScript, PyCallValue, PyValue } from './read-script';
import { readScript } from './read-script';

/** The script's build_model() must declare the spec's layers, in order, wired by port. */
function expectSameNetwork(parsed: ParsedScript, spec: ModelSpec) {
  const { order } = topologicalSort(
    spec.nodes.map((node) => node.id),
    spec.edges,
  );
  const nodes = new Map(spec.nodes.map((node) => [node.id, node]));
  expect(parsed.layers.map((entry) => entry.kwargs.name)).toEqual(order);
  const names = new Map<string, PyValue>();
  for (const entry of parsed.layers) {
    const id = entry.kwargs.name as string;
    const node = nodes.get(id);
    if (!node) throw new Error(`the script declares an unknown layer ${id}`);
    expect({ call: entry.call, kwargs: entry.kwargs }, id).toEqual(expectedLayer(node));
    const wires = spec.edges
      .filter((edge) => edge.to === id)
      .sort((a, b) => (a.port ?? 0) - (b.port ?? 0));
    // Inputs must be variables already assigned, naming the layers wired in, in port order.
    expect(
      entry.inputs.map((variable) => names.get(variable)),
      id,
    ).toEqual(wires.map((edge) => edge.from));
    names.set(entry.var, id);
  }
}

function callsTo(parsed: ParsedScript, callee: string): PyCallValue[] {
  return parsed.calls.filter((entry) => entry.call === callee);
}

function onlyCall(parsed: ParsedScript, callee: string): PyCallValue {
  const [only, ...others] = callsTo(parsed, callee);
  expect(others, `calls to ${callee}`).toEqual([]);
  if (!only) throw new Error(`the script never calls ${callee}`);
  return only;
}

/** A keyword argument's value, looking a module constant up where the script names one. */
function resolved(parsed: ParsedScript, value: PyValue | undefined): PyValue | undefined {
  if (value !== null && typeof value === 'object' && 'name' in value) {
    return parsed.constants[value.name];
  }
  return value;
}

const generate = (input: KerasScriptInput) => readScript(kerasScript(input));

describe('kerasScript', () => {
  it.each(TEMPLATES.map((template) => [template.id, template.build(MNIST_SHAPE)] as const))(
    'rebuilds the %s template layer for layer',
    (_id, spec) => {
      expectSameNetwork(generate(makeKerasInput(spec)), spec);
    },
  );

  it('rebuilds every layer kind, activation, initialiser and penalty, wired by port', () => {
    const spec = everyKindSpec();
    const input = makeKerasInput(spec, {
      preprocessing: makePreprocessing({
        inputShape: [32, 32, 3],
        colour: 'rgb',
        scale: [1 / 255, 1 / 255, 1 / 255],
        offset: [0, 0, 0],
        stats: { mean: [120, 110, 100], std: [60, 61, 62] },
      }),
      classNames: ['a', 'b', 'c', 'd'],
    });
    const parsed = generate(input);
    expectSameNetwork(parsed, spec);
    const kinds = new Set(spec.nodes.map((node) => node.kind));
    expect(kinds.size).toBe(18);
  });

  it.each<[OptimizerName, number, string, Record<string, PyValue>]>([
    ['adam', 0.9, 'keras.optimizers.Adam', { beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7 }],
    ['sgd', 0.85, 'keras.optimizers.SGD', { momentum: 0.85, nesterov: false }],
    ['sgd', 0, 'keras.optimizers.SGD', { momentum: 0, nesterov: false }],
    [
      'rmsprop',
      0.9,
      'keras.optimizers.RMSprop',
      { rho: 0.9, momentum: 0, epsilon: 1e-7, centered: false },
    ],
  ])(
    'compiles with %s (momentum %s), the learning rate and the loss',
    (name, momentum, optimizer, constants) => {
      const settings = { ...DEFAULT_SETTINGS, optimizer: name, momentum, learningRate: 0.0125 };
      const parsed = generate(makeKerasInput(starter(), { settings }));
      const compile = onlyCall(parsed, 'model.compile');
      const used = compile.kwargs.optimizer as PyCallValue;
      expect(used.call).toBe(optimizer);
      const { learning_rate: rate, ...rest } = used.kwargs;
      expect(resolved(parsed, rate)).toBe(0.0125);
      expect(rest).toEqual(constants);
      expect(compile.kwargs.loss).toEqual({
        call: 'keras.losses.SparseCategoricalCrossentropy',
        args: [],
        kwargs: {},
      });
      expect(compile.kwargs.metrics).toEqual(['accuracy']);
    },
  );

  it.each([
    ['crop', { crop_to_aspect_ratio: true }],
    ['pad', { pad_to_aspect_ratio: true }],
    ['stretch', {}],
  ] as const)('reads the folder as the studio fits images (%s)', (aspect, fitting) => {
    const spec = starter({ shape: [24, 32, 3], classes: 3 });
    const preprocessing = makePreprocessing({
      inputShape: [24, 32, 3],
      colour: 'rgb',
      aspect,
      normalisation: 'standardise',
      scale: [1 / 60, 1 / 61, 1 / 62],
      offset: [-2, -1.8, -1.6],
      stats: { mean: [120, 110, 100], std: [60, 61, 62] },
    });
    const classNames = ['cat', 'dog', 'bird'];
    const parsed = generate(makeKerasInput(spec, { preprocessing, classNames }));
    const read = onlyCall(parsed, 'keras.utils.image_dataset_from_directory');
    const kwargs = Object.fromEntries(
      Object.entries(read.kwargs).map(([key, value]) => [key, resolved(parsed, value)]),
    );
    expect(kwargs).toEqual({
      labels: 'inferred',
      label_mode: 'int',
      class_names: classNames,
      color_mode: 'rgb',
      batch_size: undefined,
      image_size: [24, 32],
      shuffle: true,
      seed: 20261122,
      validation_split: 0.1,
      subset: 'both',
      interpolation: 'bilinear',
      ...fitting,
    });
    expect(read.kwargs.batch_size).toEqual({ name: 'batch_size' });
    expect(parsed.constants.SCALE).toEqual(preprocessing.scale);
    expect(parsed.constants.OFFSET).toEqual(preprocessing.offset);
    expect(parsed.constants.BATCH_PER_REPLICA).toBe(DEFAULT_SETTINGS.batchSize);
    expect(parsed.constants.EPOCHS).toBe(DEFAULT_SETTINGS.epochs);
    expect(parsed.constants.SEED).toBe(DEFAULT_SETTINGS.seed);
  });

  it('trains on the whole folder when the studio holds nothing out for validation', () => {
    const parsed = generate(makeKerasInput(starter(), { split: { validation: 0, seed: 7 } }));
    const read = onlyCall(parsed, 'keras.utils.image_dataset_from_directory');
    expect(read.kwargs).not.toHaveProperty('validation_split');
    expect(read.kwargs).not.toHaveProperty('subset');
    expect(parsed.constants.COLOR_MODE).toBe('grayscale');
  });

  it('draws EXAMPLES_PER_EPOCH examples per epoch when the studio does', () => {
    const settings = { ...DEFAULT_SETTINGS, examplesPerEpoch: 500 };
    const parsed = generate(makeKerasInput(starter(), { settings }));
    expect(parsed.constants.EXAMPLES_PER_EPOCH).toBe(500);
    expect(onlyCall(parsed, 'model.fit').kwargs.steps_per_epoch).toEqual({ name: 'steps' });
  });

  it('seeds, and trains under a distribution strategy', () => {
    const parsed = generate(makeKerasInput(starter()));
    onlyCall(parsed, 'tf.distribute.MirroredStrategy');
    onlyCall(parsed, 'strategy.scope');
    expect(onlyCall(parsed, 'keras.utils.set_random_seed').args).toEqual([{ name: 'SEED' }]);
  });

  it('leaves augmentation out when every strength is 0', () => {
    const settings = { ...DEFAULT_SETTINGS, augmentation: NO_AUGMENTATION };
    const parsed = generate(makeKerasInput(starter(), { settings }));
    const random = /^(keras\.layers\.Random|tf\.random\.|random_flip$|augment$|cut_out$)/;
    expect(parsed.calls.filter(({ call }) => random.test(call))).toEqual([]);
  });

  it("augments training batches with the studio's strengths", () => {
    const augmentation = {
      flipHorizontal: 0.5,
      flipVertical: 0.25,
      rotation: 18,
      zoom: 0.2,
      shift: 0.1,
      brightness: 0.3,
      contrast: 0.4,
      noise: 0.05,
      cutout: 0.25,
    };
    const settings = { ...DEFAULT_SETTINGS, augmentation };
    const parsed = generate(makeKerasInput(starter(), { settings }));
    // Each layer draws from its own seed; the rest must match the studio's settings.
    const kwargsOf = (callee: string) => {
      const { kwargs } = onlyCall(parsed, callee);
      expect(kwargs.seed, callee).toHaveProperty('expr');
      expect((kwargs.seed as { expr: string }).expr).toMatch(/^SEED \+ \d$/);
      return Object.fromEntries(Object.entries(kwargs).filter(([key]) => key !== 'seed'));
    };
    const fill = { fill_mode: 'constant', fill_value: 0, interpolation: 'bilinear' };
    expect(kwargsOf('keras.layers.RandomRotation')).toEqual({ factor: 18 / 360, ...fill });
    const { height_factor: zoom, ...zoomRest } = kwargsOf('keras.layers.RandomZoom');
    expect(zoomRest).toEqual(fill);
    // Keras shows a (1 + f) times larger area, so the content scales by 1 / (1 + f).
    const [lower, upper] = zoom as [number, number];
    expect(1 / (1 + upper)).toBeCloseTo(1 - 0.2, 12);
    expect(1 / (1 + lower)).toBeCloseTo(1 + 0.2, 12);
    expect(kwargsOf('keras.layers.RandomTranslation')).toEqual({
      height_factor: 0.1,
      width_factor: 0.1,
      ...fill,
    });
    expect(kwargsOf('keras.layers.RandomContrast')).toEqual({ factor: 0.4 });
    expect(kwargsOf('keras.layers.RandomBrightness')).toEqual({
      factor: 0.3,
      value_range: [0, 255],
    });
    expect(callsTo(parsed, 'random_flip').map((entry) => entry.kwargs)).toEqual([
      { axis: 2, probability: 0.5 },
      { axis: 1, probability: 0.25 },
    ]);
    const noise = onlyCall(parsed, 'tf.random.normal').kwargs.stddev as number;
    expect(noise).toBeCloseTo(0.05 * 255, 12);
    // A quarter of 28 pixels, rounded as the studio rounds it.
    expect(onlyCall(parsed, 'cut_out').kwargs.side).toBe(7);
    expect(callsTo(parsed, 'augment')).toHaveLength(1);
  });

  it('keeps hostile class, dataset and layer names as inert text', () => {
    const hostile = [
      '"); import os; os.system("x',
      "it's",
      'back\\slash \\n',
      'new\nline',
      'carriage\rreturn',
      '"""triple',
      "'''single",
      '<script>alert(1)</script>',
      'café ☕ 日本 😀',
      'line\u2028separator',
      'bidi\u202eoverride',
      'nul\u0000del\u007f',
      'lone\ud800surrogate',
      '{format} %s',
    ];
    const datasetName = 'My "data"\n# comment\\';
    const spec = chain([
      layer('input', 'in"put', { shape: [28, 28, 1] }),
      layer('flatten', 'flat\nten'),
      layer('dense', "out'); rm -rf /", { units: hostile.length, activation: 'softmax' }),
    ]);
    const parsed = generate(makeKerasInput(spec, { classNames: hostile, datasetName }));
    expect(parsed.constants.CLASS_NAMES).toEqual(hostile);
    expect(parsed.constants.DATASET_NAME).toBe(datasetName);
    expectSameNetwork(parsed, spec);
  });

  it('refuses a network the studio would not build', () => {
    const input = makeKerasInput(starter(), { classNames: ['a', 'b'] });
    expect(() => kerasScript(input)).toThrow(/cannot be exported.*2 classes/);
  });
});
