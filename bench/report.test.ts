import { describe, expect, it } from 'vitest';
import {
  kernelDisagreements,
  kernelReport,
  evaluateTargets,
  flatness,
  heapTrend,
  soakReport,
  summariseIngest,
  summariseStudioRun,
  throughputRow,
} from './report.mjs';

const studioRaw = {
  interactiveMs: 1200,
  start: 1000,
  longTasks: [30, 70, 55],
  frames: [1000, 1020, 1040],
  progress: [
    { t: 3000, step: 10, epoch: 1, examplesPerSec: 100 },
    { t: 4000, step: 20, epoch: 1, examplesPerSec: 150 },
    { t: 9000, step: 30, epoch: 2, examplesPerSec: 160 },
    { t: 10_000, step: 40, epoch: 2, examplesPerSec: 170 },
  ],
  epochEnds: [{ t: 7000, epoch: 1, numTensors: 40, heapBytes: 1, tfjsBytes: 1 }],
  insightsAsked: { evaluate: 2, featureMaps: 4, saliency: 3, predict: 1 },
};

describe('a studio run', () => {
  it('measures throughput without the warm-up or the validation pass', () => {
    const summary = summariseStudioRun(studioRaw, 64);
    // 3 000 → 4 000, 10 steps; 4 000 → 9 000, 10 steps of which 4 000 → 7 000 was validation;
    // 9 000 → 10 000, 10 steps: 30 steps of 64 in 4 s.
    expect(summary.examplesPerSec).toBe(480);
    expect(summary.readoutExamplesPerSec).toBe(170);
    expect(summary.firstWindowMs).toBe(2000);
  });

  it("measures each epoch alone, the second with what follows the first one's end", () => {
    const summary = summariseStudioRun(studioRaw, 64);
    expect(summary.firstEpochExamplesPerSec).toBe(640);
    // From epoch 1's last readback, without its validation: 20 steps of 64 in 2 + 1 s.
    expect(summary.secondEpochExamplesPerSec).toBeCloseTo((20 * 64) / 3);
  });

  it('counts the insights the panel asked, every kind the bench follows', () => {
    expect(summariseStudioRun(studioRaw, 64).insightsAsked).toEqual({
      evaluate: 2,
      examples: 0,
      featureMaps: 4,
      saliency: 3,
      weights: 0,
    });
  });

  it('reports the longest task, the tasks over 50 ms and the frame rate', () => {
    const summary = summariseStudioRun(studioRaw, 64);
    expect(summary.longestTaskMs).toBe(70);
    expect(summary.tasksOver50ms).toBe(2);
    expect(summary.framesPerSecond).toBe(50);
  });
});

describe('a throughput row', () => {
  const run = (examplesPerSec: number) => ({ examplesPerSec, readoutExamplesPerSec: 1 });
  const row = throughputRow(
    'webgl',
    'starter',
    {
      studio: [run(300), run(100), run(200)],
      studioLoop: [run(250)],
      reference: [run(200), run(250)],
      fit: [run(100)],
    },
    1000,
  );

  it('takes medians over repetitions and the ratios A/C, A/B and A/A0 of the medians', () => {
    expect(row.examplesPerSec).toEqual({ studio: 200, studioLoop: 250, reference: 225, fit: 100 });
    expect(row.ratios.studioOverFit).toBe(2);
    expect(row.ratios.studioOverReference).toBeCloseTo(200 / 225);
    expect(row.ratios.studioOverStudioLoop).toBe(0.8);
    expect(row.achievedFlopsPerSec.studio).toBe(200_000);
  });

  it("reports the median of what the studio's panel asked, by kind", () => {
    const asked = (featureMaps: number, weights: number) => ({
      ...run(1),
      insightsAsked: { evaluate: 2, examples: 8, featureMaps, saliency: 2, weights },
    });
    const counted = throughputRow(
      'webgl',
      'starter',
      { studio: [asked(4, 0), asked(8, 1), asked(4, 1)], studioLoop: [], reference: [], fit: [] },
      1,
    );
    expect(counted.studioInsightsAsked).toEqual({
      evaluate: 2,
      examples: 8,
      featureMaps: 4,
      saliency: 2,
      weights: 1,
    });
  });

  it('leaves a ratio null when a contender never ran', () => {
    const missing = throughputRow(
      'cpu',
      'starter',
      { studio: [run(1)], studioLoop: [], reference: [], fit: [] },
      1,
    );
    expect(missing.ratios).toEqual({
      studioOverFit: null,
      studioOverReference: null,
      studioOverStudioLoop: null,
    });
  });
});

