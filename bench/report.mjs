/**
 * Turns the raw runs of one bench into the report: medians per contender, ratios, FLOP/s,
 * and which of the targets hold. Pure: the runner gathers, this summarises.
 */
import { framesPerSecond, growthPercent, median, ratio, steadyRate } from './stats.mjs';

/** Training costs about three forward passes: the forward, and two for the backward pass. */
export const TRAINING_FLOPS_PER_FORWARD = 3;

/** The targets (issue 7), as numbers. */
export const TARGETS = {
  studioOverFitWebgl: 1.5,
  studioOverFitEveryBackend: 1.0,
  studioOverReference: 0.9,
  longestTaskMs: 50,
  framesPerSecond: 50,
  memoryGrowthPercent: 1,
  initialJsGzipBytes: 250_000,
};

/** The insight requests the bench counts in the studio's runs: what the panel kept live. */
export const INSIGHT_KINDS = ['evaluate', 'examples', 'featureMaps', 'saliency', 'weights'];

/** Examples/s, first-step time and responsiveness of one studio run (contender A). */
export function summariseStudioRun(raw, batchSize) {
  const marks = [{ t: raw.start, step: 0 }, ...raw.progress.map(({ t, step }) => ({ t, step }))];
  // Validation runs between an epoch's last readback and its end event: the time the bench
  // leaves out, as B and C validate nothing. What the studio does after the end event (the
  // checkpoint, the live insights answered between the next steps) counts.
  const pauses = raw.epochEnds.map((e) => ({
    from: Math.max(raw.start, ...marks.filter((m) => m.t <= e.t).map((m) => m.t)),
    to: e.t,
  }));
  const last = raw.progress[raw.progress.length - 1];
  const inEpoch = (epoch) =>
    raw.progress.filter((p) => p.epoch === epoch).map(({ t, step }) => ({ t, step }));
  // Epoch 2 from epoch 1's last readback, the same mark twice: steadyRate leaves out a first
  // interval, here an empty one, so the insights asked at epoch 1's end count.
  const lastOfFirst = inEpoch(1).slice(-1);
  return {
    examplesPerSec: steadyRate(marks, batchSize, pauses),
    firstEpochExamplesPerSec: steadyRate([{ t: raw.start, step: 0 }, ...inEpoch(1)], batchSize),
    // Live insights refresh only from the end of epoch 1, so the second epoch shows their cost.
    secondEpochExamplesPerSec: steadyRate(
      [...lastOfFirst, ...lastOfFirst, ...inEpoch(2)],
      batchSize,
      pauses,
    ),
    readoutExamplesPerSec: last ? last.examplesPerSec : null,
    firstWindowMs: raw.progress.length > 0 ? raw.progress[0].t - raw.start : null,
    longestTaskMs: raw.longTasks.length > 0 ? Math.max(...raw.longTasks) : 0,
    tasksOver50ms: raw.longTasks.filter((d) => d > 50).length,
    framesPerSecond: framesPerSecond(raw.frames),
    interactiveMs: raw.interactiveMs,
    insightsAsked: Object.fromEntries(
      INSIGHT_KINDS.map((kind) => [kind, raw.insightsAsked?.[kind] ?? 0]),
    ),
  };
}

/** Examples/s and first-step time of one reference (B) or `model.fit` (C) run. */
export function summariseWorkerRun(raw, batchSize) {
  return { examplesPerSec: steadyRate(raw.marks, batchSize), firstStepMs: raw.firstStepMs };
}

const pick = (runs, key) => median(runs.map((r) => r[key]).filter((v) => v !== null));

/**
 * One row of the throughput table: medians over repetitions of each contender, the ratios
 * the issue asks for, and the FLOP/s each achieved.
 */
