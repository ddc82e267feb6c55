import { strToU8, zipSync } from 'fflate';
import type { ExportedModel, PredictionCheck } from '../../shared/exported-model';
import { INDEX_HTML } from './index-html';

/** How the run that made the model ended, as the studio showed it. */
export interface FinalMetrics {
  outcome: string | null;
  validation: { loss: number; accuracy: number } | null;
  test: { loss: number; accuracy: number } | null;
}

/** Bytes as base64, in slices so a large buffer does not overflow the argument list. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary);
}

/** `check.json`: held-out images (base64 uint8) and the studio's probabilities for each. */
function checkJson(check: PredictionCheck, classes: number) {
  const probabilities: number[][] = [];
  for (let n = 0; n < check.count; n++) {
    probabilities.push([...check.probabilities.subarray(n * classes, (n + 1) * classes)]);
  }
  return {
    about:
      "The studio's own predictions on held-out images: apply preprocessing.json to `pixels` " +
      '(count × height × width × channels, uint8, base64) and the model gives these probabilities.',
    split: check.split,
    shape: check.shape,
    count: check.count,
    labels: check.labels,
    pixels: toBase64(check.pixels),
    probabilities,
  };
}

/** A record of how the model was made: network, settings, data and results. */
export function trainingRecord(model: ExportedModel, metrics: FinalMetrics, exportedAt: Date) {
  return {
    format: 'layerwise-training-record',
    version: 1,
    exportedAt: exportedAt.toISOString(),
    spec: model.trainedWith.spec,
    settings: model.trainedWith.settings,
    seed: model.trainedWith.settings.seed,
    dataset: model.dataset,
    classNames: model.classNames,
    metrics,
    versions: { layerwise: __APP_VERSION__, ...model.versions },
    customLayers: model.customLayers,
  };
}

const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);

/** The tfjs layers-format pair: what `tf.loadLayersModel('model.json')` reads. */
export function modelFiles(model: ExportedModel): Record<string, Uint8Array> {
  return { 'model.json': json(model.modelJson), 'weights.bin': new Uint8Array(model.weights) };
}

/** What the zip holds besides the model itself. */
export interface ZipExtras {
  metrics: FinalMetrics;
  /** tfjs' browser bundle, for the demo page to work offline. */
  tfjsScript: Uint8Array;
  /** The Keras script of the same network and training setup. */
  kerasScript: string;
  exportedAt?: Date;
}

/**
 * Every file of the zip download: the model pair, labels, preprocessing, the training record,
 * the prediction check, the Keras script, and a page (with its copy of tfjs) that classifies
 * an image with them.
 */
export function exportZip(
  model: ExportedModel,
  { metrics, tfjsScript, kerasScript, exportedAt = new Date() }: ZipExtras,
): Uint8Array {
  const classes = model.classNames.length;
  return zipSync({
    ...modelFiles(model),
    'labels.json': json(model.classNames),
    'preprocessing.json': json(model.preprocessing),
    'training.json': json(trainingRecord(model, metrics, exportedAt)),
    'check.json': json(checkJson(model.check, classes)),
    'index.html': strToU8(INDEX_HTML),
    'train_keras.py': strToU8(kerasScript),
    'tf.min.js': tfjsScript,
  });
}