describe('the targets', () => {
  it('say which hold, and leave what was not measured as null', () => {
    const targets: { id: string; holds: boolean | null }[] = evaluateTargets({
      throughput: [
        { backend: 'webgl', ratios: { studioOverFit: 1.6, studioOverReference: 0.95 } },
        { backend: 'cpu', ratios: { studioOverFit: 0.9, studioOverReference: 0.92 } },
      ],
      responsiveness: [{ worstLongestTaskMs: 40, framesPerSecond: 58 }],
      memory: {
        growthPercent: {
          studioTensors: 0,
          studioTfjsBytes: 0.5,
          referenceTensors: 0,
          referenceBytes: 0,
        },
      },
      startup: { pageJsGzipBytes: 260_000 },
    });
    const holds = Object.fromEntries(targets.map((t) => [t.id, t.holds]));
    expect(holds).toEqual({
      'studio-over-fit-webgl': true,
      'studio-over-fit-every-backend': false,
      'studio-over-reference': true,
      'longest-task': true,
      'frame-rate': true,
      'memory-flat': true,
      'soak-flat': null,
      'soak-heap-flat': null,
      ingest: null,
      'initial-js': false,
    });
  });
});

describe('the soak', () => {
  it('calls a series flat when its last reading is at most 1 % above its first', () => {
    expect(flatness([100, 140, 101])).toEqual({
      baseline: 100,
      last: 101,
      max: 140,
      growthPercent: 1,
      flat: true,
    });
    expect(flatness([100, 99, 102]).flat).toBe(false);
    expect(flatness([null, 50, 50])).toMatchObject({ baseline: 50, growthPercent: 0, flat: true });
    expect(flatness([7]).flat).toBeNull();
  });

  it('judges each series of epochs and cycles, and the target takes the largest growth', () => {
    const job = {
      backend: 'webgl',
      network: 'starter',
      batchSize: 32,
      epochs: 3,
      stepsPerEpoch: 10,
    };
    const reading = (numTensors: number, tfjsBytes: number, heapBytes: number) => ({
      numTensors,
      tfjsBytes,
      heapBytes,
      workerHeapBytes: heapBytes,
    });
    const soak = soakReport(job, 2, {
      epochs: [1, 2, 3].map((epoch) => ({ epoch, ...reading(40, 1000, 5000) })),
      cycles: [
        { cycle: 1, stepsBeforeStop: 1, ...reading(30, 1000, 5000) },
        { cycle: 2, stepsBeforeStop: 2, ...reading(33, 1005, 4000) },
      ],
    });
    expect(soak.examplesPerEpoch).toBe(320);
    expect(soak.verdicts.epochs.tensors.flat).toBe(true);
    expect(soak.verdicts.cycles.tensors).toMatchObject({ growthPercent: 10, flat: false });
    expect(soak.verdicts.cycles.tfjsBytes).toMatchObject({ growthPercent: 0.5, flat: true });
    expect(soak.verdicts.cycles.heapBytes).toMatchObject({ slopeBytes: -1000, flat: true });
    const targets = evaluateTargets({
      throughput: [],
      responsiveness: [],
      memory: { growthPercent: {} },
      startup: { pageJsGzipBytes: null },
      soak,
    });
    expect(targets.find((t) => t.id === 'soak-flat')).toMatchObject({ value: 10, holds: false });
  });

  it('calls a heap flat when, after warm-up, it grows by at most the allowance per reading', () => {
    const kb = 1024;
    // Warm-up (the first half) may grow by anything; the second half grows by 10 KB a reading.
    const warm = [4000, 5000, 5500, 5600, 5610, 5620, 5630, 5640].map((v) => v * kb);
    expect(heapTrend(warm, 16 * kb)).toMatchObject({
      baseline: 4000 * kb,
      last: 5640 * kb,
      slopeBytes: 10 * kb,
      allowanceBytes: 16 * kb,
      flat: true,
    });
    // A leak of 100 KB a reading is not flat, however large the heap.
    const leaking = [20_000, 20_100, 20_200, 20_300, 20_400, 20_500].map((v) => v * kb);
    expect(heapTrend(leaking, 16 * kb)).toMatchObject({ slopeBytes: 100 * kb, flat: false });
    // Unread readings are skipped; two readings are enough for a slope, one is not.
    expect(heapTrend([null, 10, 12], 1)).toMatchObject({ baseline: 10, slopeBytes: 2 });
    expect(heapTrend([7], 1)).toMatchObject({ slopeBytes: null, flat: null });
  });

  it('keeps every field, with empty series, when the soak failed', () => {
    const job = {
      backend: 'webgl',
      network: 'starter',
      batchSize: 16,
      epochs: 2,
      stepsPerEpoch: 10,
    };
    const soak = soakReport(job, 2, null);
    expect(soak.epochs).toEqual([]);
    expect(soak.verdicts.cycles.tensors).toEqual({
      baseline: null,
      last: null,
      max: null,
      growthPercent: null,
      flat: null,
    });
  });
});

