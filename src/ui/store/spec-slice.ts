import type { StateCreator } from 'zustand';
import type { SpecEdit } from '../../model/edit-types';
import { applyEdits } from '../../model/edits';
import { starterNetwork } from '../../model/templates';
import type { ModelSpec, NodeId } from '../../shared/model-spec';
import type { History } from '../builder/history';
import { emptyHistory, record, redo, undo } from '../builder/history';
import type { StudioState } from './studio-store';

/** Options of one user edit. */
export interface EditOptions {
  /** Consecutive edits with the same key fold into one undo step (typing in one field). */
  mergeKey?: string;
  /** Layers to select afterwards, e.g. the one just added. */
  select?: NodeId[];
}

/** The network being built, its undo history and the layers selected on the canvas. */
export interface SpecSlice {
  spec: ModelSpec;
  specHistory: History<ModelSpec>;
  /** Selected layer ids, in the order they were selected. */
  selection: NodeId[];
  /** Applies user edits as one undoable step; edits that change nothing leave no step. */
  edit: (edits: SpecEdit[], options?: EditOptions) => void;
  undo: () => void;
  redo: () => void;
  select: (ids: NodeId[]) => void;
  /** Puts another network in place (an opened project): one undo step, or a fresh history. */
  replaceSpec: (spec: ModelSpec, options: { undoable: boolean }) => void;
}

/** Keeps only ids that still name a layer, after the spec changed under the selection. */
function existing(spec: ModelSpec, ids: readonly NodeId[]): NodeId[] {
  const present = new Set(spec.nodes.map((node) => node.id));
  return ids.filter((id) => present.has(id));
}

export const createSpecSlice: StateCreator<StudioState, [], [], SpecSlice> = (set) => ({
  spec: starterNetwork(),
  specHistory: emptyHistory(),
  selection: [],
  edit: (edits, options = {}) =>
    set((s) => {
      const spec = applyEdits(s.spec, edits);
      if (spec === s.spec || JSON.stringify(spec) === JSON.stringify(s.spec)) {
        return options.select ? { selection: existing(s.spec, options.select) } : {};
      }
      return {
        spec,
        specHistory: record(s.specHistory, s.spec, options.mergeKey),
        selection: existing(spec, options.select ?? s.selection),
      };
    }),
  undo: () =>
    set((s) => {
      const step = undo(s.specHistory, s.spec);
      if (!step) return {};
      return {
        spec: step.value,
        specHistory: step.history,
        selection: existing(step.value, s.selection),
      };
    }),
  redo: () =>
    set((s) => {
      const step = redo(s.specHistory, s.spec);
      if (!step) return {};
      return {
        spec: step.value,
        specHistory: step.history,
        selection: existing(step.value, s.selection),
      };
    }),
  select: (ids) => set((s) => (sameIds(s.selection, ids) ? {} : { selection: [...ids] })),
  replaceSpec: (spec, { undoable }) =>
    set((s) => ({
      spec,
      specHistory: undoable ? record(s.specHistory, s.spec) : emptyHistory<ModelSpec>(),
      selection: [],
    })),
});

function sameIds(a: readonly NodeId[], b: readonly NodeId[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
