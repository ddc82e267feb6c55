/**
 * Learning-rate schedules: how the rate a run starts with changes as training goes on. Pure
 * arithmetic on step counts, so the preview drawn before a run and the rates the worker sets
 * during it come from the same formulas.
 */

export const SCHEDULE_KINDS = ['constant', 'step', 'exponential', 'cosine', 'plateau'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

export type LrSchedule =
  | { kind: 'constant' }
  /** rate = base × factor^floor(epoch / everyEpochs), epoch the 0-based whole epoch. */
  | { kind: 'step'; everyEpochs: number; factor: number }
  /** rate = base × decayPerEpoch^(step / stepsPerEpoch): a smooth decay, step by step. */
  | { kind: 'exponential'; decayPerEpoch: number }
  /** A linear warm-up to base, then half a cosine down to base × minFactor (see `cosineRate`). */
  | { kind: 'cosine'; warmupEpochs: number; minFactor: number }
  /** Reduce-on-plateau on validation loss; the rate changes only through `PlateauReducer`. */
  | { kind: 'plateau'; factor: number; patience: number; minDelta: number; minFactor: number };

export type ScheduleOf<K extends ScheduleKind> = Extract<LrSchedule, { kind: K }>;
export type PlateauSchedule = ScheduleOf<'plateau'>;

export const DEFAULT_SCHEDULE: LrSchedule = { kind: 'constant' };

export const SCHEDULE_LABELS: Record<ScheduleKind, string> = {
  constant: 'Constant',
  step: 'Step decay',
  exponential: 'Exponential decay',
  cosine: 'Cosine (with warm-up)',
  plateau: 'Reduce on plateau',
};

const SCHEDULE_DEFAULTS: { [K in ScheduleKind]: ScheduleOf<K> } = {
  constant: { kind: 'constant' },
  step: { kind: 'step', everyEpochs: 2, factor: 0.5 },
  exponential: { kind: 'exponential', decayPerEpoch: 0.9 },
  cosine: { kind: 'cosine', warmupEpochs: 1, minFactor: 0 },
  plateau: { kind: 'plateau', factor: 0.5, patience: 1, minDelta: 0.001, minFactor: 0.01 },
};

/** A fresh schedule of `kind` with settings that suit a short classroom run. */
export function defaultScheduleOf<K extends ScheduleKind>(kind: K): ScheduleOf<K> {
  return { ...SCHEDULE_DEFAULTS[kind] };
}

/** Where a run stands; `step` is the 0-based index of the step about to run. */
export interface ScheduleClock {
  step: number;
  stepsPerEpoch: number;
  totalSteps: number;
}

/**
 * Cosine with linear warm-up, per step s:
 * - warm-up, s < warmupSteps = round(warmupEpochs × stepsPerEpoch): base × (s + 1) / warmupSteps,
 *   so the first step already moves the weights and the last warm-up step runs at base;
 * - after it, with progress p = (s − warmupSteps) / max(1, totalSteps − warmupSteps − 1) clamped
 *   to [0, 1]: base × (minFactor + (1 − minFactor) × ½(1 + cos πp)), reaching base × minFactor
 *   exactly on the last step.
 */
function cosineRate(schedule: ScheduleOf<'cosine'>, base: number, clock: ScheduleClock): number {
  const warmupSteps = Math.round(schedule.warmupEpochs * clock.stepsPerEpoch);
  if (clock.step < warmupSteps) return (base * (clock.step + 1)) / warmupSteps;
  const decaySteps = Math.max(1, clock.totalSteps - warmupSteps - 1);
  const progress = Math.min(1, Math.max(0, (clock.step - warmupSteps) / decaySteps));
  const { minFactor } = schedule;
  return base * (minFactor + (1 - minFactor) * 0.5 * (1 + Math.cos(Math.PI * progress)));
}

/**
 * The rate for a step, from the schedule alone. Plateau returns `base`: its reductions depend
 * on validation results, which only `PlateauReducer` sees.
 */
export function scheduledRate(schedule: LrSchedule, base: number, clock: ScheduleClock): number {
  switch (schedule.kind) {
    case 'constant':
    case 'plateau':
      return base;
    case 'step': {
      const epoch = Math.floor(clock.step / clock.stepsPerEpoch);
      return base * schedule.factor ** Math.floor(epoch / schedule.everyEpochs);
    }
    case 'exponential':
      return base * schedule.decayPerEpoch ** (clock.step / clock.stepsPerEpoch);
    case 'cosine':
      return cosineRate(schedule, base, clock);
  }
}

/**
 * Reduce-on-plateau, as Keras's ReduceLROnPlateau with mode 'min', an absolute min_delta,
 * cooldown 0 and min_lr = base × minFactor: after `patience` epoch ends in a row without the
 * validation loss beating its best by more than `minDelta`, the rate is multiplied by `factor`.
 */
export class PlateauReducer {
  private best = Infinity;
  private wait = 0;
  private current = 1;

  constructor(private readonly schedule: PlateauSchedule) {}

  /** Call once per epoch end; returns the multiplier of the base rate from now on. */
  observe(validationLoss: number): number {
    // NaN compares false, so a diverged epoch counts as no improvement.
    if (validationLoss < this.best - this.schedule.minDelta) {
      this.best = validationLoss;
      this.wait = 0;
      return this.current;
    }
    this.wait++;
    // As in Keras, the wait restarts only when the rate actually drops, so once at its floor
    // the reducer stays put.
    if (this.wait >= this.schedule.patience && this.current > this.schedule.minFactor) {
      this.current = Math.max(this.current * this.schedule.factor, this.schedule.minFactor);
      this.wait = 0;
    }
    return this.current;
  }

  get multiplier(): number {
    return this.current;
  }
}

/** How many preview points a chart needs to look smooth. */
const PREVIEW_POINTS = 100;

/**
 * About `points` samples of the schedule over the run, evenly spaced in steps and always
 * including the first and last, for drawing it before training. Plateau shows `base` flat:
 * when it will drop cannot be known in advance.
 */
export function schedulePreview(
  schedule: LrSchedule,
  base: number,
  epochs: number,
  stepsPerEpoch: number,
  points = PREVIEW_POINTS,
): { epoch: number; rate: number }[] {
  const totalSteps = epochs * stepsPerEpoch;
  const count = Math.min(Math.max(1, Math.floor(points)), totalSteps);
  if (count < 1) return [];
  const last = totalSteps - 1;
  return Array.from({ length: count }, (_, i) => {
    const step = count === 1 ? 0 : Math.round((i * last) / (count - 1));
    return {
      epoch: step / stepsPerEpoch,
      rate: scheduledRate(schedule, base, { step, stepsPerEpoch, totalSteps }),
    };
  });
}

const isFraction = (n: number) => Number.isFinite(n) && n >= 0 && n <= 1;
const isShrinkFactor = (n: number) => Number.isFinite(n) && n > 0 && n < 1;

/** Problems with a schedule for a run of `epochs`, in words a student can act on; [] if none. */
export function checkSchedule(schedule: LrSchedule, epochs: number): string[] {
  switch (schedule.kind) {
    case 'constant':
      return [];
    case 'step':
      return checkStep(schedule, epochs);
    case 'exponential':
      return isShrinkFactor(schedule.decayPerEpoch) || schedule.decayPerEpoch === 1
        ? []
        : ['Decay per epoch must be above 0 and at most 1 (0.9 keeps 90% of the rate each epoch).'];
    case 'cosine':
      return checkCosine(schedule, epochs);
    case 'plateau':
      return checkPlateau(schedule);
  }
}

function checkStep(schedule: ScheduleOf<'step'>, epochs: number): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(schedule.everyEpochs) || schedule.everyEpochs < 1) {
    problems.push('Epochs between steps must be a whole number, 1 or more.');
  } else if (schedule.everyEpochs >= epochs) {
    problems.push(
      `A step every ${schedule.everyEpochs} epochs never comes in a ${epochs}-epoch run; step more often or train longer.`,
    );
  }
  if (!isShrinkFactor(schedule.factor)) {
    problems.push('The step factor must be above 0 and below 1 (0.5 halves the rate).');
  }
  return problems;
}

