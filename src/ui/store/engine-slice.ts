import type { StateCreator } from 'zustand';
import type { DataConfig } from '../../shared/dataset';
import type { DatasetReference } from '../../shared/project/project';
import type { ResumeAt } from '../../shared/protocol';
import type { InterruptedRun } from '../../shared/run-record';
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

/** A run cut short, with where it can go on once a checkpoint of it is restored. */
export interface ResumableRun {
  run: InterruptedRun;
  /** Where it goes on from the restored checkpoint; null until one of its checkpoints is. */
  at: ResumeAt | null;
  /**
   * When the cut was noticed (after a reload, when the page came back): the end of its duration
   * only when its points do not say when it last trained.
   */
  cutAt: number;
}

export interface EngineSlice {
  engine: EngineHealth;
  interrupted: ResumableRun | null;
  /** What a restart brought back, in words, until dismissed. */
  recovery: string | null;
  setEngine: (engine: EngineHealth) => void;
  setInterrupted: (interrupted: ResumableRun | null) => void;
  setRecovery: (recovery: string | null) => void;
}

export const createEngineSlice: StateCreator<StudioState, [], [], EngineSlice> = (set) => ({
  engine: { kind: 'running' },
  interrupted: null,
  recovery: null,
  setEngine: (engine) => set({ engine }),
  setInterrupted: (interrupted) => set({ interrupted }),
  setRecovery: (recovery) => set({ recovery }),
});
