import { z } from 'zod';
import { checkDataConfig } from '../../data/data-config';
import type { Augmentation } from '../augmentation';
import type { DataConfig } from '../dataset';
import { NORMALISATION_LABELS } from '../dataset';
import type { EarlyStoppingSettings } from '../early-stopping';
import type { LrSchedule } from '../lr-schedule';
import type { TrainSettings } from '../train-settings';
import { OPTIMIZERS, checkSettings } from '../train-settings';

/**
 * Training settings and the data config as project files hold them: the types are checked
 * here, the values by the studio's own checks, so a file is refused for the same reasons the
 * forms would refuse a value.
 */

const augmentationSchema: z.ZodType<Augmentation> = z.object({
  flipHorizontal: z.number(),
  flipVertical: z.number(),
  rotation: z.number(),
  zoom: z.number(),
  shift: z.number(),
  brightness: z.number(),
  contrast: z.number(),
  noise: z.number(),
  cutout: z.number(),
});

const scheduleSchema: z.ZodType<LrSchedule> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('constant') }),
  z.object({ kind: z.literal('step'), everyEpochs: z.number(), factor: z.number() }),
  z.object({ kind: z.literal('exponential'), decayPerEpoch: z.number() }),
  z.object({ kind: z.literal('cosine'), warmupEpochs: z.number(), minFactor: z.number() }),
  z.object({
    kind: z.literal('plateau'),
    factor: z.number(),
    patience: z.number(),
    minDelta: z.number(),
    minFactor: z.number(),
  }),
]);

const earlyStoppingSchema: z.ZodType<EarlyStoppingSettings> = z.object({
  enabled: z.boolean(),
  monitor: z.enum(['validationLoss', 'validationAccuracy']),
  patience: z.number(),
  minDelta: z.number(),
  restoreBest: z.boolean(),
});

export const settingsSchema: z.ZodType<TrainSettings> = z
  .object({
    optimizer: z.enum(OPTIMIZERS),
    learningRate: z.number(),
    momentum: z.number(),
    batchSize: z.number(),
    epochs: z.number(),
    seed: z.number(),
    examplesPerEpoch: z.number().nullable(),
    augmentation: augmentationSchema,
    schedule: scheduleSchema,
    earlyStopping: earlyStoppingSchema,
    // Added within format 2: a format-2 project saved before it has none, meaning off.
    crossValidation: z.number().nullable().default(null),
  })
  .superRefine((settings, ctx) => {
    for (const problem of checkSettings(settings)) {
      ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
    }
  });

const NORMALISATIONS = Object.keys(NORMALISATION_LABELS) as [keyof typeof NORMALISATION_LABELS];

export const dataConfigSchema: z.ZodType<DataConfig> = z
  .object({
    validation: z.number(),
    test: z.number(),
    seed: z.number(),
    normalisation: z.enum(NORMALISATIONS),
  })
  .superRefine((config, ctx) => {
    for (const message of checkDataConfig(config)) ctx.addIssue({ code: 'custom', message });
  });