describe('a dataset ingest', () => {
  const raw = {
    count: 2000,
    summaryAt: 20_000,
    loadEnd: { t: 19_500, outcome: 'loaded', message: null },
    progress: [{ t: 120, stage: 'reading', done: 0 }],
    // The first task began before the pick: the change handler that posts the files.
    longTasks: [
      { start: -10, duration: 60 },
      { start: 5000, duration: 120 },
      { start: 9000, duration: 51 },
    ],
    heapBytes: [10, 30, 20],
  };

  it('counts images/s from the drop to the summary, and the long tasks', () => {
    expect(summariseIngest(raw, { images: 2000, size: 512, format: 'jpeg' })).toEqual({
      status: 'measured',
      images: 2000,
      size: 512,
      format: 'jpeg',
      via: 'drop',
      loaded: 2000,
      imagesPerSec: 100,
      firstProgressMs: 120,
      loadEndMs: 19_500,
      summaryMs: 20_000,
      longestTaskMs: 120,
      tasksOver50ms: 3,
      tasksOver100ms: 1,
      handOverTaskMs: 60,
      peakHeapBytes: 30,
    });
  });

  it('keeps every field, empty, when the load failed', () => {
    const failed = summariseIngest(null, { images: 50, size: 128, format: 'jpeg' });
    expect(failed.status).toBe('failed');
    expect(failed.imagesPerSec).toBeNull();
    expect(failed.longestTaskMs).toBeNull();
  });

  it('decides the ingest target from the longest task', () => {
    const targets = evaluateTargets({
      throughput: [],
      responsiveness: [],
      memory: { growthPercent: {} },
      startup: { pageJsGzipBytes: null },
      ingest: summariseIngest(raw, { images: 2000, size: 512, format: 'jpeg' }),
    });
    expect(targets.find((t) => t.id === 'ingest')).toMatchObject({ value: 120, holds: false });
  });
});

describe('the kernel check', () => {
  const check = {
    backend: 'webgl',
    kernel: 'Conv2DBackpropInput',
    shape: 'x 32×12×12×8, filter 5×5×8×16, stride 1, valid',
    tfjsMs: 30,
    studioMs: 10,
  };

  it('gives the speedup and accepts float32 rounding', () => {
    const rows = [{ ...check, maxRelativeError: 3e-7 }];
    expect(kernelReport(rows)).toMatchObject([{ speedup: 3, agrees: true }]);
    expect(kernelDisagreements(kernelReport(rows))).toEqual([]);
  });

  it('names a kernel whose result strays from tfjs’s', () => {
    const rows = [{ ...check, maxRelativeError: 0.02 }];
    expect(kernelReport(rows)).toMatchObject([{ agrees: false }]);
    expect(kernelDisagreements(kernelReport(rows))).toEqual([
      "the studio's WebGL Conv2DBackpropInput differs from tfjs's by 2.0e-2 of its largest value (x 32×12×12×8, filter 5×5×8×16, stride 1, valid); at most 0.0001 is allowed",
    ]);
  });
});
