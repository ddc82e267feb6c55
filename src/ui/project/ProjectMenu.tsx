import { useEffect, useRef, useState } from 'react';
import { MAX_NAME_LENGTH, PROJECT_EXTENSION } from '../../shared/project/project';
import { selectDatasetSummary } from '../store/selectors';
import type { StudioState } from '../store/studio-store';
import { useStudio } from '../store/studio-store';
import { AutosaveStatus } from './AutosaveStatus';
import { datasetChoice } from './dataset-choice';
import { openProjectFile, saveProject } from './project-actions';
import { ShareLink } from './ShareLink';
import './project.css';

const selectProjectName = (s: StudioState) => s.projectName;
const selectRunning = (s: StudioState) => s.runState !== 'idle';

/**
 * The Project menu in the header: the project's name, and what can be done with the whole
 * project — save it as a file, open one, share the network as a link.
 */
export function ProjectMenu() {
  const name = useStudio(selectProjectName);
  const running = useStudio(selectRunning);
  const summary = useStudio(selectDatasetSummary);
  const [open, setOpen] = useState(false);
  const [includeDataset, setIncludeDataset] = useState(false);
  const choice = datasetChoice(summary);
  const withDataset = includeDataset && choice.refusal === null;
  const fileInput = useRef<HTMLInputElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);
  return (
    <div className="project-menu" ref={menu}>
      <button
        type="button"
        className="project-menu-button"
        data-testid="project-menu-button"
        aria-expanded={open}
        aria-controls="project-menu-items"
        onClick={() => setOpen(!open)}
      >
        {name.trim() || 'Project'} ▾
      </button>
      {/* Outside the popover, so a file picked after the menu closed still opens. */}
      <input
        ref={fileInput}
        type="file"
        accept={PROJECT_EXTENSION}
        hidden
        data-testid="project-file-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared so picking the same file again opens it again.
          event.target.value = '';
          if (file) void openProjectFile(file);
        }}
      />
      {open && (
        <div
          className="project-popover"
          id="project-menu-items"
          role="group"
          aria-label="Project"
          onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}
        >
          <label className="project-name">
            Project name
            <input
              data-testid="project-name"
              value={name}
              maxLength={MAX_NAME_LENGTH}
              spellCheck={false}
              onChange={(event) => useStudio.getState().setProjectName(event.target.value)}
            />
          </label>
          <div className="project-actions">
            <button
              type="button"
              data-testid="project-save"
              onClick={() => void saveProject(withDataset)}
            >
              Save
            </button>
            <button
              type="button"
              data-testid="project-open"
              disabled={running}
              title={running ? 'Stop the run to open another project' : undefined}
              onClick={() => fileInput.current?.click()}
            >
              Open…
            </button>
          </div>
          <label className="project-include-dataset" title={choice.refusal ?? undefined}>
            <input
              type="checkbox"
              data-testid="project-include-dataset"
              checked={withDataset}
              disabled={choice.refusal !== null}
              onChange={(event) => setIncludeDataset(event.target.checked)}
            />
            {choice.label}
          </label>
          <ShareLink />
          <AutosaveStatus />
        </div>
      )}
    </div>
  );
}
