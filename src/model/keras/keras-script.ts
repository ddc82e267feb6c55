/**
 * The Keras export: one self-contained Python script (TensorFlow 2.16+, Keras 3) that
 * rebuilds the studio's network, reads a folder of images as the studio does, and trains
 * with the studio's settings under a `tf.distribute` strategy.
 */
import type { LayerNode, ModelSpec } from '../../shared/model-spec';
import type { TrainSettings } from '../../shared/train-settings';
import { analyse } from '../analyse';
import { augmentationSource } from './keras-augmentation';
import type { DataSettings } from './keras-data';
import { dataConstants, dataFunctions } from './keras-data';
import { PRETRAINED_REFUSAL } from './keras-layers';
import { buildModelSource } from './keras-model';
import { mainFunction, trainingConstants } from './keras-training';

export type { DataSettings } from './keras-data';

/** Everything the script is generated from. */
export interface KerasScriptInput extends DataSettings {
  spec: ModelSpec;
  settings: TrainSettings;
}

/**
 * The Python script for a network, its dataset's preprocessing and its training settings.
 * Every Keras layer is named after its node id, as the worker names the tfjs layers, so
 * weights trained in the studio load into it by name.
 *
 * @throws Error when the network has problems with the dataset's images and classes (the
 *   studio would not build it either).
 */
export function kerasScript(input: KerasScriptInput): string {
  const { spec, settings, preprocessing, classNames } = input;
  const { order, problems } = analyse(spec, {
    shape: preprocessing.inputShape,
    classes: classNames.length,
  });
  if (problems.length > 0) {
    throw new Error(`The network cannot be exported: ${problems.map((p) => p.message).join(' ')}`);
  }
  if (spec.nodes.some((node) => node.kind === 'pretrainedBase')) {
    throw new Error(PRETRAINED_REFUSAL);
  }
  const [height, width] = preprocessing.inputShape;
  const augment = augmentationSource(settings.augmentation, [height, width]);
  const imports = [
    'import argparse',
    ...(settings.examplesPerEpoch === null ? [] : ['import math']),
    '',
    'import keras',
    'import tensorflow as tf',
  ].join('\n');
  return [
    [HEADER, weightsNote(spec), '"""'].filter(Boolean).join('\n'),
    imports,
    [dataConstants(input), trainingConstants(settings)].join('\n\n'),
    buildModelSource(spec, order),
    ...(augment === null ? [] : [augment]),
    dataFunctions(input, augment !== null),
    mainFunction(settings),
    'if __name__ == "__main__":\n    main()',
  ]
    .join('\n\n\n')
    .concat('\n');
}

const HEADER = `"""Train the network exported from Layerwise, with Keras.

The same layers, preprocessing, augmentation and training settings as in the studio,
for TensorFlow 2.16 or later (Keras 3):

    pip install "tensorflow>=2.16" "keras>=3.3"
    python this_script.py --data path/to/images

The images folder holds one sub-folder per class, named as in CLASS_NAMES below.

To continue from the weights trained in the studio, download the model (model.json and
weights.bin), convert it to a Keras .h5 file and pass it with --weights:

    pip install tensorflowjs
    tensorflowjs_converter --input_format=tfjs_layers_model --output_format=keras model.json model.h5
    python this_script.py --data path/to/images --weights model.h5

Every layer here is named after its layer in the studio, so the weights load by name
(model.load_weights("model.h5", by_name=True)).`;

/** Layers the studio implements itself, which the tfjs converter does not know. */
function weightsNote(spec: ModelSpec): string {
  const own = (node: LayerNode) =>
    (node.kind === 'activation' && node.config.activation === 'elu' && node.config.alpha !== 1) ||
    (node.kind === 'depthwiseConv2d' && node.config.dilation > 1);
  if (!spec.nodes.some(own)) return '';
  return `
This network has ELU layers with alpha other than 1 or dilated DepthwiseConv2D layers,
which the studio implements with layers of its own that tensorflowjs_converter cannot
read: the studio's weights cannot be converted this way, but the network trains here.`;
}
