import type { NodeProps } from '@xyflow/react';
import { Handle, Position } from '@xyflow/react';
import { memo } from 'react';
import { formatCount } from '../format';
import type { LayerFlowNode } from './flow-projection';

/** A layer on the canvas: name and kind, output shape, parameters, and its problems. */
export const LayerNodeView = memo(function LayerNodeView({
  id,
  data,
  selected,
}: NodeProps<LayerFlowNode>) {
  const { layer, label, shape, params, problems } = data;
  const problemText = problems.join(' ');
  return (
    <div
      className={`layer-node${problems.length > 0 ? ' has-problem' : ''}${selected ? ' selected' : ''}`}
      data-testid={`layer-node-${id}`}
      data-kind={layer.kind}
      data-problem={problems.length > 0}
    >
      {layer.kind !== 'input' && (
        <Handle
          type="target"
          position={Position.Top}
          data-testid={`handle-in-${id}`}
          title={`Input of ${layer.name ?? id}: drag a wire here`}
        />
      )}
      <div className="layer-node-title">
        <strong>{layer.name ?? id}</strong>
        <span className="layer-node-kind">{label}</span>
      </div>
      <div className="layer-node-stats">
        <span data-testid={`node-shape-${id}`}>{shape ?? '?'}</span>
        <span>{params === undefined ? '' : `${formatCount(params)} params`}</span>
      </div>
      {problems.length > 0 && (
        <span
          className="problem-marker"
          role="img"
          aria-label={`Problem: ${problemText}`}
          title={problemText}
          data-testid={`node-problem-${id}`}
        >
          !
        </span>
      )}
      <Handle
        type="source"
        position={Position.Bottom}
        data-testid={`handle-out-${id}`}
        title={`Output of ${layer.name ?? id}: drag from here to wire it`}
      />
    </div>
  );
});
