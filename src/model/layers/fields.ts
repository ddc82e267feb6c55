import type { KernelOptions } from '../../shared/model-spec';
import type { FieldSpec } from './types';

// Inspector fields shared by several layer kinds, so the same setting reads the same everywhere.

const option = (value: string, label = value) => ({ value, label });

/** The activations a layer with weights can apply after its sum. */
export const ACTIVATION_OPTIONS = [
  option('linear', 'none (linear)'),
  option('relu', 'ReLU'),
  option('relu6', 'ReLU6'),
  option('elu', 'ELU'),
  option('selu', 'SELU'),
  option('sigmoid'),
  option('tanh'),
  option('softmax'),
  option('softplus'),
  option('swish'),
  option('gelu', 'GELU'),
] as const;

export const activationField: FieldSpec = {
  key: 'activation',
  label: 'Activation',
  type: 'select',
  options: ACTIVATION_OPTIONS,
  help: 'The function applied to each output; ReLU is a good default, softmax for the last layer.',
};

export const useBiasField: FieldSpec = {
  key: 'useBias',
  label: 'Use bias',
  type: 'boolean',
  help: 'Adds a learned offset to each output; turn off when BatchNormalization follows.',
};

export const paddingField: FieldSpec = {
  key: 'padding',
  label: 'Padding',
  type: 'select',
  options: [option('valid', 'valid (shrinks)'), option('same', 'same (keeps size)')],
  help: "'same' pads the borders with zeros so the output keeps the input's size (at stride 1).",
};

export const stridesField: FieldSpec = {
  key: 'strides',
  label: 'Strides',
  type: 'int',
  min: 1,
  max: 8,
  help: 'How far the window moves each step; 2 halves the height and width.',
};

/** Kernel size, strides, padding and dilation, for the convolutions. */
export const windowFields: readonly FieldSpec[] = [
  {
    key: 'kernelSize',
    label: 'Kernel size',
    type: 'int',
    min: 1,
    max: 15,
    help: 'Height and width of each filter, in pixels.',
  },
  stridesField,
  paddingField,
  {
    key: 'dilation',
    label: 'Dilation',
    type: 'int',
    min: 1,
    max: 8,
    help: 'Spreads the kernel taps apart to see a wider area with the same weights; needs strides 1.',
  },
];

/** Pool size, strides and padding, for the pooling layers. */
export const poolFields: readonly FieldSpec[] = [
  {
    key: 'poolSize',
    label: 'Pool size',
    type: 'int',
    min: 1,
    max: 8,
    help: 'Height and width of each pooling window.',
  },
  stridesField,
  paddingField,
];

/** Initialiser and regulariser, for the layers that own a kernel. */
export const kernelFields: readonly FieldSpec[] = [
  {
    key: 'kernelInitializer',
    label: 'Initialiser',
    type: 'select',
    options: [
      option('glorotUniform', 'Glorot uniform'),
      option('glorotNormal', 'Glorot normal'),
      option('heUniform', 'He uniform'),
      option('heNormal', 'He normal'),
      option('lecunNormal', 'LeCun normal'),
      option('zeros'),
    ],
    help: 'How the weights start; He suits ReLU, Glorot suits tanh and sigmoid.',
  },
  {
    key: 'kernelRegularizer',
    label: 'Regulariser',
    type: 'regularizer',
    help: 'L1/L2 penalties on large weights, added to the loss to fight overfitting; 0 turns them off.',
  },
];

export const rateField: FieldSpec = {
  key: 'rate',
  label: 'Rate',
  type: 'number',
  min: 0,
  max: 0.95,
  step: 0.05,
  help: 'The fraction dropped while training; nothing is dropped when predicting.',
};

/** Keras' defaults for layers that own a kernel: Glorot uniform and no penalty. */
export const KERNEL_DEFAULTS = {
  kernelInitializer: 'glorotUniform',
  kernelRegularizer: { l1: 0, l2: 0 },
} as const satisfies KernelOptions;