export function throughputRow(backend, network, runs, trainingFlopsPerExample) {
  const studio = pick(runs.studio, 'examplesPerSec');
  const studioLoop = pick(runs.studioLoop ?? [], 'examplesPerSec');
  const reference = pick(runs.reference, 'examplesPerSec');
  const fit = pick(runs.fit, 'examplesPerSec');
  const flops = (rate) => (rate === null ? null : rate * trainingFlopsPerExample);
  return {
    backend,
    network,
    examplesPerSec: { studio, studioLoop, reference, fit },
    studioReadoutExamplesPerSec: pick(runs.studio, 'readoutExamplesPerSec'),
    studioByEpoch: {
      first: pick(runs.studio, 'firstEpochExamplesPerSec'),
      second: pick(runs.studio, 'secondEpochExamplesPerSec'),
    },
    // What the studio's Insights panel asked during a run (median over its runs), by kind.
    studioInsightsAsked: Object.fromEntries(
      INSIGHT_KINDS.map((kind) => [
        kind,
        median(runs.studio.map((r) => r.insightsAsked?.[kind] ?? 0)),
      ]),
    ),
    ratios: {
      studioOverFit: ratio(studio, fit),
      studioOverReference: ratio(studio, reference),
      // What the page, the protocol and the live insights cost the studio's own loop.
      studioOverStudioLoop: ratio(studio, studioLoop),
    },
    achievedFlopsPerSec: {
      studio: flops(studio),
      studioLoop: flops(studioLoop),
      reference: flops(reference),
      fit: flops(fit),
    },
    repetitions: {
      studio: runs.studio.map((r) => r.examplesPerSec),
      studioLoop: (runs.studioLoop ?? []).map((r) => r.examplesPerSec),
      reference: runs.reference.map((r) => r.examplesPerSec),
      fit: runs.fit.map((r) => r.examplesPerSec),
    },
  };
}

/** Medians of the studio's responsiveness over its runs on one backend and network. */
export function responsivenessRow(backend, network, studioRuns) {
  return {
    backend,
    network,
    longestTaskMs: pick(studioRuns, 'longestTaskMs'),
    worstLongestTaskMs: studioRuns.length
      ? Math.max(...studioRuns.map((r) => r.longestTaskMs))
      : null,
    tasksOver50ms: pick(studioRuns, 'tasksOver50ms'),
    framesPerSecond: pick(studioRuns, 'framesPerSecond'),
  };
}

/** Memory after each epoch, and its growth from the first epoch to the last, in percent. */
export function memoryReport(backend, network, studioEpochs, referenceEpochs) {
  return {
    backend,
    network,
    studio: studioEpochs.map(({ epoch, numTensors, tfjsBytes, heapBytes }) => ({
      epoch,
      numTensors,
      tfjsBytes,
      heapBytes,
    })),
    reference: referenceEpochs,
    growthPercent: {
      studioTensors: growthPercent(studioEpochs.map((e) => e.numTensors)),
      studioTfjsBytes: growthPercent(studioEpochs.map((e) => e.tfjsBytes ?? NaN)),
      studioHeapBytes: growthPercent(studioEpochs.map((e) => e.heapBytes ?? NaN)),
      referenceTensors: growthPercent(referenceEpochs.map((e) => e.numTensors)),
      referenceBytes: growthPercent(referenceEpochs.map((e) => e.numBytes)),
    },
  };
}

/**
 * Whether a series stayed flat: its last value at most `TARGETS.memoryGrowthPercent` above its
 * first. The first reading is the baseline because it is taken after the first epoch (or the
 * first start/stop cycle) has run: by then the one-time allocations are made (the data on the
 * device, the model's weights, the optimizer's moments created at the first step, compiled
 * shaders), so what grows after it grows with time.
 */
export function flatness(values) {
  const known = values.filter((v) => v !== null && Number.isFinite(v));
  const growth = growthPercent(known);
  return {
    baseline: known.length > 0 ? known[0] : null,
    last: known.length > 0 ? known[known.length - 1] : null,
    max: known.length > 0 ? Math.max(...known) : null,
    growthPercent: growth,
    flat: growth === null ? null : growth <= TARGETS.memoryGrowthPercent,
  };
}

