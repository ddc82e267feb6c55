import type { StateCreator } from 'zustand';
import type { DataConfig } from '../../shared/dataset';
import type { DatasetReference } from '../../shared/project/project';
import type { InterruptedRun } from '../../shared/run-record';
import type { Continuation } from '../engine/continuation';
import type { StudioState } from './studio-store';

/** Whether the training worker is there; what a stopped one held, for the restart to reload. */
export type EngineHealth =
  | { kind: 'running' }
  | {
      kind: 'stopped';
      message: string;
      dataset: DatasetReference | null;
      config: DataConfig | null;
      /** The worker held a model (trained, imported or restored) to bring back from its checkpoint. */
      hadModel: boolean;
    }
  | { kind: 'restarting' };

/** A run cut short, with the checkpoint it can go on from once one is known to fit. */
export interface ResumableRun {
  run: InterruptedRun;
  /** The run's own number for the checkpoint's epoch; null until a checkpoint was restored. */
  epoch: number | null;
  batchesPerEpoch: number;
}

export interface EngineSlice {
  engine: EngineHealth;
  interrupted: ResumableRun | null;
  /** What a restart brought back, in words, until dismissed. */
  recovery: string | null;
  /** Set while a resumed run trains: what it adds to the worker's numbers. */
  continuation: Continuation | null;
  setEngine: (engine: EngineHealth) => void;
  setInterrupted: (interrupted: ResumableRun | null) => void;
  setRecovery: (recovery: string | null) => void;
  setContinuation: (continuation: Continuation | null) => void;
}

export const createEngineSlice: StateCreator<StudioState, [], [], EngineSlice> = (set) => ({
  engine: { kind: 'running' },
  interrupted: null,
  recovery: null,
  continuation: null,
  setEngine: (engine) => set({ engine }),
  setInterrupted: (interrupted) => set({ interrupted }),
  setRecovery: (recovery) => set({ recovery }),
  setContinuation: (continuation) => set({ continuation }),
});
