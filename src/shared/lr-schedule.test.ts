import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCHEDULE,
  PlateauReducer,
  SCHEDULE_KINDS,
  SCHEDULE_LABELS,
  checkSchedule,
  defaultScheduleOf,
  schedulePreview,
  scheduledRate,
  type LrSchedule,
  type PlateauSchedule,
} from './lr-schedule';

const BASE = 0.01;

/** The rate at `step` of a run of `epochs` × `stepsPerEpoch` steps. */
function rateAt(schedule: LrSchedule, step: number, stepsPerEpoch = 10, epochs = 5): number {
  return scheduledRate(schedule, BASE, { step, stepsPerEpoch, totalSteps: epochs * stepsPerEpoch });
}

describe('scheduledRate', () => {
  it('keeps constant and plateau at the base rate', () => {
    for (const step of [0, 7, 49]) {
      expect(rateAt(DEFAULT_SCHEDULE, step)).toBe(BASE);
      expect(rateAt(defaultScheduleOf('plateau'), step)).toBe(BASE);
    }
  });

  it('steps down by the factor every few whole epochs', () => {
    const schedule = { kind: 'step', everyEpochs: 2, factor: 0.5 } as const;
    // 10 steps per epoch: steps 0–19 are epochs 0–1, steps 20–39 epochs 2–3, then epoch 4.
    for (const [step, drops] of [
      [0, 0],
      [19, 0],
      [20, 1],
      [39, 1],
      [40, 2],
    ] as const) {
      expect(rateAt(schedule, step)).toBeCloseTo(BASE * 0.5 ** drops, 12);
    }
  });

  it('never steps when the steps are further apart than the run', () => {
    const schedule = { kind: 'step', everyEpochs: 10, factor: 0.1 } as const;
    expect(rateAt(schedule, 49)).toBe(BASE);
  });

  it('decays exponentially in fractional epochs', () => {
    const schedule = { kind: 'exponential', decayPerEpoch: 0.9 } as const;
    for (const step of [0, 5, 10, 33, 49]) {
      expect(rateAt(schedule, step)).toBeCloseTo(BASE * 0.9 ** (step / 10), 12);
    }
  });

  describe('cosine', () => {
    const cosine = (p: number, minFactor: number) =>
      BASE * (minFactor + (1 - minFactor) * 0.5 * (1 + Math.cos(Math.PI * p)));

    it('warms up linearly, then follows half a cosine to base × minFactor on the last step', () => {
      const schedule = { kind: 'cosine', warmupEpochs: 1, minFactor: 0.1 } as const;
      // 10 warm-up steps of 50; the decay spans steps 10..49, i.e. 39 intervals.
      expect(rateAt(schedule, 0)).toBeCloseTo(BASE / 10, 12);
      expect(rateAt(schedule, 4)).toBeCloseTo((BASE * 5) / 10, 12);
      expect(rateAt(schedule, 9)).toBeCloseTo(BASE, 12);
      expect(rateAt(schedule, 10)).toBeCloseTo(BASE, 12);
      expect(rateAt(schedule, 23)).toBeCloseTo(cosine(13 / 39, 0.1), 12);
      expect(rateAt(schedule, 49)).toBeCloseTo(BASE * 0.1, 12);
    });

    it('starts at base with no warm-up and goes to 0 with minFactor 0', () => {
      const schedule = { kind: 'cosine', warmupEpochs: 0, minFactor: 0 } as const;
      expect(rateAt(schedule, 0)).toBeCloseTo(BASE, 12);
      expect(rateAt(schedule, 20)).toBeCloseTo(cosine(20 / 49, 0), 12);
      expect(rateAt(schedule, 49)).toBeCloseTo(0, 12);
    });

    it('rounds a fractional warm-up to whole steps', () => {
      const schedule = { kind: 'cosine', warmupEpochs: 0.25, minFactor: 0 } as const;
      // round(0.25 × 10) = 3 warm-up steps.
      expect(rateAt(schedule, 1)).toBeCloseTo((BASE * 2) / 3, 12);
      expect(rateAt(schedule, 3)).toBeCloseTo(BASE, 12);
    });

    it('runs a one-step run at base', () => {
      const schedule = { kind: 'cosine', warmupEpochs: 0, minFactor: 0 } as const;
      expect(scheduledRate(schedule, BASE, { step: 0, stepsPerEpoch: 1, totalSteps: 1 })).toBe(
        BASE,
      );
    });

    it('holds the final rate past the planned end', () => {
      const schedule = { kind: 'cosine', warmupEpochs: 0, minFactor: 0.2 } as const;
      expect(rateAt(schedule, 80)).toBeCloseTo(BASE * 0.2, 12);
    });
  });
});

