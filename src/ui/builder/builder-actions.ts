import { useStudio } from '../store/studio-store';
import type { StudioState } from '../store/studio-store';
import type { Clip } from './clipboard';
import { copySelection, pasteEdits } from './clipboard';
import { removeEdits } from './remove';

/** A builder action as data: buttons and key chords (see `chordOf`) share it. */
export interface BuilderAction {
  id: string;
  label: string;
  /** Key chords, e.g. `Mod+z`; the first is shown in tooltips. */
  keys: readonly string[];
  enabled: (state: StudioState) => boolean;
  run: () => void;
}

// The clipboard is module state, not store state: nothing renders from it.
let clipboard: Clip | undefined;

const hasSelection = (s: StudioState) => s.selection.length > 0;

function paste(clip: Clip | undefined): void {
  if (!clip) return;
  const { spec, edit } = useStudio.getState();
  const { edits, ids } = pasteEdits(spec, clip);
  edit(edits, { select: ids });
}

export const undoAction: BuilderAction = {
  id: 'undo',
  label: 'Undo',
  keys: ['Mod+z'],
  enabled: (s) => s.specHistory.past.length > 0,
  run: () => useStudio.getState().undo(),
};

export const redoAction: BuilderAction = {
  id: 'redo',
  label: 'Redo',
  keys: ['Mod+Shift+z', 'Mod+y'],
  enabled: (s) => s.specHistory.future.length > 0,
  run: () => useStudio.getState().redo(),
};

export const copyAction: BuilderAction = {
  id: 'copy',
  label: 'Copy',
  keys: ['Mod+c'],
  enabled: hasSelection,
  run() {
    const { spec, selection } = useStudio.getState();
    clipboard = copySelection(spec, selection) ?? clipboard;
  },
};

export const pasteAction: BuilderAction = {
  id: 'paste',
  label: 'Paste',
  keys: ['Mod+v'],
  enabled: () => clipboard !== undefined,
  run: () => paste(clipboard),
};

export const duplicateAction: BuilderAction = {
  id: 'duplicate',
  label: 'Duplicate',
  keys: ['Mod+d'],
  enabled: hasSelection,
  run() {
    const { spec, selection } = useStudio.getState();
    paste(copySelection(spec, selection));
  },
};

export const deleteAction: BuilderAction = {
  id: 'delete',
  label: 'Delete',
  // The canvas handles Delete and Backspace itself (wires too); this is the button's route.
  keys: [],
  enabled: hasSelection,
  run() {
    const { spec, selection, edit } = useStudio.getState();
    edit(removeEdits(spec, selection));
  },
};

export const clearAction: BuilderAction = {
  id: 'clear',
  label: 'Clear',
  keys: [],
  enabled: (s) => s.spec.nodes.length > 0,
  run: () =>
    useStudio.getState().edit([{ type: 'replaceSpec', spec: { nodes: [], edges: [] } }], {
      select: [],
    }),
};

/** The actions with key chords, for the Build panel's keyboard handler. */
export const BUILDER_ACTIONS: readonly BuilderAction[] = [
  undoAction,
  redoAction,
  copyAction,
  pasteAction,
  duplicateAction,
  deleteAction,
  clearAction,
];
