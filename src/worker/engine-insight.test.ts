import { existsSync, readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WorkerEvent } from '../shared/protocol';
import { DEFAULT_SETTINGS } from '../shared/train-settings';
import { chain, layer } from '../model/spec-builder';
import { Engine } from './engine';
import type { InsightResult } from '../shared/insights';
import type { InsightContext } from './insights';
import { answerInsight } from './insights';
import { InFlight } from './in-flight';
import { halvesDataset, makeContext, makeDataset } from './insights/test-fixtures';
import { TrainingRun } from './training-run';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const SAMPLE = 'public/samples/mnist-digits.bin.gz';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Engine insight command', () => {
  it('answers insightError in plain words before any training', async () => {
    const events: WorkerEvent[] = [];
    const engine = new Engine((event) => events.push(event));
    await engine.handle({ type: 'insight', request: { kind: 'weights', requestId: 7 } });
    expect(events).toEqual([
      {
        type: 'insightError',
        requestId: 7,
        message: 'Train the network first: there is no model to look inside yet.',
      },
    ]);
  });

  // The sample is built by `npm install` (scripts/build-samples.mjs).
  it.skipIf(!existsSync(SAMPLE))(
    'answers during and after a run on the MNIST sample',
    async () => {
      const bytes = readFileSync(SAMPLE);
      vi.stubGlobal('fetch', () => Promise.resolve(new Response(bytes)));
      const events: WorkerEvent[] = [];
      let engine: Engine | null = null;
      let asked = false;
      const during: Promise<void>[] = [];
      engine = new Engine((event) => {
        events.push(event);
        // An insight request arriving mid-run, as a page message would.
        if (event.type === 'progress' && !asked && engine) {
          asked = true;
          during.push(
            engine.handle({ type: 'insight', request: { kind: 'weights', requestId: 1 } }),
          );
        }
      });
      await engine.handle({ type: 'init', backend: 'cpu', assetBase: 'http://studio.test/' });
      const model = chain([
        layer('input', 'input', { shape: [28, 28, 1] }),
        layer('conv2d', 'conv', { filters: 4, kernelSize: 3, activation: 'relu' }),
        layer('maxPool2d', 'pool', { poolSize: 2, strides: 2 }),
        layer('flatten', 'flat'),
        layer('dense', 'out', { units: 10, activation: 'softmax' }),
      ]);
      const settings = { ...DEFAULT_SETTINGS, epochs: 1, batchSize: 32, examplesPerEpoch: 640 };
      await engine.handle({ type: 'train', spec: model, settings });
      await Promise.all(during);
      expect(events.find((e) => e.type === 'runEnd')).toMatchObject({ outcome: 'completed' });
      expect(events.find((e) => e.type === 'insight')).toMatchObject({
        requestId: 1,
        result: { kind: 'weights' },
      });

      const before = tf.memory().numTensors;
      await engine.handle({
        type: 'insight',
        request: { kind: 'evaluate', requestId: 2, split: 'test' },
      });
      await engine.handle({
        type: 'insight',
        request: {
          kind: 'featureMaps',
          requestId: 3,
          images: [{ source: 'split', split: 'test', index: 9 }],
        },
      });
      expect(tf.memory().numTensors).toBe(before);
      const answers = events.filter((e) => e.type === 'insight').map((e) => e.result);
      const evaluation = answers.find((r) => r.kind === 'evaluation');
      if (evaluation?.kind !== 'evaluation') throw new Error('no evaluation');
      expect(evaluation.confusion).toHaveLength(10);
      expect(evaluation.confusion.flat().reduce((a, b) => a + b, 0)).toBe(1000);
      expect(evaluation.accuracy).toBeGreaterThan(0.3);
      const maps = answers.find((r) => r.kind === 'featureMaps');
      expect(
        maps?.kind === 'featureMaps' && maps.images[0]?.layers.map((l) => l.output.shape),
      ).toEqual([
        [26, 26, 4],
        [13, 13, 4],
      ]);
    },
    60_000,
  );
});

describe('the validation evaluation during a run', () => {
  it.skipIf(!existsSync(SAMPLE))(
    "is the latest epoch end's, from that epoch's own validation pass, without a second pass",
    async () => {
      const bytes = readFileSync(SAMPLE);
      vi.stubGlobal('fetch', () => Promise.resolve(new Response(bytes)));
      const predict = vi.spyOn(tf.LayersModel.prototype, 'predict');
      const events: WorkerEvent[] = [];
      let engine: Engine | null = null;
      const asked: { predictCalls?: Promise<number> } = {};
      const evaluateValidation = (requestId: number) =>
        ({
          type: 'insight',
          request: { kind: 'evaluate', requestId, split: 'validation' },
        }) as const;
      engine = new Engine((event) => {
        events.push(event);
        // Asked as the Insights panel does when the first epoch's end reaches the page.
        if (
          event.type === 'epochEnd' &&
          event.summary.epoch === 1 &&
          engine &&
          !asked.predictCalls
        ) {
          const before = predict.mock.calls.length;
          asked.predictCalls = engine
            .handle(evaluateValidation(9))
            .then(() => predict.mock.calls.length - before);
        }
      });
      await engine.handle({ type: 'init', backend: 'cpu', assetBase: 'http://studio.test/' });
      const model = chain([
        layer('input', 'input', { shape: [28, 28, 1] }),
        layer('flatten', 'flat'),
        layer('dense', 'out', { units: 10, activation: 'softmax' }),
      ]);
      const settings = { ...DEFAULT_SETTINGS, epochs: 2, batchSize: 32, examplesPerEpoch: 320 };
      await engine.handle({ type: 'train', spec: model, settings });
      expect(await asked.predictCalls).toBe(0);
      const answer = (requestId: number) => {
        const event = events.find((e) => e.type === 'insight' && e.requestId === requestId);
        if (event?.type !== 'insight' || event.result.kind !== 'evaluation') {
          throw new Error(`no evaluation ${requestId}`);
        }
        return event.result;
      };
      const epoch1 = events.find((e) => e.type === 'epochEnd' && e.summary.epoch === 1);
      if (epoch1?.type !== 'epochEnd') throw new Error('no first epoch end');
      expect(answer(9).accuracy).toBeCloseTo(epoch1.summary.validation.accuracy, 6);
      expect(
        answer(9)
          .confusion.flat()
          .reduce((a, b) => a + b, 0),
      ).toBe(1000);

      // Once the run has ended, the evaluation looks at the weights as they are.
      const before = predict.mock.calls.length;
      await engine.handle(evaluateValidation(10));
      expect(predict.mock.calls.length).toBeGreaterThan(before);
      const epoch2 = events.find((e) => e.type === 'epochEnd' && e.summary.epoch === 2);
      if (epoch2?.type !== 'epochEnd') throw new Error('no second epoch end');
      expect(answer(10).accuracy).toBeCloseTo(epoch2.summary.validation.accuracy, 6);
      predict.mockRestore();
    },
    60_000,
  );
});

