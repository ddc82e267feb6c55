/**
 * The studio's training augmentation (`src/worker/augment.ts`) as a Python `augment()` for
 * the input pipeline: Keras preprocessing layers where one does the same thing, small
 * TensorFlow functions where none does, each difference said in a comment of the script.
 */
import type { Augmentation } from '../../shared/augmentation';
import { isIdentity } from '../../shared/augmentation';
import { cutoutSide } from '../../data/augment-params';
import type { PyKwargs } from './python-literal';
import { pyCall, pyNumber, pyString, pyTuple } from './python-literal';

/** One line of `augment()` and the comment lines above it. */
interface Step {
  comment: string[];
  line: string;
}

/**
 * Source of `augment(images)` and what it uses, or null when every strength is 0. Images
 * are float pixels (0–255) before normalisation, as the studio augments its [0, 1] batch
 * before normalising; fills and greys are scaled to match.
 *
 * @param size height and width of the images, which fix the cutout square's side.
 */
export function augmentationSource(
  augmentation: Augmentation,
  size: readonly [number, number],
): string | null {
  if (isIdentity(augmentation)) return null;
  const flips = flipSteps(augmentation);
  const layers = layerSteps(augmentation);
  const steps: Step[] = [...flips];
  if (layers.length > 0) {
    steps.push({
      comment: [
        '# The studio folds rotation, zoom and shift into one bilinear resampling; Keras',
        '# resamples once per layer, which softens the image a little more.',
      ],
      line: 'for layer in AUGMENTATION_LAYERS:\n        images = layer(images, training=True)',
    });
  }
  steps.push(...pixelSteps(augmentation, size));
  const parts: string[] = [];
  if (layers.length > 0) {
    const items = layers.flatMap(({ comment, line }) => [
      ...comment.map((text) => `    ${text}`),
      `    ${line},`,
    ]);
    parts.push(['AUGMENTATION_LAYERS = [', ...items, ']'].join('\n'));
  }
  if (flips.length > 0) parts.push(RANDOM_FLIP);
  if (augmentation.cutout > 0) parts.push(CUT_OUT);
  const body = steps.flatMap(({ comment, line }) => [
    ...comment.map((text) => `    ${text}`),
    `    ${line}`,
  ]);
  parts.push(
    [
      'def augment(images):',
      '    """A randomly changed copy of a batch of training images, in the studio\'s order."""',
      ...body,
      '    return images',
    ].join('\n'),
  );
  return parts.join('\n\n\n');
}

function flipSteps({ flipHorizontal, flipVertical }: Augmentation): Step[] {
  const comment = [
    '# keras.layers.RandomFlip flips every other image on average; the studio',
    '# flips with the probability set.',
  ];
  const steps: Step[] = [];
  if (flipHorizontal > 0) {
    steps.push({
      comment,
      line: `images = random_flip(images, axis=2, probability=${pyNumber(flipHorizontal)})`,
    });
  }
  if (flipVertical > 0) {
    steps.push({
      comment: steps.length > 0 ? [] : comment,
      line: `images = random_flip(images, axis=1, probability=${pyNumber(flipVertical)})`,
    });
  }
  return steps;
}

/** The Keras preprocessing layers, in the studio's order: rotate, zoom, shift, contrast, brightness. */
function layerSteps({ rotation, zoom, shift, contrast, brightness }: Augmentation): Step[] {
  const steps: Step[] = [];
  // The studio fills pixels from outside the image with black.
  const fill: PyKwargs = [
    ['fill_mode', pyString('constant')],
    ['fill_value', '0.0'],
    ['interpolation', pyString('bilinear')],
  ];
  const add = (comment: string[], name: string, kwargs: PyKwargs) => {
    const seed: [string, string] = ['seed', `SEED + ${steps.length + 1}`];
    steps.push({
      comment,
      line: pyCall(`keras.layers.${name}`, [], [...kwargs, seed], { indent: 4, after: ',' }),
    });
  };
  if (rotation > 0) {
    add(
      [`# Up to ${pyNumber(rotation)} degrees either way, as a fraction of a full turn.`],
      'RandomRotation',
      [['factor', pyNumber(rotation / 360)], ...fill],
    );
  }
  if (zoom > 0) {
    add(
      [
        `# The studio scales the content by 1 - ${pyNumber(zoom)} to 1 + ${pyNumber(zoom)}; Keras' factor f shows`,
        '# (1 + f) times the height and width, so this range gives the same scales.',
      ],
      'RandomZoom',
      [
        ['height_factor', pyTuple([pyNumber(-zoom / (1 + zoom)), pyNumber(zoom / (1 - zoom))])],
        ...fill,
      ],
    );
  }
  if (shift > 0) {
    add(
      [`# Up to ${pyNumber(shift)} of the height and of the width in each direction.`],
      'RandomTranslation',
      [['height_factor', pyNumber(shift)], ['width_factor', pyNumber(shift)], ...fill],
    );
  }
  if (contrast > 0) {
    add(
      [
        "# Keras scales each channel around that channel's mean; the studio scales around the",
        '# mean of all channels (the same for grayscale). Keras clips to 0-255 here too.',
      ],
      'RandomContrast',
      [['factor', pyNumber(contrast)]],
    );
  }
  if (brightness > 0) {
    add(
      ['# Adds one random amount per image, up to this fraction of full scale.'],
      'RandomBrightness',
      [
        ['factor', pyNumber(brightness)],
        ['value_range', '(0, 255)'],
      ],
    );
  }
  return steps;
}

/** Noise, the studio's clip to the pixel range, then the cutout square. */
function pixelSteps(
  { noise, cutout }: Augmentation,
  [height, width]: readonly [number, number],
): Step[] {
  const steps: Step[] = [];
  if (noise > 0) {
    steps.push({
      comment: [
        '# What keras.layers.GaussianNoise does inside a model, written out for the input',
        `# pipeline: standard deviation ${pyNumber(noise)} of full scale.`,
      ],
      line: `images = images + tf.random.normal(tf.shape(images), stddev=${pyNumber(noise * 255)})`,
    });
  }
  steps.push({ comment: [], line: 'images = tf.clip_by_value(images, 0.0, 255.0)' });
  if (cutout > 0) {
    steps.push({
      comment: [
        `# A grey square, ${pyNumber(cutout)} of the shorter side, wholly inside each image.`,
      ],
      line: `images = cut_out(images, side=${pyNumber(cutoutSide(cutout, height, width))})`,
    });
  }
  return steps;
}

const RANDOM_FLIP = `def random_flip(images, axis, probability):
    """Mirrors each image along \`axis\` (2: left-right, 1: top-bottom) with \`probability\`."""
    flip = tf.random.uniform([tf.shape(images)[0], 1, 1, 1]) < probability
    return tf.where(flip, tf.reverse(images, axis=[axis]), images)`;

const CUT_OUT = `def cut_out(images, side):
    """Greys out one side x side square per image, placed at random wholly inside it."""
    shape = tf.shape(images)
    height, width = shape[1], shape[2]
    top = tf.random.uniform([shape[0], 1, 1, 1], 0, height - side + 1, dtype=tf.int32)
    left = tf.random.uniform([shape[0], 1, 1, 1], 0, width - side + 1, dtype=tf.int32)
    rows = tf.reshape(tf.range(height), [1, -1, 1, 1])
    columns = tf.reshape(tf.range(width), [1, 1, -1, 1])
    inside = (rows >= top) & (rows < top + side) & (columns >= left) & (columns < left + side)
    return tf.where(inside, 127.5, images)`;
