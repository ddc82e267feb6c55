/**
 * The training part of the Keras script: the studio's optimizer, loss and schedule, run
 * under a `tf.distribute` strategy (`src/worker/optimizer.ts` and `loss.ts` are the studio's).
 */
import type { TrainSettings } from '../../shared/train-settings';
import { assertNever } from '../../shared/assert-never';
import type { PyKwargs } from './python-literal';
import { pyCall, pyNumber } from './python-literal';

/** The training constants, as set in the studio. */
export function trainingConstants(settings: TrainSettings): string {
  const { learningRate, batchSize, epochs, seed, examplesPerEpoch } = settings;
  return [
    '# Training, as set in the studio.',
    `LEARNING_RATE = ${pyNumber(learningRate)}`,
    `BATCH_PER_REPLICA = ${pyNumber(batchSize)}`,
    `EPOCHS = ${pyNumber(epochs)}`,
    ...(examplesPerEpoch === null
      ? []
      : [`EXAMPLES_PER_EPOCH = ${pyNumber(examplesPerEpoch)}  # drawn at random each epoch`]),
    `SEED = ${pyNumber(seed)}`,
  ].join('\n');
}

/** The optimizer with the constants tfjs uses by default, and how its updates compare. */
function optimizer(settings: TrainSettings): {
  comment: string[];
  callee: string;
  kwargs: PyKwargs;
} {
  const rate: [string, string] = ['learning_rate', 'LEARNING_RATE'];
  switch (settings.optimizer) {
    case 'adam':
      return {
        comment: [
          "# tfjs' Adam adds epsilon after the bias correction, Keras' before it: the two differ",
          '# only while the squared gradients are tiny.',
        ],
        callee: 'keras.optimizers.Adam',
        kwargs: [rate, ['beta_1', '0.9'], ['beta_2', '0.999'], ['epsilon', '1e-07']],
      };
    case 'sgd':
      return {
        comment: [
          '# Momentum SGD: tfjs accumulates gradients and scales by the rate, Keras accumulates',
          '# scaled steps; the updates are the same while the learning rate stays fixed.',
        ],
        callee: 'keras.optimizers.SGD',
        kwargs: [rate, ['momentum', pyNumber(settings.momentum)], ['nesterov', 'False']],
      };
    case 'rmsprop':
      return {
        comment: [],
        callee: 'keras.optimizers.RMSprop',
        kwargs: [
          rate,
          ['rho', '0.9'],
          ['momentum', '0.0'],
          ['epsilon', '1e-07'],
          ['centered', 'False'],
        ],
      };
    default:
      return assertNever(settings.optimizer);
  }
}

/** Source of `main()`: parse arguments, seed, distribute, build, compile, train, save. */
export function mainFunction(settings: TrainSettings): string {
  const { comment, callee, kwargs } = optimizer(settings);
  const compile = pyCall(
    'model.compile',
    [],
    [
      ['optimizer', pyCall(callee, [], kwargs, { indent: 12, before: 'optimizer=', after: ',' })],
      ['loss', 'keras.losses.SparseCategoricalCrossentropy()'],
      ['metrics', '["accuracy"]'],
    ],
    { indent: 8 },
  );
  const sampled = settings.examplesPerEpoch !== null;
  const fit = sampled
    ? [
        '    # The studio draws EXAMPLES_PER_EPOCH examples at random each epoch.',
        '    steps = math.ceil(EXAMPLES_PER_EPOCH / global_batch)',
        '    model.fit(',
        '        train.repeat(),',
        '        validation_data=validation,',
        '        epochs=EPOCHS,',
        '        steps_per_epoch=steps,',
        '    )',
      ]
    : ['    model.fit(train, validation_data=validation, epochs=EPOCHS)'];
  return [
    'def main():',
    '    parser = argparse.ArgumentParser(description="Train the network exported from Layerwise.")',
    '    parser.add_argument("--data", default=DATA_DIR, help="one sub-folder of images per class")',
    '    parser.add_argument("--weights", help="the studio\'s trained weights as .h5 (see the top)")',
    '    parser.add_argument("--output", default="model.keras", help="where to save the model")',
    '    args = parser.parse_args()',
    '',
    '    keras.utils.set_random_seed(SEED)',
    '    # MirroredStrategy keeps one replica per local GPU (or the CPU when there is none).',
    '    # Across several machines use tf.distribute.MultiWorkerMirroredStrategy() with',
    '    # TF_CONFIG set on each; on a TPU, tf.distribute.TPUStrategy(',
    '    # tf.distribute.cluster_resolver.TPUClusterResolver()). The rest stays the same.',
    '    strategy = tf.distribute.MirroredStrategy()',
    "    # Each replica takes the studio's batch size, so a step reads a global batch of",
    '    # BATCH_PER_REPLICA x replicas examples and averages the gradient over all of them.',
    '    # With many replicas, a larger learning rate often suits the larger batch.',
    '    global_batch = BATCH_PER_REPLICA * strategy.num_replicas_in_sync',
    '    print("Dataset in the studio:", DATASET_NAME)',
    '    print("Replicas:", strategy.num_replicas_in_sync, "- global batch:", global_batch)',
    '    train, validation = load_datasets(args.data, global_batch)',
    '',
    '    # Weights and optimizer state are made inside the scope, so every replica has a copy.',
    '    with strategy.scope():',
    '        model = build_model()',
    '        if args.weights:',
    '            model.load_weights(args.weights, by_name=True)',
    ...comment.map((line) => `        ${line}`),
    '        # Softmax probabilities and integer labels, as in the studio; Keras clips the',
    '        # probabilities to [1e-7, 1] as the studio does and adds the L1/L2 penalties.',
    `        ${compile}`,
    '    model.summary()',
    ...fit,
    '    model.save(args.output)',
    '    print("Saved", args.output)',
  ].join('\n');
}
