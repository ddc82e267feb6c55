import type { ModelSpec, NodeId } from '../shared/model-spec';
import { chain, layer } from './spec-builder';
import { TemplateDraft } from './template-draft';
import type { DatasetShape } from './types';

/** The dataset the studio opens with: 28×28 grey MNIST digits, 10 classes. */
export const MNIST_SHAPE: DatasetShape = { shape: [28, 28, 1], classes: 10 };

/** A ready-made network, built for the current dataset's images and classes. */
export interface Template {
  id: string;
  label: string;
  /** One sentence on what the network shows. */
  description: string;
  build(dataset: DatasetShape): ModelSpec;
}

/**
 * The network the studio opens with: a small LeNet-style CNN, quick enough to train live in
 * front of a class. Its Input and last Dense fit `dataset` (MNIST by default).
 */
export function starterNetwork(dataset: DatasetShape = MNIST_SHAPE): ModelSpec {
  const conv = { kernelSize: 5, strides: 1, padding: 'valid', activation: 'relu' } as const;
  return chain([
    layer('input', 'input', { shape: [...dataset.shape] }),
    layer('conv2d', 'conv1', { ...conv, filters: 8 }),
    layer('maxPool2d', 'pool1', { poolSize: 2, strides: 2 }),
    layer('conv2d', 'conv2', { ...conv, filters: 16 }),
    layer('maxPool2d', 'pool2', { poolSize: 2, strides: 2 }),
    layer('flatten', 'flatten'),
    layer('dense', 'dense1', { units: 64, activation: 'relu' }),
    layer('dropout', 'dropout', { rate: 0.25 }),
    layer('dense', 'output', { units: dataset.classes, activation: 'softmax' }),
  ]);
}

/** LeNet-5 (LeCun et al., 1998) with ReLU in place of its scaled tanh. */
function lenet5(dataset: DatasetShape): ModelSpec {
  const draft = new TemplateDraft();
  draft.add('input', 'input', { shape: [...dataset.shape] });
  // 'same' on the first convolution stands in for the original's 32×32 padded digits.
  draft.add('conv2d', 'c1', { filters: 6, kernelSize: 5, padding: 'same' });
  draft.add('avgPool2d', 's2', { poolSize: 2, strides: 2 });
  draft.add('conv2d', 'c3', { filters: 16, kernelSize: 5 });
  draft.add('avgPool2d', 's4', { poolSize: 2, strides: 2 });
  draft.add('flatten', 'flatten');
  draft.add('dense', 'f5', { units: 120 });
  draft.add('dense', 'f6', { units: 84 });
  draft.add('dense', 'output', { units: dataset.classes, activation: 'softmax' });
  return draft.spec();
}

/** Two VGG blocks: pairs of 3×3 convolutions, each pair followed by pooling. */
function smallVgg(dataset: DatasetShape): ModelSpec {
  const draft = new TemplateDraft();
  draft.add('input', 'input', { shape: [...dataset.shape] });
  const conv = { kernelSize: 3, padding: 'same', kernelInitializer: 'heNormal' } as const;
  for (const [block, filters] of [
    [1, 16],
    [2, 32],
  ] as const) {
    draft.add('conv2d', `block${block}_conv1`, { ...conv, filters });
    draft.add('conv2d', `block${block}_conv2`, { ...conv, filters });
    draft.add('maxPool2d', `block${block}_pool`);
  }
  draft.add('flatten', 'flatten');
  draft.add('dense', 'fc', { units: 64, kernelInitializer: 'heNormal' });
  draft.add('dropout', 'dropout', { rate: 0.5 });
  draft.add('dense', 'output', { units: dataset.classes, activation: 'softmax' });
  return draft.spec();
}

/** Conv → BatchNorm, the unit every ResNet and MobileNet block is made of. */
function convBn(
  draft: TemplateDraft,
  id: string,
  config: { filters: number; kernelSize: number; strides: number },
): NodeId {
  draft.add('conv2d', id, {
    ...config,
    padding: 'same',
    activation: 'linear',
    useBias: false,
    kernelInitializer: 'heNormal',
  });
  return draft.add('batchNorm', `${id}_bn`);
}

/**
 * One residual block: two 3×3 Conv→BN with a skip connection added back before the last
 * ReLU; where the block changes size or channels, the skip path is a 1×1 convolution.
 */
