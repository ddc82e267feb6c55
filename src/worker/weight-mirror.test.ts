import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from './build-model';
import { serialiseModel } from './export/serialise';
import { InFlight } from './in-flight';
import { shapesNet } from './shapes-net.fixture';
import { WeightMirror } from './weight-mirror';

const build = () => buildModel(shapesNet(), { seed: 3, inputShape: [32, 32, 3], classes: 6 });

describe('WeightMirror', () => {
  beforeAll(() => tf.setBackend('cpu'));

  it('keeps a host copy of one model’s weights, and of no other model', async () => {
    const mirror = new WeightMirror();
    const model = build();
    const other = build();
    expect(mirror.of(model)).toBeNull();
    await mirror.take(model, new InFlight());
    expect(mirror.of(model)).toEqual(await serialiseModel(model));
    expect(mirror.of(other)).toBeNull();
    await mirror.take(null, new InFlight());
    expect(mirror.of(model)).toBeNull();
    model.dispose();
    other.dispose();
  });

  it('holds weights given from the host, such as a restored checkpoint’s, as the copy', async () => {
    const mirror = new WeightMirror();
    const model = build();
    const other = build();
    const weights = await serialiseModel(other);
    mirror.hold(model, weights);
    expect(mirror.of(model)).toBe(weights);
    expect(mirror.of(other)).toBeNull();
    model.dispose();
    other.dispose();
  });

  it('is left without a copy when its read is given up, as for a lost device', async () => {
    const mirror = new WeightMirror();
    const model = build();
    const reads = new InFlight();
    const taking = mirror.take(model, reads);
    reads.abandon(new Error('the WebGL context was lost'));
    await taking;
    expect(mirror.of(model)).toBeNull();
    model.dispose();
  });
});
