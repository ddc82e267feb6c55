import type { DragEvent } from 'react';
import { useId } from 'react';
import { layerDefinition } from '../../model/layers';
import type { LayerKind } from '../../shared/model-spec';
import { useStudio } from '../store/studio-store';
import { LAYER_KIND_MIME } from './palette-drag';
import { addBelowEdits } from './placement';

/** Adds a `kind` layer below the selected one and wires it in, then selects the new layer. */
export function addLayerBelowSelection(kind: LayerKind): void {
  const { spec, selection, edit } = useStudio.getState();
  const { edits, id } = addBelowEdits(spec, kind, selection.at(-1));
  edit(edits, { select: [id] });
}

/**
 * One palette entry: drag it onto the canvas, or press its Add button (Enter or Space when
 * focused) to add it below the selected layer. Its description shows on hover and focus.
 */
export function PaletteItem({ kind }: { kind: LayerKind }) {
  const { label, description } = layerDefinition(kind);
  const descriptionId = useId();
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(LAYER_KIND_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <li
      className="palette-item"
      draggable
      onDragStart={onDragStart}
      data-testid={`palette-${kind}`}
    >
      <span className="palette-label">{label}</span>
      <button
        type="button"
        className="palette-add"
        aria-label={`Add ${label}`}
        aria-describedby={descriptionId}
        data-testid={`palette-add-${kind}`}
        onClick={() => addLayerBelowSelection(kind)}
      >
        Add
      </button>
      <span className="palette-description" id={descriptionId} role="tooltip">
        {description}
      </span>
    </li>
  );
}
