import { describe, expect, it } from 'vitest';
import { checkReport } from './report-schema.mjs';

/** A complete report with one of everything, as a smoke run writes it. */
function makeReport(): Record<string, unknown> {
  const rates = { studio: 1, studioLoop: 1, reference: 1, fit: 1 };
  const flat = { baseline: 1, last: 1, max: 1, growthPercent: 0, flat: true };
  const heap = { ...flat, slopeBytes: 1, allowanceBytes: 16_384 };
  const verdicts = { tensors: flat, tfjsBytes: flat, heapBytes: heap, workerHeapBytes: heap };
  return {
    schema: 'layerwise-bench/1',
    mode: 'smoke',
    date: '2026-11-22T00:00:00.000Z',
    command: 'node bench/run.mjs --smoke',
    machine: {
      cpus: 2,
      cpuModel: 'cpu',
      memoryGiB: 8,
      platform: 'linux x64',
      node: 'v20',
      chromium: '140',
      webglRenderer: 'SwiftShader',
    },
    settings: {
      reps: 1,
      batchSize: 16,
      backends: ['webgl'],
      networks: ['starter'],
      order: ['studio', 'studioLoop', 'reference', 'fit'],
    },
    networks: [{ network: 'starter', params: 1, forwardFlops: 1, trainingFlopsPerExample: 3 }],
    throughput: [
      {
        backend: 'webgl',
        network: 'starter',
        steps: 20,
        examplesPerSec: rates,
        studioReadoutExamplesPerSec: 1,
        studioInsightsAsked: { evaluate: 2, examples: 8, featureMaps: 4, saliency: 2, weights: 0 },
        ratios: { studioOverFit: 1, studioOverReference: 1, studioOverStudioLoop: 1 },
        achievedFlopsPerSec: rates,
        repetitions: { studio: [1], studioLoop: [1], reference: [1], fit: [1] },
      },
    ],
    firstStep: [{ backend: 'webgl', referenceMs: 1, fitMs: 1, studioFirstWindowMs: 1 }],
    responsiveness: [
      {
        backend: 'webgl',
        network: 'starter',
        longestTaskMs: 1,
        worstLongestTaskMs: 1,
        tasksOver50ms: 0,
        framesPerSecond: 60,
      },
    ],
    kernels: [
      {
        backend: 'webgl',
        kernel: 'Conv2DBackpropInput',
        shape: 'x 32×12×12×8, filter 5×5×8×16, stride 1, valid',
        tfjsMs: 30,
        studioMs: 10,
        speedup: 3,
        maxRelativeError: 1e-7,
        agrees: true,
      },
    ],
    memory: {
      backend: 'webgl',
      network: 'starter',
      studio: [{ epoch: 1, numTensors: 1, tfjsBytes: 1, heapBytes: 1 }],
      reference: [{ epoch: 1, numTensors: 1, numBytes: 1 }],
      growthPercent: {
        studioTensors: 0,
        studioTfjsBytes: 0,
        studioHeapBytes: 0,
        referenceTensors: 0,
        referenceBytes: 0,
      },
    },
    soak: {
      backend: 'webgl',
      network: 'starter',
      batchSize: 16,
      examplesPerEpoch: 160,
      epochCount: 2,
      cycleCount: 2,
      epochs: [
        {
          epoch: 1,
          numTensors: 1,
          tfjsBytes: 1,
          heapBytes: 1,
          arrayBufferBytes: 1,
          workerHeapBytes: 1,
        },
      ],
      cycles: [
        {
          cycle: 1,
          stepsBeforeStop: 1,
          numTensors: 1,
          tfjsBytes: 1,
          heapBytes: 1,
          arrayBufferBytes: 1,
          workerHeapBytes: 1,
        },
      ],
      verdicts: { epochs: structuredClone(verdicts), cycles: structuredClone(verdicts) },
    },
    startup: {
      backend: 'webgl',
      interactiveMs: 1,
      pageJsGzipBytes: 1,
      workerJsGzipBytes: 1,
      scripts: [{ path: 'assets/index.js', context: 'page', gzipBytes: 1 }],
    },
    ingest: {
      status: 'measured',
      images: 2000,
      size: 512,
      format: 'jpeg',
      loaded: 2000,
      imagesPerSec: 100,
      firstProgressMs: 50,
      loadEndMs: 19_000,
      summaryMs: 20_000,
      longestTaskMs: 40,
      tasksOver50ms: 0,
      tasksOver100ms: 0,
      handOverTaskMs: 0,
      via: 'drop',
      peakHeapBytes: 1,
    },
    targets: [
      { id: 'frame-rate', description: 'fps', target: '≥ 50', value: 60, holds: true },
      { id: 'ingest', description: 'ingest', target: '≤ 50', value: 40, holds: true },
    ],
    errors: [],
  };
}

describe('the report check', () => {
  it('accepts a complete report, strictly too', () => {
    expect(checkReport(makeReport())).toEqual([]);
    expect(checkReport(makeReport(), { strict: true })).toEqual([]);
  });

  it('names a missing field by its path', () => {
    const report = makeReport();
    delete (report.machine as Record<string, unknown>).cpus;
    expect(checkReport(report)).toEqual(['machine.cpus is missing']);
  });

  it('names a field of the wrong type, and an empty list', () => {
    const report = makeReport();
    report.mode = 3;
    report.firstStep = [];
    expect(checkReport(report)).toEqual(['mode should be a string, not 3', 'firstStep is empty']);
  });

  it('allows a measurement that could not be made, except in a strict (smoke) check', () => {
    const report = makeReport();
    (report.throughput as { ratios: { studioOverFit: unknown } }[])[0]!.ratios.studioOverFit = null;
    expect(checkReport(report)).toEqual([]);
    expect(checkReport(report, { strict: true })).toEqual([
      'throughput[0].ratios.studioOverFit should be a number, not null',
    ]);
  });

  it('needs dataset ingest measured in a strict check', () => {
    const report = makeReport();
    (report.ingest as { imagesPerSec: unknown }).imagesPerSec = null;
    (report.targets as { value: unknown }[])[1]!.value = null;
    expect(checkReport(report)).toEqual([]);
    expect(checkReport(report, { strict: true })).toEqual([
      'ingest.imagesPerSec should be a number, not null',
      'targets[1].value should be a number, not null',
    ]);
  });

  it('needs the soak, with a verdict for every series', () => {
    const report = makeReport();
    const soak = report.soak as {
      cycles: unknown[];
      verdicts: { cycles: { heapBytes?: unknown } };
    };
    soak.cycles = [];
    delete soak.verdicts.cycles.heapBytes;
    expect(checkReport(report)).toEqual([
      'soak.cycles is empty',
      'soak.verdicts.cycles.heapBytes should be an object',
    ]);
  });

  it('rejects what is not a report at all', () => {
    expect(checkReport(null)).toEqual(['the report should be an object']);
    expect(checkReport(JSON.parse('[]'))).toEqual(['the report should be an object']);
  });
});
