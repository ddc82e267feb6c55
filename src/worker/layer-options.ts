import * as tf from '@tensorflow/tfjs';
import type { InitializerName, Regularizer } from '../shared/model-spec';
import { assertNever } from '../shared/assert-never';

/** tfjs does not export these types by name; their factories' return types stand in. */
export type TfInitializer = ReturnType<typeof tf.initializers.zeros>;
export type TfRegularizer = ReturnType<typeof tf.regularizers.l1l2>;

/** A seeded tfjs initialiser: the same seed gives the same starting weights. */
export function makeInitializer(name: InitializerName, seed: number): TfInitializer {
  switch (name) {
    case 'glorotUniform':
      return tf.initializers.glorotUniform({ seed });
    case 'glorotNormal':
      return tf.initializers.glorotNormal({ seed });
    case 'heUniform':
      return tf.initializers.heUniform({ seed });
    case 'heNormal':
      return tf.initializers.heNormal({ seed });
    case 'lecunNormal':
      return tf.initializers.leCunNormal({ seed });
    case 'zeros':
      return tf.initializers.zeros();
    default:
      return assertNever(name);
  }
}

/** The tfjs L1/L2 penalty, or undefined when both weights are 0 (no penalty to compute). */
export function makeRegularizer(regularizer: Regularizer): TfRegularizer | undefined {
  const { l1, l2 } = regularizer;
  return l1 > 0 || l2 > 0 ? tf.regularizers.l1l2({ l1, l2 }) : undefined;
}
