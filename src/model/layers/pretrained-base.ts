import type { LayerConfigs } from '../../shared/model-spec';
import { MOBILENET_URL, cutBase } from '../pretrained';
import type { LayerDefinition } from './types';
import { formatShape, soleInput } from './shape-utils';

const defaults: LayerConfigs['pretrainedBase'] = {
  source: { kind: 'url', url: MOBILENET_URL },
  cutLayer: '',
  trainableLayers: 0,
  base: null,
};

/** A pretrained network's layers up to a chosen one, reused as a feature extractor. */
export const pretrainedBase: LayerDefinition<'pretrainedBase'> = {
  kind: 'pretrainedBase',
  label: 'Pretrained base',
  description:
    'Reuses the layers of a network trained elsewhere, up to a layer you choose, so a small head learns from its features; frozen layers keep their weights.',
  category: 'Pretrained',
  defaults,
  // The source and the cut layer have their own form in the Inspector (they need a load).
  fields: [
    {
      key: 'trainableLayers',
      label: 'Trainable last layers',
      type: 'int',
      min: 0,
      max: 1000,
      help: 'How many of the last layers with weights training may change; 0 freezes the whole base.',
    },
  ],
  inputs: { min: 1, max: 1 },
  inferShape(inputShapes, config) {
    const { base } = config;
    if (!base) return { problem: 'Load the base first: press Load in the Inspector.' };
    const cut = cutBase(base, config.cutLayer, config.trainableLayers);
    if (typeof cut === 'string') return { problem: cut };
    const input = soleInput(inputShapes);
    const want = [null, ...base.inputShape];
    if (formatShape(input) !== formatShape(want)) {
      const [height, width, channels] = base.inputShape;
      const colour = channels === 3 ? 'colour' : `${channels}-channel`;
      return {
        problem: `The base expects ${formatShape(want)} images but gets ${formatShape(input)}: resize the dataset to ${height}×${width} ${colour} images (Data panel) and set the Input to match.`,
      };
    }
    return cut.outputShape;
  },
  params(_inputShapes, config) {
    const cut = config.base && cutBase(config.base, config.cutLayer, config.trainableLayers);
    return cut && typeof cut !== 'string' ? cut.params : 0;
  },
  frozenParams(_inputShapes, config) {
    const cut = config.base && cutBase(config.base, config.cutLayer, config.trainableLayers);
    return cut && typeof cut !== 'string' ? cut.params - cut.trainableParams : 0;
  },
  // A loaded base reports no FLOP counts; its cost is not estimated.
  flops: () => 0,
};