/**
 * How much a JS heap (the page's, or the engine worker's) may grow per epoch of one run, or per
 * run started and stopped, and still be flat. The studio keeps some data for every epoch and
 * every run by design: per epoch, a train point per readback window, a validation point and a
 * Grad-CAM filmstrip frame (its record, and the figure the Insights panel draws for it); per
 * run, its record in the run history (network, settings, curves, scores) and, in the worker,
 * the last 12 runs' weights for ensembles (their numbers are typed arrays, outside the JS heap).
 * For the soak's runs that is a few KB; the allowance is several times that, and a tenth of the
 * smallest leak measured before (0.14 MB per epoch, 1.6 MB per run).
 */
export const HEAP_ALLOWANCE = { perEpochBytes: 16 * 1024, perCycleBytes: 16 * 1024 };

/** Slope of the least-squares line through points {x, y}. */
function slopeOf(points) {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return sxx === 0 ? null : sxy / sxx;
}

/**
 * Whether a JS heap stayed flat over the soak: once warmed up, it grows by at most
 * `allowanceBytes` per reading (per epoch, or per start/stop cycle). Warm-up is the first half
 * of the readings: lazy chunks load, the Insights panel draws everything once, V8 compiles
 * the hot functions, caches of example images fill. The trend is the least-squares slope
 * through the second half, so one noisy reading does not decide; a leak grows at a steady
 * rate and shows there, warm-up does not. Readings are after a full garbage collection.
 */
export function heapTrend(values, allowanceBytes) {
  const known = values
    .map((y, i) => ({ x: i + 1, y }))
    .filter(({ y }) => y !== null && Number.isFinite(y));
  const ys = known.map((p) => p.y);
  // The second half, and at least the last two readings (the smoke run's soak has two).
  const tail = known.slice(Math.min(Math.floor(known.length / 2), known.length - 2));
  const slope = tail.length >= 2 ? slopeOf(tail) : null;
  return {
    baseline: known.length > 0 ? ys[0] : null,
    last: known.length > 0 ? ys[ys.length - 1] : null,
    max: known.length > 0 ? Math.max(...ys) : null,
    growthPercent: growthPercent(ys),
    /** Bytes per reading, over the second half of the readings. */
    slopeBytes: slope,
    allowanceBytes,
    flat: slope === null ? null : slope <= allowanceBytes,
  };
}

/**
 * The soak's series, each with its verdict: tensors and tfjs bytes by `flatness`, the page's
 * and the worker's JS heap by `heapTrend` with `allowance` bytes per reading.
 */
function verdicts(readings, allowance) {
  return {
    tensors: flatness(readings.map((r) => r.numTensors)),
    tfjsBytes: flatness(readings.map((r) => r.tfjsBytes)),
    heapBytes: heapTrend(
      readings.map((r) => r.heapBytes),
      allowance,
    ),
    workerHeapBytes: heapTrend(
      readings.map((r) => r.workerHeapBytes ?? null),
      allowance,
    ),
  };
}

/**
 * The soak section: memory after each epoch of one long run and after each start/stop cycle,
 * and whether each series stayed flat. `raw` is null when the soak failed (see `errors`).
 */
export function soakReport(job, cycleCount, raw) {
  const epochs = raw?.epochs ?? [];
  const cycles = raw?.cycles ?? [];
  return {
    backend: job.backend,
    network: job.network,
    batchSize: job.batchSize,
    examplesPerEpoch: job.stepsPerEpoch * job.batchSize,
    epochCount: job.epochs,
    cycleCount,
    epochs,
    cycles,
    verdicts: {
      epochs: verdicts(epochs, HEAP_ALLOWANCE.perEpochBytes),
      cycles: verdicts(cycles, HEAP_ALLOWANCE.perCycleBytes),
    },
    /** With `--heap-snapshots`: what the page's heap gained between two snapshots (soak.mjs). */
    heapGrowth: raw?.heapGrowth ?? null,
  };
}