function checkCosine(schedule: ScheduleOf<'cosine'>, epochs: number): string[] {
  const problems: string[] = [];
  if (!Number.isFinite(schedule.warmupEpochs) || schedule.warmupEpochs < 0) {
    problems.push('Warm-up must be 0 epochs or more.');
  } else if (schedule.warmupEpochs >= epochs) {
    problems.push(
      `A ${schedule.warmupEpochs}-epoch warm-up leaves nothing of a ${epochs}-epoch run to decay in; shorten the warm-up or train longer.`,
    );
  }
  if (!isFraction(schedule.minFactor)) {
    problems.push('The final fraction of the rate must be from 0 to 1.');
  }
  return problems;
}

function checkPlateau(schedule: PlateauSchedule): string[] {
  const problems: string[] = [];
  if (!isShrinkFactor(schedule.factor)) {
    problems.push('The reduction factor must be above 0 and below 1 (0.5 halves the rate).');
  }
  if (!Number.isInteger(schedule.patience) || schedule.patience < 0) {
    problems.push('Patience must be a whole number of epochs, 0 or more.');
  }
  if (!Number.isFinite(schedule.minDelta) || schedule.minDelta < 0) {
    problems.push('The smallest improvement must be 0 or more.');
  }
  if (!isFraction(schedule.minFactor)) {
    problems.push('The lowest fraction of the rate must be from 0 to 1.');
  }
  return problems;
}
