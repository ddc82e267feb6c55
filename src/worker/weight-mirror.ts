import type * as tf from '@tensorflow/tfjs';
import type { SerialisedModel } from './export/serialise';
import { serialiseModel } from './export/serialise';
import type { InFlight } from './in-flight';

/**
 * A host copy of one model's weights, taken when they settle (a run's end, an import, a
 * restore): what a lost GPU cannot take away, so the network can be rebuilt on another backend.
 */
export class WeightMirror {
  private copy: { model: tf.LayersModel; weights: SerialisedModel } | null = null;

  /**
   * Copies `model`'s weights off the device, as one of `reads`, which gives the copy up when the
   * device is lost; then there is no copy, and nothing else happens.
   */
  async take(model: tf.LayersModel | null, reads: InFlight): Promise<void> {
    this.copy = null;
    if (!model) return;
    try {
      const weights = await reads.track(() => serialiseModel(model));
      this.copy = { model, weights };
    } catch {
      // No copy: a loss falls back on the latest checkpoint.
    }
  }

  /** Keeps `weights` as `model`'s copy: for weights it was just given from the host. */
  hold(model: tf.LayersModel, weights: SerialisedModel): void {
    this.copy = { model, weights };
  }

  /** The copy of `model`'s weights, or null when none was taken since it last changed. */
  of(model: tf.LayersModel | null): SerialisedModel | null {
    return this.copy && this.copy.model === model ? this.copy.weights : null;
  }
}
