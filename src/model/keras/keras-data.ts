/**
 * The dataset part of the Keras script: a folder with one sub-folder per class, read with
 * `keras.utils.image_dataset_from_directory`, fitted and normalised as the studio does.
 */
import { NORMALISATION_LABELS } from '../../shared/dataset';
import type { PreprocessingSpec } from '../../shared/preprocessing';
import type { PyKwargs } from './python-literal';
import { pyCall, pyList, pyNumber, pyString, pyTuple } from './python-literal';

/** What the script needs to read the dataset as the studio did. */
export interface DataSettings {
  preprocessing: PreprocessingSpec;
  /** In the studio's order: label i is `classNames[i]`. */
  classNames: readonly string[];
  datasetName: string;
  /** The fraction held out for validation and the seed that draws it. */
  split: { validation: number; seed: number };
}

const ASPECT = {
  crop: {
    comment: "centre-cropped to the input's aspect ratio, as in the studio",
    kwargs: [['crop_to_aspect_ratio', 'True']],
  },
  pad: {
    comment: "padded with black bars to the input's aspect ratio, as in the studio",
    kwargs: [['pad_to_aspect_ratio', 'True']],
  },
  stretch: { comment: 'stretched to the input size, as in the studio', kwargs: [] },
} as const satisfies Record<PreprocessingSpec['aspect'], { comment: string; kwargs: PyKwargs }>;

/** The module constants that describe the dataset, its split and its normalisation. */
export function dataConstants({
  preprocessing,
  classNames,
  datasetName,
  split,
}: DataSettings): string {
  const { inputShape, colour, normalisation, scale, offset, stats } = preprocessing;
  const before = 'CLASS_NAMES = ';
  const round = (values: readonly number[]) => values.map((value) => Number(value.toPrecision(6)));
  return [
    '# The dataset: DATA_DIR holds one sub-folder of images per class, named as in',
    "# CLASS_NAMES, whose order is the studio's (label i is CLASS_NAMES[i]).",
    `DATASET_NAME = ${pyString(datasetName)}`,
    'DATA_DIR = "data"',
    `${before}${pyList(classNames.map(pyString), { indent: 0, before })}`,
    `IMAGE_SIZE = ${pyTuple([pyNumber(inputShape[0]), pyNumber(inputShape[1])])}  # height, width`,
    `COLOR_MODE = ${pyString(colour)}${colour === 'grayscale' ? '  # Rec. 601 luma, as in the studio' : ''}`,
    `VALIDATION_SPLIT = ${pyNumber(split.validation)}`,
    `SPLIT_SEED = ${pyNumber(split.seed)}`,
    '',
    `# Normalisation as in the studio (${NORMALISATION_LABELS[normalisation]}):`,
    "# input = pixel (0-255) * SCALE + OFFSET, per channel. The statistics of the studio's",
    '# train split, in pixel units:',
    `# mean ${JSON.stringify(round(stats.mean))}, standard deviation ${JSON.stringify(round(stats.std))}.`,
    `SCALE = ${pyList(scale.map(pyNumber))}`,
    `OFFSET = ${pyList(offset.map(pyNumber))}`,
  ].join('\n');
}

/**
 * `normalise()` and `load_datasets()`; training batches go through `augment()` first when
 * `augmented`, as the studio augments before it normalises.
 */
export function dataFunctions({ preprocessing, split }: DataSettings, augmented: boolean): string {
  const validated = split.validation > 0;
  const aspect = ASPECT[preprocessing.aspect];
  const read = pyCall(
    'keras.utils.image_dataset_from_directory',
    ['data_dir'],
    [
      ['labels', '"inferred"'],
      ['label_mode', '"int"'],
      ['class_names', 'CLASS_NAMES'],
      ['color_mode', 'COLOR_MODE'],
      ['batch_size', 'batch_size'],
      ['image_size', 'IMAGE_SIZE'],
      ['shuffle', 'True'],
      ['seed', 'SPLIT_SEED'],
      ...(validated
        ? ([
            ['validation_split', 'VALIDATION_SPLIT'],
            ['subset', '"both"'],
          ] as const)
        : []),
      ['interpolation', '"bilinear"'],
      ...aspect.kwargs,
    ],
    { indent: 4 },
  );
  const trainImages = augmented ? 'normalise(augment(x))' : 'normalise(x)';
  const map = (split: string, images: string) =>
    `    ${split} = ${split}.map(lambda x, y: (${images}, y), num_parallel_calls=autotune)`;
  return [
    `def normalise(images):
    """The studio's normalisation of float pixels (0-255), per channel."""
    return images * tf.constant(SCALE, tf.float32) + tf.constant(OFFSET, tf.float32)`,
    [
      'def load_datasets(data_dir, batch_size):',
      '    """Training and validation batches, read and normalised as in the studio."""',
      ...(validated
        ? [
            "    # The studio's split is stratified by class and also holds out a test split; this one",
            '    # draws VALIDATION_SPLIT of the files with SPLIT_SEED, so the examples differ.',
          ]
        : []),
      `    # Images of another shape are ${aspect.comment}.`,
      `    ${validated ? 'train, validation' : 'train'} = ${read}`,
      '    autotune = tf.data.AUTOTUNE',
      map('train', trainImages),
      ...(validated
        ? [
            map('validation', 'normalise(x)'),
            '    return train.prefetch(autotune), validation.prefetch(autotune)',
          ]
        : ['    return train.prefetch(autotune), None']),
    ].join('\n'),
  ].join('\n\n\n');
}
