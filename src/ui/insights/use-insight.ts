import { useEffect, useState } from 'react';
import type { InsightResult } from '../../shared/insights';
import type { InsightQuestion } from './insight-client';
import { Superseded } from './insight-queue';
import { requestInsight } from './requests';

interface Answer<R> {
  result: R | null;
  error: string | null;
  tag: number | null;
  /** The question and token this answer is for. */
  key: string | null;
  token: unknown;
}

export interface InsightState<R> {
  result: R | null;
  error: string | null;
  /** The `tag` (e.g. the epoch) the current result was asked for. */
  tag: number | null;
  loading: boolean;
}

/**
 * Asks `question` (null: nothing to ask) whenever it or `token` changes, and keeps the last
 * answer on screen while the next one is on its way.
 */
export function useInsight<R extends InsightResult>(
  owner: string,
  question: InsightQuestion | null,
  token: unknown,
  tag: number,
): InsightState<R> {
  const [state, setState] = useState<Answer<R>>({
    result: null,
    error: null,
    tag: null,
    key: null,
    token: undefined,
  });
  const key = question ? JSON.stringify(question) : null;

  useEffect(() => {
    if (key === null) return;
    let live = true;
    requestInsight<R>(owner, JSON.parse(key) as InsightQuestion).then(
      (result) => {
        if (live) setState({ result, error: null, tag, key, token });
      },
      (error: unknown) => {
        if (!live || error instanceof Superseded) return;
        const message = error instanceof Error ? error.message : String(error);
        setState((s) => ({ ...s, error: message, key, token }));
      },
    );
    return () => {
      live = false;
    };
  }, [owner, key, token, tag]);

  return {
    result: state.result,
    error: state.error,
    tag: state.tag,
    loading: key !== null && (state.key !== key || state.token !== token),
  };
}