function residualBlock(
  draft: TemplateDraft,
  name: string,
  input: NodeId,
  inChannels: number,
  filters: number,
  strides: number,
): NodeId {
  const projects = strides !== 1 || inChannels !== filters;
  const conv = { padding: 'same', activation: 'linear', useBias: false } as const;
  const init = { kernelInitializer: 'heNormal' } as const;
  draft.add('conv2d', `${name}_conv1`, { ...conv, ...init, filters, kernelSize: 3, strides });
  // The projection sits beside the main path, on the same rows as the first Conv→BN.
  let shortcut = projects
    ? draft.side('conv2d', `${name}_proj`, { ...conv, ...init, filters, kernelSize: 1, strides }, [
        input,
      ])
    : input;
  draft.add('batchNorm', `${name}_conv1_bn`);
  if (projects) shortcut = draft.side('batchNorm', `${name}_proj_bn`, {}, [shortcut]);
  draft.add('activation', `${name}_relu1`, { activation: 'relu' });
  const main = convBn(draft, `${name}_conv2`, { filters, kernelSize: 3, strides: 1 });
  draft.add('add', `${name}_add`, {}, [main, shortcut]);
  return draft.add('activation', `${name}_relu2`, { activation: 'relu' });
}

/** A small ResNet: a stem and three residual blocks, then global average pooling. */
function smallResnet(dataset: DatasetShape): ModelSpec {
  const draft = new TemplateDraft();
  draft.add('input', 'input', { shape: [...dataset.shape] });
  convBn(draft, 'stem', { filters: 16, kernelSize: 3, strides: 1 });
  let x = draft.add('activation', 'stem_relu', { activation: 'relu' });
  x = residualBlock(draft, 'block1', x, 16, 16, 1);
  x = residualBlock(draft, 'block2', x, 16, 32, 2);
  x = residualBlock(draft, 'block3', x, 32, 64, 2);
  draft.add('globalAvgPool2d', 'gap', {}, [x]);
  draft.add('dense', 'output', { units: dataset.classes, activation: 'softmax' });
  return draft.spec();
}

/** MobileNet's block: a 3×3 depthwise filter per channel, then a 1×1 convolution mixing them. */
function separableBlock(draft: TemplateDraft, name: string, filters: number, strides: number) {
  draft.add('depthwiseConv2d', `${name}_dw`, {
    kernelSize: 3,
    strides,
    padding: 'same',
    activation: 'linear',
    useBias: false,
    kernelInitializer: 'heNormal',
  });
  draft.add('batchNorm', `${name}_dw_bn`);
  draft.add('activation', `${name}_dw_relu`, { activation: 'relu6' });
  convBn(draft, `${name}_pw`, { filters, kernelSize: 1, strides: 1 });
  draft.add('activation', `${name}_pw_relu`, { activation: 'relu6' });
}

/** A small MobileNet (v1): depthwise-separable blocks instead of full convolutions. */
function mobilenet(dataset: DatasetShape): ModelSpec {
  const draft = new TemplateDraft();
  draft.add('input', 'input', { shape: [...dataset.shape] });
  convBn(draft, 'stem', { filters: 16, kernelSize: 3, strides: 1 });
  draft.add('activation', 'stem_relu', { activation: 'relu6' });
  separableBlock(draft, 'block1', 32, 1);
  separableBlock(draft, 'block2', 64, 2);
  separableBlock(draft, 'block3', 64, 1);
  separableBlock(draft, 'block4', 128, 2);
  draft.add('globalAvgPool2d', 'gap');
  draft.add('dropout', 'dropout', { rate: 0.2 });
  draft.add('dense', 'output', { units: dataset.classes, activation: 'softmax' });
  return draft.spec();
}

/** The templates the builder offers, each adapting its Input and output to the dataset. */
export const TEMPLATES: readonly Template[] = [
  {
    id: 'starter',
    label: 'Starter (LeNet-style)',
    description: 'Two convolutions with max pooling and a small Dense head: trains in seconds.',
    build: starterNetwork,
  },
  {
    id: 'lenet5',
    label: 'LeNet-5',
    description:
      'The 1998 digit reader that started CNNs: convolutions with average pooling, then three Dense layers.',
    build: lenet5,
  },
  {
    id: 'smallVgg',
    label: 'Small VGG',
    description: 'Stacks of 3×3 convolutions doubling their filters after each pooling, as in VGG.',
    build: smallVgg,
  },
  {
    id: 'smallResnet',
    label: 'Small ResNet',
    description:
      'Residual blocks whose skip connections add the input back, which lets deep networks train.',
    build: smallResnet,
  },
  {
    id: 'mobilenet',
    label: 'MobileNet-style',
    description:
      'Depthwise-separable blocks that filter each channel alone and then mix them: few weights, fast.',
    build: mobilenet,
  },
];
