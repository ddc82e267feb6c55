import {
  getViewportForBounds,
  useNodesInitialized,
  useReactFlow,
  useStoreApi,
} from '@xyflow/react';
import { useCallback, useEffect } from 'react';

const PADDING = 0.15;
const MIN_ZOOM = 0.2;
/** Small networks are not blown up past this, so a lone layer does not fill the screen. */
const MAX_ZOOM = 1.2;

// A fit asked for before the layers are drawn (a template, the first view) waits for the
// canvas to measure them. Module state: there is one canvas, and nothing renders from it.
let fitRequested = true;

/** Asks the canvas to frame the whole network once its layers are drawn and measured. */
export function requestFit(): void {
  fitRequested = true;
}

/**
 * Frames every layer in the canvas. The view is computed from the measured layers and set
 * directly, because xyflow's queued `fitView` waits for a node update that a canvas
 * controlled by the spec does not make.
 */
export function useFitNetwork(): (duration?: number) => void {
  const { getNodes, getNodesBounds, setViewport } = useReactFlow();
  const store = useStoreApi();
  return useCallback(
    (duration?: number) => {
      const nodes = getNodes();
      if (nodes.length === 0) return;
      const { width, height } = store.getState();
      const viewport = getViewportForBounds(
        getNodesBounds(nodes),
        width,
        height,
        MIN_ZOOM,
        MAX_ZOOM,
        PADDING,
      );
      void setViewport(viewport, duration === undefined ? undefined : { duration });
    },
    [getNodes, getNodesBounds, setViewport, store],
  );
}

/** Carries out a requested fit once every layer on the canvas has been measured. */
export function useFitWhenRequested(nodes: unknown): void {
  const measured = useNodesInitialized();
  const fit = useFitNetwork();
  useEffect(() => {
    if (!measured || !fitRequested) return;
    fitRequested = false;
    fit();
  }, [measured, nodes, fit]);
}