/**
 * The ingest section of the report from one folder load (bench/ingest.mjs), or, when `raw` is
 * null (the load failed; the report's `errors` say why), the same fields with null values.
 * Times are in ms from the moment the folder was handed over (dropped on the drop zone).
 */
export function summariseIngest(raw, { images, size, format }) {
  const base = { images, size, format, via: 'drop' };
  if (!raw) {
    return {
      status: 'failed',
      ...base,
      loaded: null,
      imagesPerSec: null,
      firstProgressMs: null,
      loadEndMs: null,
      summaryMs: null,
      longestTaskMs: null,
      tasksOver50ms: null,
      tasksOver100ms: null,
      handOverTaskMs: null,
      peakHeapBytes: null,
    };
  }
  const durations = raw.longTasks.map((task) => task.duration);
  // The task the hand-over itself started: the page's drop handler, which starts the walk.
  const handOverTask = raw.longTasks.find(
    (task) => task.start <= 0 && task.start + task.duration > 0,
  );
  return {
    status: 'measured',
    ...base,
    loaded: raw.count,
    imagesPerSec: raw.summaryAt > 0 ? (raw.count / raw.summaryAt) * 1000 : null,
    firstProgressMs: raw.progress.length > 0 ? raw.progress[0].t : null,
    loadEndMs: raw.loadEnd.t,
    summaryMs: raw.summaryAt,
    longestTaskMs: durations.length > 0 ? Math.max(...durations) : 0,
    tasksOver50ms: durations.filter((d) => d > 50).length,
    tasksOver100ms: durations.filter((d) => d > 100).length,
    handOverTaskMs: handOverTask ? handOverTask.duration : 0,
    peakHeapBytes: raw.heapBytes.length > 0 ? Math.max(...raw.heapBytes) : null,
  };
}

function target(id, description, goal, value, holds) {
  return { id, description, target: goal, value, holds: value === null ? null : holds(value) };
}

const minOf = (values) => {
  const known = values.filter((v) => v !== null && Number.isFinite(v));
  return known.length ? Math.min(...known) : null;
};
const maxOf = (values) => {
  const known = values.filter((v) => v !== null && Number.isFinite(v));
  return known.length ? Math.max(...known) : null;
};

/**
 * Each of the targets with the measured value and whether it holds (null: not measured).
 * @param {{ throughput: any, responsiveness: any, memory: any, startup: any, ingest?: any, soak?: any }} report
 */
