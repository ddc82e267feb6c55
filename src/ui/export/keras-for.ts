import { preprocessingSpec } from '../../data/preprocessing-spec';
import { PRETRAINED_REFUSAL } from '../../model/keras/keras-layers';
import { kerasScript } from '../../model/keras/keras-script';
import type { DatasetSummary } from '../../shared/dataset';
import type { ModelSpec } from '../../shared/model-spec';
import type { TrainSettings } from '../../shared/train-settings';

/**
 * The script that stands in for the Keras script in an exported zip when the network has none
 * (a Pretrained base): it says why and stops, so the rest of the zip still downloads.
 */
export function kerasForZip(
  spec: ModelSpec,
  settings: TrainSettings,
  summary: DatasetSummary,
): string {
  if (!spec.nodes.some((node) => node.kind === 'pretrainedBase')) {
    return kerasFor(spec, settings, summary);
  }
  return `raise SystemExit(${JSON.stringify(PRETRAINED_REFUSAL)})\n`;
}

/** The Keras script of a network trained with `settings` on the dataset `summary` describes. */
export function kerasFor(
  spec: ModelSpec,
  settings: TrainSettings,
  summary: DatasetSummary,
): string {
  return kerasScript({
    spec,
    settings,
    preprocessing: preprocessingSpec(summary),
    classNames: summary.classNames,
    datasetName: summary.name,
    split: { validation: summary.config.validation, seed: summary.config.seed },
  });
}
