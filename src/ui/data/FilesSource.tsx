import { useCallback, useRef } from 'react';
import type { DropEvent } from 'react-dropzone';
import { useDropzone } from 'react-dropzone';
import type { ImageOptions } from '../../shared/dataset';
import type { Command } from '../../shared/protocol';
import { send } from '../engine-client';
import { useStudio } from '../store/studio-store';
import type { Dropped, Handle } from './dropped-files';
import { dropEntries, folderPicker, walkDropped } from './dropped-files';
import { beginPageLoad, endPageLoad, pageLoadSending } from './page-load';
import { filesLoadCommands, sourceFiles } from './source-files';

/** How often the count of a dropped folder's files being walked is shown, at most. */
const WALK_PROGRESS_MS = 200;

async function sendInParts(commands: Command[], signal: AbortSignal): Promise<void> {
  pageLoadSending(signal);
  try {
    for (const command of commands) {
      // Cancel pressed while the files were still being sent: send no more of them.
      if (signal.aborted || useStudio.getState().loading === null) return;
      send(command);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } finally {
    endPageLoad(signal);
  }
}

const isDrop = (event: DropEvent): event is DragEvent | React.DragEvent<HTMLElement> =>
  event.type === 'drop' && 'dataTransfer' in event && event.dataTransfer !== null;

/** While dragging, only the items: enough to show the zone as active. */
const dragItems = (event: DropEvent): DataTransferItem[] =>
  'dataTransfer' in event && event.dataTransfer
    ? Array.from(event.dataTransfer.items).filter((item) => item.kind === 'file')
    : [];

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
  /** Whether the browser refused its folder dialog: Choose folder… then uses the input. */
  const dialogRefused = useRef(false);
  /** The page's part of the load a drop started, from the drop until its files are sent. */
  const dropLoad = useRef<AbortSignal | null>(null);

  const load = useCallback(
    (files: File[], signal: AbortSignal) => {
      if (signal.aborted) return;
      if (files.length === 0 || !image) {
        endPageLoad(signal);
        return;
      }
      // Shown as loading at once; the files then go to the worker in parts, a task each.
      useStudio.getState().beginLoad();
      void sendInParts(filesLoadCommands(sourceFiles(files), image), signal);
    },
    [image],
  );

  /**
   * Walks dropped or picked folders with the progress bar (a running count of the files
   * found) and Cancel on screen: walking 20,000 files takes seconds. The files, or none when
   * the walk was cancelled, failed or found nothing (the load then ends with the reason).
   */
  const walk = useCallback(
    async (dropped: Dropped[], signal: AbortSignal, what: 'drop' | 'folder'): Promise<File[]> => {
      const store = useStudio.getState();
      store.beginLoad();
      let shownAt = 0;
      const counted = (count: number) => {
        if (performance.now() - shownAt < WALK_PROGRESS_MS) return;
        shownAt = performance.now();
        store.setLoadProgress({ stage: 'reading', done: count, total: null, unit: 'files' });
      };
      try {
        const files = await walkDropped(dropped, signal, counted);
        if (files.length === 0) {
          endPageLoad(signal);
          store.endLoad(
            'failed',
            what === 'drop'
              ? 'The drop held no files: drop a folder of images or dataset files.'
              : 'The folder held no files: choose a folder with one sub-folder of images per class.',
          );
        }
        return files;
      } catch (error) {
        if (signal.aborted) return [];
        endPageLoad(signal);
        const reason = error instanceof Error ? error.message : String(error);
        const whose = what === 'drop' ? 'dropped files' : 'folder';
        store.endLoad('failed', `The ${whose} could not be read: ${reason}`);
        return [];
      }
    },
    [],
  );

  // A dropped folder is walked here rather than by react-dropzone, so the progress bar and
  // Cancel show from the drop on.
  const getFilesFromEvent = useCallback(
    async (event: DropEvent | FileSystemFileHandle[]): Promise<(File | DataTransferItem)[]> => {
      if (Array.isArray(event)) return [];
      if (!isDrop(event)) return dragItems(event);
      const dropped = dropEntries(event.dataTransfer!);
      if (!image || dropped.length === 0) return [];
      const signal = beginPageLoad();
      dropLoad.current = signal;
      return walk(dropped, signal, 'drop');
    },
    [image, walk],
  );

  /**
   * The browser's folder dialog where it hands over a handle (walked as a drop), else the
   * folder input. Once the dialog has been refused, the input from then on.
   */
  const chooseFolder = async () => {
    const pick = dialogRefused.current ? null : folderPicker();
    if (!pick) {
      folderInput.current?.click();
      return;
    }
    const store = useStudio.getState();
    if (!image) return; // the options form has a problem, and says so
    let folder: Handle;
    try {
      folder = await pick();
    } catch (error) {
      // Closed without choosing: nothing to load.
      if (error instanceof DOMException && error.name === 'AbortError') return;
      // Refused (a policy, an embedding page). The dialog took the click, so the input cannot
      // open now; it opens at the next click.
      dialogRefused.current = true;
      if (!store.loading) {
        const reason = error instanceof Error ? error.message : String(error);
        store.endLoad(
          'failed',
          `The browser would not open its folder dialog (${reason}). Click Choose folder… again to pick the folder another way, or drop it here.`,
        );
      }
      return;
    }
    const signal = beginPageLoad();
    load(await walk([{ handle: Promise.resolve(folder), file: null }], signal, 'folder'), signal);
  };

  const dropped = useCallback(
    (files: File[]) => {
      const signal = dropLoad.current;
      dropLoad.current = null;
      if (signal) load(files, signal);
    },
    [load],
  );
  const { getRootProps, isDragActive } = useDropzone({
    onDrop: dropped,
    getFilesFromEvent,
    noClick: true,
    noKeyboard: true,
  });
  const picked = (event: React.ChangeEvent<HTMLInputElement>) => {
    load([...(event.currentTarget.files ?? [])], beginPageLoad());
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
        {!folderPicker() && (
          <p className="hint">
            Thousands of images? Drop the folder: this browser&rsquo;s folder picker reads the whole
            list before the studio can show progress.
          </p>
        )}
        <div className="drop-buttons">
          <button type="button" onClick={() => void chooseFolder()} data-testid="choose-folder">
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
