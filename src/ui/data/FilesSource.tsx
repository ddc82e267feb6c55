import { useCallback, useRef } from 'react';
import { useDropzone } from 'react-dropzone';
import type { ImageOptions } from '../../shared/dataset';
import type { Command } from '../../shared/protocol';
import { send } from '../engine-client';
import { useStudio } from '../store/studio-store';
import { filesLoadCommands, sourceFiles } from './source-files';

async function sendInParts(commands: Command[]): Promise<void> {
  for (const command of commands) {
    // Cancel pressed while the files were still being sent: send no more of them.
    if (useStudio.getState().loading === null) return;
    send(command);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

interface Props {
  /** The image options to load with, or null while the form has a problem. */
  image: ImageOptions | null;
}

/**
 * The user's own files: dropped (folders keep their paths), a folder picked, or files picked.
 * The worker works out what they are: image folders, a zip, IDX or CIFAR-10 files.
 */
export function FilesSource({ image }: Props) {
  const folderInput = useRef<HTMLInputElement | null>(null);
  const filesInput = useRef<HTMLInputElement | null>(null);

  const load = useCallback(
    (files: File[]) => {
      if (files.length === 0 || !image) return;
      // Shown as loading at once; the files then go to the worker in parts, a task each.
      useStudio.getState().beginLoad();
      void sendInParts(filesLoadCommands(sourceFiles(files), image));
    },
    [image],
  );
  const { getRootProps, isDragActive } = useDropzone({
    onDrop: load,
    noClick: true,
    noKeyboard: true,
  });
  const picked = (event: React.ChangeEvent<HTMLInputElement>) => {
    load([...(event.currentTarget.files ?? [])]);
    // Cleared so that picking the same folder again (after fixing it) loads it again.
    event.currentTarget.value = '';
  };

  return (
    <div className="source-options files-source">
      <div
        {...getRootProps({
          className: isDragActive ? 'drop-zone dragging' : 'drop-zone',
          'aria-label': 'Drop zone for image folders and dataset files',
        })}
        data-testid="drop-zone"
      >
        <p>
          Drop a folder with <strong>one sub-folder per class</strong> (JPEG, PNG, WebP, GIF or
          BMP), a zip of such a folder, IDX files (MNIST layout, .gz too) or CIFAR-10 binary files
          (.bin or cifar-10-binary.tar.gz) here.
        </p>
        <div className="drop-buttons">
          <button type="button" onClick={() => folderInput.current?.click()}>
            Choose folder…
          </button>
          <button type="button" onClick={() => filesInput.current?.click()}>
            Choose files…
          </button>
        </div>
      </div>
      <input
        ref={(input) => {
          folderInput.current = input;
          // Not in React's attribute list; set as a property so the picker chooses folders.
          if (input) input.webkitdirectory = true;
        }}
        type="file"
        multiple
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Folder of images, one sub-folder per class"
        data-testid="folder-input"
        onChange={picked}
      />
      <input
        ref={filesInput}
        type="file"
        multiple
        accept=".gz,.idx,.idx1-ubyte,.idx3-ubyte,.bin,.tar,.tgz,.zip,.txt,image/*"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Dataset files: IDX, CIFAR-10, zip, tar.gz or images"
        data-testid="files-input"
        onChange={picked}
      />
    </div>
  );
}
