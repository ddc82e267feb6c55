import { useReactFlow } from '@xyflow/react';
import type { Problem } from '../../model/analyse';
import { selectTrainingProblems } from '../store/selectors';
import { useStudio } from '../store/studio-store';

/** Selects a layer, centres the canvas on it and moves keyboard focus to it. */
function useFocusLayer() {
  const { getInternalNode, setCenter, getZoom } = useReactFlow();
  return (id: string) => {
    useStudio.getState().select([id]);
    const node = getInternalNode(id);
    if (!node) return;
    const { x, y } = node.internals.positionAbsolute;
    const width = node.measured.width ?? 0;
    const height = node.measured.height ?? 0;
    void setCenter(x + width / 2, y + height / 2, {
      zoom: Math.max(getZoom(), 0.8),
      duration: 200,
    });
    document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.focus();
  };
}

/** Every problem in plain words; a layer's problem focuses it, and a fix is one click. */
export function ProblemsList() {
  const problems = useStudio(selectTrainingProblems);
  const focusLayer = useFocusLayer();
  if (problems.length === 0) {
    return (
      <p className="problems-ok" data-testid="problems" data-count={0} role="status">
        No problems: the network is ready to train.
      </p>
    );
  }
  return (
    <section
      className="problems"
      data-testid="problems"
      data-count={problems.length}
      aria-label="Problems"
    >
      <h3>
        {problems.length === 1 ? '1 problem' : `${problems.length} problems`} to fix before training
      </h3>
      <ul>
        {problems.map((problem: Problem, i) => (
          <li key={`${problem.nodeId ?? ''}:${i}`} data-testid="problem">
            {problem.nodeId ? (
              <button
                type="button"
                className="link-button"
                data-testid={`problem-focus-${problem.nodeId}`}
                onClick={() => focusLayer(problem.nodeId ?? '')}
              >
                {problem.message}
              </button>
            ) : (
              <span>{problem.message}</span>
            )}
            {problem.fix && (
              <button
                type="button"
                className="fix-button"
                data-testid="problem-fix"
                onClick={() => problem.fix && useStudio.getState().edit(problem.fix.edits)}
              >
                {problem.fix.label}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
