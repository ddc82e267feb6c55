import { z } from 'zod';
import { ASPECT_LABELS, MAX_CLASSES } from '../dataset';
import type { ClassEdit, ImageOptions } from '../dataset';
import type {
  CrossValidationResult,
  EpochSummary,
  MetricPoint,
  Progress,
  RunMark,
} from '../protocol';
import type { InterruptedRun, RunRecord } from '../run-record';
import type { SweepTarget } from '../sweep';
import type { DatasetReference, Project, ReloadableSource, RunHistory } from './project';
import { MAX_NAME_LENGTH, PROJECT_FORMAT } from './project';
import { dataConfigSchema, settingsSchema } from './settings-schema';
import { specSchema } from './spec-schema';

/** The schema of the current project version; older versions are migrated before this runs. */

const int = z.number().int();
const shape = z.tuple([int.positive(), int.positive(), int.positive()]);

const aspectSchema = z.enum(Object.keys(ASPECT_LABELS) as [keyof typeof ASPECT_LABELS]);

const imageSchema: z.ZodType<ImageOptions> = z.object({
  size: z.tuple([int.positive(), int.positive()]).nullable(),
  channels: z.union([z.literal(1), z.literal(3)]).nullable(),
  aspect: aspectSchema,
});

const sourceSchema: z.ZodType<ReloadableSource> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sample'), id: z.literal('mnist') }),
  z.object({ kind: z.literal('shapes'), count: int.positive(), seed: int.nonnegative() }),
  z.object({
    kind: z.literal('url'),
    name: z.string(),
    urls: z.array(z.url({ protocol: /^https?$/ })).min(1),
    image: imageSchema,
  }),
]);

const classEditSchema: z.ZodType<ClassEdit> = z.discriminatedUnion('op', [
  z.object({ op: z.literal('rename'), index: int.nonnegative(), name: z.string() }),
  z.object({
    op: z.literal('merge'),
    indices: z.array(int.nonnegative()).min(2).max(MAX_CLASSES),
    name: z.string(),
  }),
  z.object({ op: z.literal('remove'), index: int.nonnegative() }),
  z.object({ op: z.literal('add'), name: z.string() }),
]);

const datasetSchema: z.ZodType<DatasetReference> = z.object({
  kind: z.enum(['sample', 'shapes', 'files', 'url', 'webcam', 'project']),
  name: z.string(),
  classNames: z.array(z.string()).max(MAX_CLASSES),
  inputShape: shape,
  source: sourceSchema.nullable(),
  aspect: aspectSchema.optional(),
  classEdits: z.array(classEditSchema),
});

/** JSON writes NaN and ±Infinity (a diverged run's loss) as null; read them back as NaN. */
const measured = z.union([z.number(), z.null().transform(() => NaN)]);

const pointSchema: z.ZodType<MetricPoint> = z.object({
  series: z.enum(['train', 'validation']),
  step: int.nonnegative(),
  epoch: int.nonnegative(),
  loss: measured,
  accuracy: measured,
  learningRate: measured.optional(),
  time: int.nonnegative().optional(),
});

const lossAndAccuracy = z.object({ loss: measured, accuracy: measured });

const epochSchema: z.ZodType<EpochSummary> = z.object({
  epoch: int.nonnegative(),
  validation: lossAndAccuracy,
  numTensors: int.nonnegative(),
});

const progressSchema: z.ZodType<Progress> = z.object({
  epoch: int.nonnegative(),
  epochs: int.nonnegative(),
  batch: int.nonnegative(),
  batchesPerEpoch: int.nonnegative(),
  step: int.nonnegative(),
  examplesPerSec: measured,
  fold: z.object({ index: int.positive(), count: int.positive() }).optional(),
});

const markSchema: z.ZodType<RunMark> = z.object({
  kind: z.enum(['learningRate', 'best', 'stopped', 'fold', 'resumed']),
  step: int.nonnegative(),
  epoch: int.nonnegative(),
  label: z.string(),
});

const sweepTargetSchema: z.ZodType<SweepTarget> = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('setting'),
    field: z.enum(['learningRate', 'batchSize', 'epochs', 'momentum']),
  }),
  z.object({ kind: z.literal('layer'), layerId: z.string(), field: z.string() }),
]);

const crossValidationSchema: z.ZodType<CrossValidationResult> = z.object({
  folds: z.array(measured),
  mean: measured,
  std: measured,
});

const outcomeSchema = z.enum(['completed', 'stopped', 'diverged', 'failed']);

const runRecordShape = z.object({
  id: z.string(),
  number: int.positive(),
  startedAt: z.number(),
  durationMs: z.number().nonnegative(),
  spec: specSchema,
  settings: settingsSchema,
  dataset: z.object({
    name: z.string(),
    fingerprint: z.string(),
    classNames: z.array(z.string()).max(MAX_CLASSES),
  }),
  params: int.nonnegative(),
  points: z.array(pointSchema),
  marks: z.array(markSchema),
  outcome: z.enum(['completed', 'stopped', 'diverged', 'failed', 'interrupted']),
  message: z.string(),
  test: z
    .object({ loss: measured, accuracy: measured, perClass: z.array(measured).optional() })
    .optional(),
  crossValidation: crossValidationSchema.optional(),
  note: z.string().optional(),
  sweep: z
    .object({
      id: z.string(),
      values: z.array(z.object({ target: sweepTargetSchema, value: z.number() })),
    })
    .optional(),
});

const runRecordSchema: z.ZodType<RunRecord> = runRecordShape;

const interruptedSchema: z.ZodType<InterruptedRun> = z.object({
  start: runRecordShape.pick({
    id: true,
    spec: true,
    settings: true,
    dataset: true,
    params: true,
    startedAt: true,
    note: true,
    sweep: true,
  }),
});

const runsSchema: z.ZodType<RunHistory> = z.object({
  points: z.array(pointSchema),
  previousPoints: z.array(pointSchema),
  report: z
    .object({
      outcome: outcomeSchema,
      message: z.string(),
      test: lossAndAccuracy.optional(),
      crossValidation: crossValidationSchema.optional(),
    })
    .nullable(),
  lastEpoch: epochSchema.nullable(),
  progress: progressSchema.nullable(),
  history: z.array(runRecordSchema),
  interrupted: interruptedSchema.optional(),
});

export const projectSchema: z.ZodType<Project> = z.object({
  format: z.literal(PROJECT_FORMAT),
  version: int,
  name: z.string().max(MAX_NAME_LENGTH),
  spec: specSchema,
  settings: settingsSchema,
  data: z.object({ config: dataConfigSchema, dataset: datasetSchema.nullable() }),
  runs: runsSchema,
});
