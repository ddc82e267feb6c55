import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../model/analyse';
import type { DatasetShape } from '../model/analyse';
import { TEMPLATES } from '../model/templates';
import { buildModel } from './build-model';

const DATASETS: DatasetShape[] = [
  { shape: [28, 28, 1], classes: 10 },
  { shape: [32, 32, 3], classes: 10 },
];

describe('every template compiles with tfjs', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  const cases = TEMPLATES.flatMap((template) =>
    DATASETS.map((d) => [template.id, `${d.shape.join('×')}/${d.classes}`, template, d] as const),
  );

  it.each(cases)('%s for %s', (_id, _name, template, dataset) => {
    const spec = template.build(dataset);
    const analysis = analyse(spec, dataset);
    const model = buildModel(spec, {
      seed: 1,
      inputShape: dataset.shape,
      classes: dataset.classes,
    });
    expect(model.countParams()).toBe(analysis.totalParams);
    for (const id of analysis.order) {
      expect(model.getLayer(id).outputShape, id).toEqual(analysis.shapes[id]);
    }
    const sums = tf.tidy(() => {
      const probs = model.apply(tf.randomNormal([2, ...dataset.shape]), { training: true });
      return (probs as tf.Tensor).sum(1).arraySync() as number[];
    });
    expect(sums).toEqual([expect.closeTo(1, 4), expect.closeTo(1, 4)]);
    model.dispose();
  });
});
