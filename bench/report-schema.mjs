/**
 * The shape of the bench's JSON report, and a check that names every field that is missing
 * or of the wrong type. `npm run bench:smoke` fails on any problem it finds.
 *
 * Leaves: 'number', 'string', 'boolean', 'array' (any list, empty included); a trailing '?' allows null
 * (a measurement that could not be made; the report's `errors` say why). An array schema
 * `[item]` needs at least one element, each matching `item`.
 */

const CONTENDERS = {
  studio: 'number?',
  studioLoop: 'number?',
  reference: 'number?',
  fit: 'number?',
};

/** Whether one series of soak readings stayed flat (bench/report.mjs, `flatness`). */
const VERDICT = {
  baseline: 'number?',
  last: 'number?',
  max: 'number?',
  growthPercent: 'number?',
  flat: 'boolean?',
};
/** Whether a JS heap stayed flat once warmed up (bench/report.mjs, `heapTrend`). */
const HEAP_VERDICT = {
  ...VERDICT,
  slopeBytes: 'number?',
  allowanceBytes: 'number',
};
const SERIES_VERDICTS = {
  tensors: VERDICT,
  tfjsBytes: VERDICT,
  heapBytes: HEAP_VERDICT,
  workerHeapBytes: HEAP_VERDICT,
};

/** The report, field by field. The smoke run fills every field too, the soak with fewer epochs and cycles. */
export const REPORT_SCHEMA = {
  schema: 'string',
  mode: 'string',
  date: 'string',
  command: 'string',
  machine: {
    cpus: 'number',
    cpuModel: 'string',
    memoryGiB: 'number',
    platform: 'string',
    node: 'string',
    chromium: 'string',
    webglRenderer: 'string?',
  },
  settings: {
    reps: 'number',
    batchSize: 'number',
    backends: ['string'],
    networks: ['string'],
    order: ['string'],
  },
  networks: [
    {
      network: 'string',
      params: 'number',
      forwardFlops: 'number',
      trainingFlopsPerExample: 'number',
    },
  ],
  throughput: [
    {
      backend: 'string',
      network: 'string',
      steps: 'number',
      examplesPerSec: CONTENDERS,
      studioReadoutExamplesPerSec: 'number?',
      studioInsightsAsked: {
        evaluate: 'number?',
        examples: 'number?',
        featureMaps: 'number?',
        saliency: 'number?',
        weights: 'number?',
      },
      ratios: {
        studioOverFit: 'number?',
        studioOverReference: 'number?',
        studioOverStudioLoop: 'number?',
      },
      achievedFlopsPerSec: CONTENDERS,
      repetitions: {
        studio: ['number?'],
        studioLoop: ['number?'],
        reference: ['number?'],
        fit: ['number?'],
      },
    },
  ],
  firstStep: [
    { backend: 'string', referenceMs: 'number?', fitMs: 'number?', studioFirstWindowMs: 'number?' },
  ],
  responsiveness: [
    {
      backend: 'string',
      network: 'string',
      longestTaskMs: 'number?',
      worstLongestTaskMs: 'number?',
      tasksOver50ms: 'number?',
      framesPerSecond: 'number?',
    },
  ],
  kernels: [
    {
      backend: 'string',
      kernel: 'string',
      shape: 'string',
      tfjsMs: 'number',
      studioMs: 'number',
      speedup: 'number?',
      maxRelativeError: 'number',
      agrees: 'boolean',
    },
  ],
  memory: {
    backend: 'string',
    network: 'string',
    studio: [{ epoch: 'number', numTensors: 'number', tfjsBytes: 'number?', heapBytes: 'number?' }],
    reference: [{ epoch: 'number', numTensors: 'number', numBytes: 'number' }],
    growthPercent: {
      studioTensors: 'number?',
      studioTfjsBytes: 'number?',
      studioHeapBytes: 'number?',
      referenceTensors: 'number?',
      referenceBytes: 'number?',
    },
  },
  soak: {
    backend: 'string',
    network: 'string',
    batchSize: 'number',
    examplesPerEpoch: 'number',
    epochCount: 'number',
    cycleCount: 'number',
    epochs: [
      {
        epoch: 'number',
        numTensors: 'number',
        tfjsBytes: 'number?',
        heapBytes: 'number?',
        arrayBufferBytes: 'number?',
        workerHeapBytes: 'number?',
      },
    ],
    cycles: [
      {
        cycle: 'number',
        stepsBeforeStop: 'number?',
        numTensors: 'number?',
        tfjsBytes: 'number?',
        heapBytes: 'number?',
        arrayBufferBytes: 'number?',
        workerHeapBytes: 'number?',
      },
    ],
    verdicts: { epochs: SERIES_VERDICTS, cycles: SERIES_VERDICTS },
  },
  startup: {
    backend: 'string',
    interactiveMs: 'number?',
    pageJsGzipBytes: 'number?',
    workerJsGzipBytes: 'number?',
    scripts: [{ path: 'string', context: 'string', gzipBytes: 'number' }],
  },
  ingest: {
    status: 'string',
    images: 'number',
    size: 'number',
    format: 'string',
    loaded: 'number?',
    imagesPerSec: 'number?',
    firstProgressMs: 'number?',
    loadEndMs: 'number?',
    summaryMs: 'number?',
    longestTaskMs: 'number?',
    tasksOver50ms: 'number?',
    tasksOver100ms: 'number?',
    handOverTaskMs: 'number?',
    via: 'string',
    peakHeapBytes: 'number?',
  },
  targets: [
    {
      id: 'string',
      description: 'string',
      target: 'string',
      value: 'number?',
      holds: 'boolean?',
    },
  ],
  errors: 'array',
};

function typeOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function check(value, schema, path, problems, strict) {
  if (typeof schema === 'string') {
    const nullable = schema.endsWith('?');
    const type = nullable ? schema.slice(0, -1) : schema;
    if (value === null && nullable && !strict) return;
    if (value === undefined) {
      problems.push(`${path} is missing`);
    } else if (type === 'number' ? !Number.isFinite(value) : typeOf(value) !== type) {
      problems.push(
        `${path} should be a ${type}${nullable && !strict ? ' or null' : ''}, not ${JSON.stringify(value)}`,
      );
    }
    return;
  }
  if (Array.isArray(schema)) {
    if (!Array.isArray(value)) {
      problems.push(`${path} should be a list`);
    } else if (value.length === 0) {
      problems.push(`${path} is empty`);
    } else {
      value.forEach((item, i) => check(item, schema[0], `${path}[${i}]`, problems, strict));
    }
    return;
  }
  if (typeOf(value) !== 'object') {
    problems.push(`${path || 'the report'} should be an object`);
    return;
  }
  for (const [key, child] of Object.entries(schema)) {
    check(value[key], child, path ? `${path}.${key}` : key, problems, strict);
  }
}

/**
 * Every way `report` differs from the schema, in words; empty when it is well-formed.
 * With `strict`, fields that allow null must hold a value too (the smoke run measures all,
 * dataset ingest included).
 */
export function checkReport(report, { strict = false } = {}) {
  const problems = [];
  check(report, REPORT_SCHEMA, '', problems, strict);
  return problems;
}