describe('PlateauReducer', () => {
  const plateau: PlateauSchedule = {
    kind: 'plateau',
    factor: 0.5,
    patience: 2,
    minDelta: 0.01,
    minFactor: 0.2,
  };

  it('starts at 1 and cuts the rate after `patience` epochs without improvement', () => {
    const reducer = new PlateauReducer(plateau);
    expect(reducer.multiplier).toBe(1);
    expect([1.0, 0.9, 0.895, 0.9].map((loss) => reducer.observe(loss))).toEqual([1, 1, 1, 0.5]);
    expect(reducer.multiplier).toBe(0.5);
  });

  it('counts only improvements larger than minDelta and restarts the wait after a cut', () => {
    const reducer = new PlateauReducer({ ...plateau, patience: 1 });
    const losses = [1.0, 0.995, 0.98, 0.975, 0.965];
    expect(losses.map((loss) => reducer.observe(loss))).toEqual([1, 0.5, 0.5, 0.25, 0.25]);
  });

  it('stops at base × minFactor', () => {
    const reducer = new PlateauReducer({ ...plateau, patience: 0 });
    const multipliers = [1, 1, 1, 1].map((loss) => reducer.observe(loss));
    // Patience 0: every epoch that does not improve cuts, down to the 0.2 floor.
    expect(multipliers).toEqual([1, 0.5, 0.25, 0.2]);
  });

  it('treats a NaN loss as no improvement', () => {
    const reducer = new PlateauReducer({ ...plateau, patience: 1 });
    expect([1, Number.NaN].map((loss) => reducer.observe(loss))).toEqual([1, 0.5]);
  });
});

describe('schedulePreview', () => {
  it('samples about `points` steps including the first and last', () => {
    const schedule = { kind: 'cosine', warmupEpochs: 0, minFactor: 0 } as const;
    const preview = schedulePreview(schedule, BASE, 5, 100, 11);
    expect(preview).toHaveLength(11);
    expect(preview[0]).toEqual({ epoch: 0, rate: BASE });
    expect(preview.at(-1)!.epoch).toBeCloseTo(4.99, 12);
    expect(preview.at(-1)!.rate).toBeCloseTo(0, 12);
  });

  it('gives one point per step on short runs and nothing for an empty run', () => {
    expect(schedulePreview(DEFAULT_SCHEDULE, BASE, 1, 3)).toEqual([
      { epoch: 0, rate: BASE },
      { epoch: 1 / 3, rate: BASE },
      { epoch: 2 / 3, rate: BASE },
    ]);
    expect(schedulePreview(DEFAULT_SCHEDULE, BASE, 0, 3)).toEqual([]);
  });

  it('draws plateau flat at the base rate', () => {
    const preview = schedulePreview(defaultScheduleOf('plateau'), BASE, 3, 50);
    expect(preview.every(({ rate }) => rate === BASE)).toBe(true);
  });
});

describe('defaults and checks', () => {
  it('labels every kind and gives each a usable default for a 5-epoch run', () => {
    for (const kind of SCHEDULE_KINDS) {
      expect(SCHEDULE_LABELS[kind]).toBeTruthy();
      expect(defaultScheduleOf(kind).kind).toBe(kind);
      expect(checkSchedule(defaultScheduleOf(kind), 5)).toEqual([]);
    }
  });

  it('hands out copies, so editing one does not change the defaults', () => {
    const step = defaultScheduleOf('step');
    step.factor = 0.1;
    expect(defaultScheduleOf('step').factor).toBe(0.5);
  });

  it('explains bad settings', () => {
    expect(checkSchedule({ kind: 'step', everyEpochs: 0, factor: 2 }, 5)).toHaveLength(2);
    expect(checkSchedule({ kind: 'step', everyEpochs: 5, factor: 0.5 }, 5)).toEqual([
      'A step every 5 epochs never comes in a 5-epoch run; step more often or train longer.',
    ]);
    expect(checkSchedule({ kind: 'exponential', decayPerEpoch: 1 }, 5)).toEqual([]);
    expect(checkSchedule({ kind: 'exponential', decayPerEpoch: 0 }, 5)).toHaveLength(1);
    expect(checkSchedule({ kind: 'cosine', warmupEpochs: 5, minFactor: 0 }, 5)).toHaveLength(1);
    expect(checkSchedule({ kind: 'cosine', warmupEpochs: -1, minFactor: 2 }, 5)).toHaveLength(2);
    expect(
      checkSchedule(
        { kind: 'plateau', factor: 1, patience: 1.5, minDelta: -1, minFactor: Number.NaN },
        5,
      ),
    ).toHaveLength(4);
  });
});
