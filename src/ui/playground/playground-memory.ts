/**
 * The playground's last input, kept outside React so that switching between the Playground
 * panel and presenter mode (each mounts its own playground) keeps the teacher's drawing.
 * Cleared when the dataset changes, since pixels of another shape mean nothing to the network.
 */
export interface PlaygroundMemory {
  /** Which dataset (name and shape) the input was made for. */
  datasetKey: string;
  mode: 'draw' | 'image' | 'camera';
  raw: Uint8Array | null;
  /** The pad as drawn, to put back on a fresh pad. */
  pad: ImageData | null;
}

let memory: PlaygroundMemory | null = null;

export function recall(datasetKey: string): PlaygroundMemory | null {
  return memory?.datasetKey === datasetKey ? memory : null;
}

export function remember(next: PlaygroundMemory): void {
  memory = next;
}
