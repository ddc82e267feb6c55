import type { Connection, EdgeChange, NodeChange, OnDelete, OnNodeDrag } from '@xyflow/react';
import { Background, Controls, MiniMap, ReactFlow, useReactFlow } from '@xyflow/react';
import type { DragEvent } from 'react';
import { useCallback, useMemo, useState } from 'react';
import type { SpecEdit } from '../../model/edit-types';
import { selectAnalysis, selectSelection, selectSpec } from '../store/selectors';
import { useStudio } from '../store/studio-store';
import type { CanvasOverlay, LayerFlowNode, ShapeFlowEdge } from './flow-projection';
import { EMPTY_OVERLAY, projectEdges, projectNodes } from './flow-projection';
import { LayerNodeView } from './LayerNodeView';
import { carriesLayer, kindFromDrag } from './palette-drag';
import { layerAt, nextWire } from './placement';
import { removeEdits } from './remove';
import { ShapeEdge } from './ShapeEdge';
import { useFitWhenRequested } from './use-fit-network';

const NODE_TYPES = { layer: LayerNodeView };
const EDGE_TYPES = { shape: ShapeEdge };
const DELETE_KEYS = ['Delete', 'Backspace'];

/** Applies xyflow's changes to what the canvas holds itself; the spec is left to edits. */
function overlayAfter(overlay: CanvasOverlay, changes: NodeChange<LayerFlowNode>[]): CanvasOverlay {
  let { dragging, measured } = overlay;
  for (const change of changes) {
    if (change.type === 'position' && change.dragging && change.position) {
      dragging = { ...dragging, [change.id]: change.position };
    } else if (change.type === 'dimensions' && change.dimensions) {
      measured = { ...measured, [change.id]: change.dimensions };
    }
  }
  return dragging === overlay.dragging && measured === overlay.measured
    ? overlay
    : { ...overlay, dragging, measured };
}

/**
 * The graph editor. Every change the user makes becomes a SpecEdit on the store's spec; the
 * nodes and wires drawn here are recomputed from the spec and its analysis.
 */
export function BuilderCanvas() {
  const spec = useStudio(selectSpec);
  const analysis = useStudio(selectAnalysis);
  const selection = useStudio(selectSelection);
  const [overlay, setOverlay] = useState<CanvasOverlay>(EMPTY_OVERLAY);
  const { screenToFlowPosition } = useReactFlow();

  const nodes = useMemo(
    () => projectNodes(spec, analysis, selection, overlay),
    [spec, analysis, selection, overlay],
  );
  useFitWhenRequested(nodes);
  const edges = useMemo(() => projectEdges(spec, analysis, overlay), [spec, analysis, overlay]);

  const onNodesChange = useCallback((changes: NodeChange<LayerFlowNode>[]) => {
    setOverlay((current) => overlayAfter(current, changes));
    const selects = changes.filter((change) => change.type === 'select');
    if (selects.length === 0) return;
    const { selection: current, select } = useStudio.getState();
    const next = new Set(current);
    for (const change of selects) {
      if (change.selected) next.add(change.id);
      else next.delete(change.id);
    }
    select([...next]);
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<ShapeFlowEdge>[]) => {
    setOverlay((current) => {
      const selectedEdges = new Set(current.selectedEdges);
      for (const change of changes) {
        if (change.type !== 'select') continue;
        if (change.selected) selectedEdges.add(change.id);
        else selectedEdges.delete(change.id);
      }
      return { ...current, selectedEdges };
    });
  }, []);

  // One edit per drag, however many pixels it crossed.
  const onNodeDragStop: OnNodeDrag<LayerFlowNode> = useCallback((_event, _node, dragged) => {
    const { spec: current, edit } = useStudio.getState();
    const moves: SpecEdit[] = dragged.flatMap((node): SpecEdit[] => {
      const before = current.nodes.find((layer) => layer.id === node.id)?.position;
      if (before?.x === node.position.x && before.y === node.position.y) return [];
      return [{ type: 'moveNode', id: node.id, position: roundPosition(node.position) }];
    });
    if (moves.length > 0) edit(moves);
    setOverlay((overlayNow) => ({ ...overlayNow, dragging: {} }));
  }, []);

  const onConnect = useCallback((connection: Connection) => {
    const { spec: current, edit } = useStudio.getState();
    edit([{ type: 'connect', edge: nextWire(current, connection.source, connection.target) }]);
  }, []);

  const onDelete: OnDelete<LayerFlowNode, ShapeFlowEdge> = useCallback(
    ({ nodes: gone, edges: cut }) => {
      const { spec: current, edit } = useStudio.getState();
      const wires = cut.flatMap((edge) => (edge.data ? [edge.data.wire] : []));
      const edits = removeEdits(
        current,
        gone.map((node) => node.id),
        wires,
      );
      if (edits.length > 0) edit(edits);
    },
    [],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!carriesLayer(event.dataTransfer)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = kindFromDrag(event.dataTransfer);
      if (kind === undefined) return;
      event.preventDefault();
      const { spec: current, edit } = useStudio.getState();
      const position = roundPosition(screenToFlowPosition({ x: event.clientX, y: event.clientY }));
      const layer = layerAt(current, kind, position);
      edit([{ type: 'addNode', node: layer }], { select: [layer.id] });
    },
    [screenToFlowPosition],
  );

  return (
    <div
      className="builder-canvas"
      data-testid="builder-canvas"
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <ReactFlow<LayerFlowNode, ShapeFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onDelete={onDelete}
        isValidConnection={(c) => c.source !== c.target}
        deleteKeyCode={DELETE_KEYS}
        minZoom={0.2}
        aria-label="Network canvas"
      >
        <Background gap={20} />
        <MiniMap pannable zoomable ariaLabel="Overview of the network" />
        <Controls showInteractive={false} aria-label="Canvas zoom controls" />
      </ReactFlow>
    </div>
  );
}

function roundPosition(position: { x: number; y: number }) {
  return { x: Math.round(position.x), y: Math.round(position.y) };
}
