import * as tf from '@tensorflow/tfjs';
import type { ExportedModel, PredictionCheck } from '../../shared/exported-model';
import type { SplitName } from '../../shared/insights';
import type { ModelSpec } from '../../shared/model-spec';
import type { TrainSettings } from '../../shared/train-settings';
import { preprocessingSpec } from '../../data/preprocessing-spec';
import type { LoadedDataset } from '../data/dataset-store';
import type { DeviceData } from '../device-data';
import { serialiseModel } from './serialise';

/** Held-out images whose studio predictions travel with an exported model. */
export const CHECK_IMAGES = 50;

export interface ExportContext {
  model: tf.LayersModel;
  trainedWith: { spec: ModelSpec; settings: TrainSettings };
  dataset: LoadedDataset;
  device: DeviceData;
}

/** The held-out split to prove predictions on: test, else validation, else train. */
function checkSplit(dataset: LoadedDataset): SplitName {
  const order: SplitName[] = ['test', 'validation', 'train'];
  return order.find((split) => dataset.split[split].length > 0) ?? 'train';
}

/** The studio's probabilities for the first images of a held-out split, with their pixels. */
async function predictionCheck(ctx: ExportContext): Promise<PredictionCheck> {
  const split = checkSplit(ctx.dataset);
  const { host } = ctx.dataset;
  const shape = host.shape;
  const size = shape[0] * shape[1] * shape[2];
  const positions = ctx.dataset.split[split];
  const count = Math.min(CHECK_IMAGES, positions.length);
  const pixels = new Uint8Array(count * size);
  const labels: number[] = [];
  for (let i = 0; i < count; i++) {
    const at = positions[i] ?? 0;
    pixels.set(host.pixels.subarray(at * size, (at + 1) * size), i * size);
    labels.push(host.labels[at] ?? 0);
  }
  const probs = tf.tidy(() => {
    const { x, y } = ctx.device[split].range(0, count);
    y.dispose();
    return ctx.model.predict(x) as tf.Tensor;
  });
  try {
    const probabilities = new Float32Array(await probs.data());
    return { split, shape: [...shape], pixels, labels, probabilities, count };
  } finally {
    probs.dispose();
  }
}

/** Layers only the studio defines: loading the model elsewhere needs them registered. */
function customLayers(model: tf.LayersModel): string[] {
  const names = model.layers.map((layer) => layer.getClassName());
  return [...new Set(names.filter((name) => name.startsWith('Layerwise')))];
}

/** Everything a download of the trained model holds, serialised in the worker. */
export async function exportModel(ctx: ExportContext): Promise<ExportedModel> {
  const { modelJson, weights } = await serialiseModel(ctx.model);
  const { summary } = ctx.dataset;
  return {
    modelJson,
    weights,
    classNames: [...summary.classNames],
    preprocessing: preprocessingSpec(summary),
    trainedWith: ctx.trainedWith,
    dataset: {
      name: summary.name,
      fingerprint: summary.fingerprint,
      counts: {
        train: summary.splits.train.total,
        validation: summary.splits.validation.total,
        test: summary.splits.test.total,
      },
    },
    check: await predictionCheck(ctx),
    customLayers: customLayers(ctx.model),
    versions: { tfjs: tf.version.tfjs, backend: tf.getBackend() },
  };
}
