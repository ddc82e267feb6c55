import { useEffect, useRef, useState } from 'react';
import type { ImageRef, InsightResult } from '../../shared/insights';
import type { InsightQuestion } from '../insights/insight-client';
import { askInsight } from '../insights/insight-client';
import type { StudioState } from '../store/studio-store';
import { useStudio } from '../store/studio-store';

export interface PixelsAnswer<R> {
  result: R | null;
  /** Why there is no answer: the worker's words (no trained model yet…). */
  error: string | null;
}

/** Changes whenever the weights may have changed: after each epoch and at the end of a run. */
const selectLastEpoch = (s: StudioState) => s.lastEpoch;
const selectReport = (s: StudioState) => s.report;

/**
 * The worker's answer to `question(image)` for `pixels`, asked `delayMs` after the last change
 * (so a burst of strokes or frames does not flood the worker) and asked again after every
 * epoch. At most one request is in flight; newer pixels wait for it and only the latest are
 * asked about. The last answer stays on screen until the next one comes.
 */
export function useAskAboutPixels<R extends InsightResult>(
  pixels: Uint8Array | null,
  question: ((image: ImageRef) => InsightQuestion) | null,
  delayMs = 150,
): PixelsAnswer<R> {
  const lastEpoch = useStudio(selectLastEpoch);
  const report = useStudio(selectReport);
  const [state, setState] = useState<PixelsAnswer<R>>({ result: null, error: null });
  const flight = useRef({ busy: false, next: null as InsightQuestion | null, alive: true });

  useEffect(() => {
    const f = flight.current;
    f.alive = true;
    return () => {
      f.alive = false;
    };
  }, []);

  useEffect(() => {
    if (!pixels || !question) return;
    const f = flight.current;
    const ask = (q: InsightQuestion) => {
      f.busy = true;
      askInsight<R>(q)
        .then(
          (result) => f.alive && setState({ result, error: null }),
          (error: unknown) =>
            f.alive &&
            setState({
              result: null,
              error: error instanceof Error ? error.message : String(error),
            }),
        )
        .finally(() => {
          f.busy = false;
          const queued = f.next;
          f.next = null;
          if (queued && f.alive) ask(queued);
        });
    };
    const timer = setTimeout(() => {
      const q = question({ source: 'pixels', pixels });
      if (f.busy) f.next = q;
      else ask(q);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [pixels, question, delayMs, lastEpoch, report]);

  return state;
}

type Prediction = Extract<InsightResult, { kind: 'prediction' }>;

const predict = (image: ImageRef): InsightQuestion => ({ kind: 'predict', image });

/** Class probabilities for `pixels`, asked ~150 ms after the input last changed. */
export function usePrediction(pixels: Uint8Array | null) {
  const { result, error } = useAskAboutPixels<Prediction>(pixels, predict);
  return { probabilities: result?.probabilities ?? null, error };
}
