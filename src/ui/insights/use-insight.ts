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
  /** The question `result` answers. */
  answered: InsightQuestion | null;
}

export interface InsightState<R> {
  result: R | null;
  error: string | null;
  /** The `tag` (e.g. the epoch) the current result was asked for. */
  tag: number | null;
  /** The question the current result answers, which may be an older one than asked now. */
  answered: InsightQuestion | null;
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
    answered: null,
  });
  const key = question ? JSON.stringify(question) : null;

  useEffect(() => {
    if (key === null) return;
    let live = true;
    const asked = JSON.parse(key) as InsightQuestion;
    requestInsight<R>(owner, asked).then(
      (result) => {
        if (live) setState({ result, error: null, tag, key, token, answered: asked });
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
    answered: state.answered,
    loading: key !== null && (state.key !== key || state.token !== token),
  };
}
