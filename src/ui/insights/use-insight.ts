import { startTransition, useEffect, useRef, useState } from 'react';
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
 * Asks `question` (null: nothing to ask) whenever it or `token` changes while `active`, and
 * keeps the last answer on screen while the next one is on its way. While inactive (its
 * section is off screen) it asks nothing; once active again it asks what changed meanwhile.
 * An answer on its way when the section leaves the screen still lands.
 */
export function useInsight<R extends InsightResult>(
  owner: string,
  question: InsightQuestion | null,
  token: unknown,
  tag: number,
  active = true,
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
  /** The last question asked, with its token: its answer is the one to keep. */
  const asked = useRef<{ owner: string; key: string; token: unknown } | null>(null);

  useEffect(
    () => () => {
      asked.current = null;
    },
    [],
  );

  useEffect(() => {
    if (key === null) {
      asked.current = null; // nothing to ask: an answer on its way is for an old question
      return;
    }
    if (!active) return;
    const last = asked.current;
    if (last && last.owner === owner && last.key === key && last.token === token) return;
    const mine = { owner, key, token };
    asked.current = mine;
    const question = JSON.parse(key) as InsightQuestion;
    requestInsight<R>(owner, question).then(
      (result) => {
        if (asked.current !== mine) return;
        // A transition: React draws the answer component by component between frames, so a
        // big one (a deep network's feature maps) never holds the page for one long task. An
        // urgent update restarts that render: a store value that changes many times a second
        // must not be read next to the insight sections, or big answers wait for it.
        startTransition(() =>
          setState({ result, error: null, tag, key, token, answered: question }),
        );
      },
      (error: unknown) => {
        if (asked.current !== mine || error instanceof Superseded) return;
        const message = error instanceof Error ? error.message : String(error);
        setState((s) => ({ ...s, error: message, key, token }));
      },
    );
  }, [owner, key, token, tag, active]);

  return {
    result: state.result,
    error: state.error,
    tag: state.tag,
    answered: state.answered,
    loading: key !== null && (state.key !== key || state.token !== token),
  };
}