export function evaluateTargets({ throughput, responsiveness, memory, startup, ingest, soak }) {
  const webgl = throughput.filter((row) => row.backend === 'webgl');
  const growth = memory.growthPercent;
  const soaked = soak ? [soak.verdicts.epochs, soak.verdicts.cycles] : [];
  const heapSlope = maxOf(
    soaked.flatMap((v) => [v.heapBytes.slopeBytes, v.workerHeapBytes.slopeBytes]),
  );
  return [
    target(
      'studio-over-fit-webgl',
      'A/C on WebGL (lowest over networks)',
      `≥ ${TARGETS.studioOverFitWebgl}`,
      minOf(webgl.map((row) => row.ratios.studioOverFit)),
      (v) => v >= TARGETS.studioOverFitWebgl,
    ),
    target(
      'studio-over-fit-every-backend',
      'A/C on every backend (lowest)',
      `≥ ${TARGETS.studioOverFitEveryBackend}`,
      minOf(throughput.map((row) => row.ratios.studioOverFit)),
      (v) => v >= TARGETS.studioOverFitEveryBackend,
    ),
    target(
      'studio-over-reference',
      'A/B on every backend (lowest)',
      `≥ ${TARGETS.studioOverReference}`,
      minOf(throughput.map((row) => row.ratios.studioOverReference)),
      (v) => v >= TARGETS.studioOverReference,
    ),
    target(
      'longest-task',
      'longest main-thread task while training with live insights (worst run), ms',
      `≤ ${TARGETS.longestTaskMs}`,
      maxOf(responsiveness.map((row) => row.worstLongestTaskMs)),
      (v) => v <= TARGETS.longestTaskMs,
    ),
    target(
      'frame-rate',
      'requestAnimationFrame rate while training (lowest median), fps',
      `≥ ${TARGETS.framesPerSecond}`,
      minOf(responsiveness.map((row) => row.framesPerSecond)),
      (v) => v >= TARGETS.framesPerSecond,
    ),
    target(
      'memory-flat',
      'growth of tensors and tfjs bytes from the first epoch to the last (largest), %',
      `≤ ${TARGETS.memoryGrowthPercent}`,
      maxOf([
        growth.studioTensors,
        growth.studioTfjsBytes,
        growth.referenceTensors,
        growth.referenceBytes,
      ]),
      (v) => v <= TARGETS.memoryGrowthPercent,
    ),
    target(
      'soak-flat',
      `growth of tensors and tfjs bytes over the soak's ${soak?.epochCount ?? '?'} epochs and ${soak?.cycleCount ?? '?'} start/stop cycles, from the first (largest), %`,
      `≤ ${TARGETS.memoryGrowthPercent}`,
      maxOf(soaked.flatMap((v) => [v.tensors.growthPercent, v.tfjsBytes.growthPercent])),
      (v) => v <= TARGETS.memoryGrowthPercent,
    ),
    target(
      'soak-heap-flat',
      `growth of the page's and the engine worker's JS heap per epoch (of ${soak?.epochCount ?? '?'}) and per start/stop cycle (of ${soak?.cycleCount ?? '?'}), after warm-up, least-squares over the second half (largest), KB`,
      `≤ ${HEAP_ALLOWANCE.perEpochBytes / 1024}`,
      heapSlope === null ? null : heapSlope / 1024,
      (v) => v <= HEAP_ALLOWANCE.perEpochBytes / 1024,
    ),
    target(
      'ingest',
      `longest main-thread task while ${ingest?.images ?? '?'} images load through the folder path, ms`,
      `≤ ${TARGETS.longestTaskMs}`,
      ingest?.longestTaskMs ?? null,
      (v) => v <= TARGETS.longestTaskMs,
    ),
    target(
      'initial-js',
      'gzip bytes of the JavaScript the page loads before Train is enabled',
      `≤ ${TARGETS.initialJsGzipBytes}`,
      startup.pageJsGzipBytes,
      (v) => v <= TARGETS.initialJsGzipBytes,
    ),
  ];
}

/** Backends as the report's sentences name them. */
const BACKEND_NAMES = { webgl: 'WebGL', webgpu: 'WebGPU' };

/** How far the studio's kernels may stray from tfjs's: float32 sums in another order. */
export const KERNEL_TOLERANCE = 1e-4;

/**
 * The kernel section of the report from the kernel check (bench/kernels.worker.ts): each
 * check with tfjs's time over the studio's (`speedup`), and whether it agrees with tfjs.
 */
export function kernelReport(checks) {
  return checks.map((c) => ({
    ...c,
    speedup: c.studioMs > 0 ? c.tfjsMs / c.studioMs : null,
    agrees: c.maxRelativeError <= KERNEL_TOLERANCE,
  }));
}

/** Each kernel of the report that disagrees with tfjs's, in words. */
export function kernelDisagreements(kernels) {
  return kernels
    .filter((k) => !k.agrees)
    .map(
      (k) =>
        `the studio's ${BACKEND_NAMES[k.backend] ?? k.backend} ${k.kernel} differs from tfjs's by ${k.maxRelativeError.toExponential(1)} of its largest value (${k.shape}); at most ${KERNEL_TOLERANCE} is allowed`,
    );
}
