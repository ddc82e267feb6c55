import type { LayerNode } from '../shared/model-spec';
import type { Fix } from './edit-types';
import type { Problem } from './types';

/** The name students see on the canvas. */
export function nodeName(node: LayerNode): string {
  return node.name ?? node.id;
}

/** A problem pinned to `node`, its message led by the layer's name so it reads alone too. */
export function nodeProblem(node: LayerNode, message: string, fix?: Fix): Problem {
  const problem: Problem = { nodeId: node.id, message: `${nodeName(node)}: ${message}` };
  if (fix !== undefined) problem.fix = fix;
  return problem;
}