const spec = chain([
  layer('input', 'input', { shape: [6, 6, 1] }),
  layer('conv2d', 'conv', { filters: 4, kernelSize: 3, activation: 'relu' }),
  layer('batchNorm', 'bn'),
  layer('flatten', 'flat'),
  layer('dense', 'out', { units: 2, activation: 'softmax' }),
]);

/** Trains the same seeded run, optionally firing insight requests from its callbacks. */
async function train(withInsights: boolean) {
  const ctx = makeContext(spec, makeDataset(halvesDataset(200), 160, 20));
  const before = tf.memory().numTensors;
  const image = { source: 'split', split: 'validation', index: 0 } as const;
  const pending: Promise<InsightResult>[] = [];
  let requestId = 0;
  // Fired from the run's own callbacks, so they interleave with its steps as page messages do.
  const ask = () => {
    if (!withInsights) return;
    pending.push(
      answerInsight(ctx, {
        kind: 'saliency',
        requestId: ++requestId,
        images: [image],
        method: 'gradcam',
      }),
      answerInsight(ctx, {
        kind: 'saliency',
        requestId: ++requestId,
        images: [image],
        method: 'smoothgrad',
      }),
      answerInsight(ctx, { kind: 'featureMaps', requestId: ++requestId, images: [image] }),
      answerInsight(ctx, { kind: 'evaluate', requestId: ++requestId, split: 'validation' }),
      answerInsight(ctx, { kind: 'weights', requestId: ++requestId }),
    );
  };
  const run = new TrainingRun(
    ctx.model,
    ctx.device,
    { ...DEFAULT_SETTINGS, epochs: 2, batchSize: 8 },
    {
      progress: ask,
      metrics: () => {},
      epochEnd: ask,
      mark: () => {},
      restoreEpoch: () => Promise.resolve(false),
      paused: () => {},
    },
  );
  const result = await run.run();
  run.dispose();
  const answers = await Promise.all(pending);
  const leaked = tf.memory().numTensors - before;
  ctx.dispose();
  return { result, answers, leaked };
}

describe('insights during training', () => {
  it('use the live model between steps, leave the run unchanged and leak nothing', async () => {
    const quiet = await train(false);
    const watched = await train(true);
    expect(watched.answers.length).toBeGreaterThan(10);
    expect(watched.result).toEqual(quiet.result);
    expect(watched.leaked).toBe(0);
  }, 60_000);
});

describe('the tensor count at each epoch end', () => {
  /** Epoch-end counts of a seeded run; `ask` fires requests as the validation scores arrive. */
  async function epochCounts(ask: (ctx: InsightContext) => Promise<unknown>) {
    const ctx = makeContext(spec, makeDataset(halvesDataset(200), 160, 20));
    const insights = new InFlight();
    const counts: number[] = [];
    const run = new TrainingRun(
      ctx.model,
      ctx.device,
      { ...DEFAULT_SETTINGS, epochs: 4, batchSize: 16 },
      {
        progress: () => {},
        // Just before the count: a request under way then holds its tensors at the count.
        metrics: (point) => {
          if (point.series === 'validation') void insights.track(() => ask(ctx));
        },
        epochEnd: (summary) => {
          counts.push(summary.numTensors);
        },
        mark: () => {},
        restoreEpoch: () => Promise.resolve(false),
        paused: () => {},
        settled: () => insights.idle(),
      },
    );
    await run.run();
    run.dispose();
    await insights.idle();
    ctx.dispose();
    return counts;
  }

  it('leaves out the tensors that insight requests under way hold for a moment', async () => {
    const quiet = await epochCounts(() => Promise.resolve());
    const image = { source: 'split', split: 'validation', index: 0 } as const;
    const answers: InsightResult[] = [];
    const watched = await epochCounts(async (ctx) => {
      answers.push(
        ...(await Promise.all([
          answerInsight(ctx, { kind: 'featureMaps', requestId: 1, images: [image] }),
          answerInsight(ctx, { kind: 'weights', requestId: 2 }),
        ])),
      );
    });
    expect(answers).toHaveLength(8);
    expect(new Set(quiet).size).toBe(1);
    expect(watched).toEqual(quiet);
  }, 60_000);
});
