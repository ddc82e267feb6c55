import { preprocessingSpec } from '../../data/preprocessing-spec';
import { kerasScript } from '../../model/keras/keras-script';
import type { DatasetSummary } from '../../shared/dataset';
import type { ModelSpec } from '../../shared/model-spec';
import type { TrainSettings } from '../../shared/train-settings';

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
