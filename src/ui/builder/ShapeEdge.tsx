import type { EdgeProps } from '@xyflow/react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath } from '@xyflow/react';
import type { ShapeFlowEdge } from './flow-projection';

/** A wire, labelled with the shape of the tensor flowing along it. */
export function ShapeEdge(props: EdgeProps<ShapeFlowEdge>) {
  const { id, data, markerEnd, selected } = props;
  const [path, labelX, labelY] = getBezierPath(props);
  const wire = data?.wire;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={selected ? 'selected' : ''} />
      <EdgeLabelRenderer>
        <div
          className={`edge-label${selected ? ' selected' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          data-testid={wire ? `edge-label-${wire.from}-${wire.to}` : undefined}
        >
          {data?.shape ?? '?'}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}
