import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Dropped, Handle } from './dropped-files';
import { folderPicker, walkDropped } from './dropped-files';

/** A fake folder entry: `tree` maps names to files (strings) or sub-folders. */
type Tree = { [name: string]: string | Tree };

function entry(name: string, node: string | Tree, parent = ''): FileSystemEntry {
  const fullPath = `${parent}/${name}`;
  if (typeof node === 'string') {
    return {
      isFile: true,
      isDirectory: false,
      name,
      fullPath,
      file: (resolve: (file: File) => void) => resolve(new File([node], name)),
    } as unknown as FileSystemEntry;
  }
  // Listed in batches of two, as a browser lists a big folder in batches.
  const children = Object.entries(node).map(([child, sub]) => entry(child, sub, fullPath));
  return {
    isFile: false,
    isDirectory: true,
    name,
    fullPath,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (resolve: (entries: FileSystemEntry[]) => void) => {
          resolve(children.slice(at, at + 2));
          at += 2;
        },
      };
    },
  } as unknown as FileSystemEntry;
}

async function* listed<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item);
}

/** The same fake folder as handles. */
function handle(name: string, node: string | Tree): Handle {
  if (typeof node === 'string') {
    return { kind: 'file', name, getFile: () => Promise.resolve(new File([node], name)) };
  }
  return {
    kind: 'directory',
    name,
    // Listed asynchronously, as a browser lists a folder.
    values: () => listed(Object.entries(node).map(([child, sub]) => handle(child, sub))),
  };
}

const pathOf = (file: File) => (file as File & { relativePath: string }).relativePath;

describe('walking a dropped folder', () => {
  const pets: Tree = {
    cats: { 'tom.png': 'a', 'kit.png': 'b', 'max.png': 'c' },
    dogs: { 'rex.png': 'd', '.DS_Store': 'x' },
  };

  const expected = [
    '/pets/cats/kit.png',
    '/pets/cats/max.png',
    '/pets/cats/tom.png',
    '/pets/dogs/rex.png',
  ];

  it('gives every file of a handle with its path, leaving out file-manager files', async () => {
    const counts: number[] = [];
    const dropped: Dropped[] = [{ handle: Promise.resolve(handle('pets', pets)), file: null }];
    const files = await walkDropped(dropped, new AbortController().signal, (count) =>
      counts.push(count),
    );
    expect(files.map(pathOf).sort()).toEqual(expected);
    expect(counts.at(-1)).toBe(4);
  });

  it('gives the files in path order, whatever order their opens finish in', async () => {
    // Each file opens later the earlier its name sorts: the opens finish in reverse order.
    const slow = (name: string, node: string | Tree): Handle =>
      typeof node === 'string'
        ? {
            kind: 'file',
            name,
            getFile: () =>
              new Promise((resolve) =>
                setTimeout(() => resolve(new File([node], name)), 200 - name.charCodeAt(0)),
              ),
          }
        : {
            kind: 'directory',
            name,
            values: () => listed(Object.entries(node).map(([child, sub]) => slow(child, sub))),
          };
    const dropped: Dropped[] = [{ handle: Promise.resolve(slow('pets', pets)), file: null }];
    const files = await walkDropped(dropped, new AbortController().signal, () => {});
    expect(files.map(pathOf)).toEqual(expected);
  });

  it('walks entries the same way where there are no handles', async () => {
    const files = await walkDropped(
      [{ entry: entry('pets', pets) }],
      new AbortController().signal,
      () => {},
    );
    expect(files.map(pathOf).sort()).toEqual(expected);
  });

  it('keeps the file itself when the browser gives no handle', async () => {
    const dropped: Dropped[] = [{ handle: Promise.resolve(null), file: new File(['x'], 'a.zip') }];
    const files = await walkDropped(dropped, new AbortController().signal, () => {});
    expect(files.map(pathOf)).toEqual(['a.zip']);
  });

  it('keeps loose files by their name', async () => {
    const dropped: Dropped[] = [{ file: new File(['x'], 'train.gz') }];
    const files = await walkDropped(dropped, new AbortController().signal, () => {});
    expect(files.map(pathOf)).toEqual(['train.gz']);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const dropped: Dropped[] = [{ handle: Promise.resolve(handle('pets', pets)), file: null }];
    const walking = walkDropped(dropped, controller.signal, () =>
      controller.abort(new Error('cancelled')),
    );
    await expect(walking).rejects.toThrow('cancelled');
  });
});

describe('folderPicker', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("is the browser's folder dialog where it hands over a handle, in a secure context", async () => {
    const folder = handle('pets', { cats: { 'tom.png': 'x' } });
    const dialog = vi.fn((_options?: object) => Promise.resolve(folder));
    vi.stubGlobal('isSecureContext', true);
    vi.stubGlobal('showDirectoryPicker', dialog);
    const pick = folderPicker();
    expect(pick).not.toBeNull();
    expect(await pick?.()).toBe(folder);
    expect(dialog).toHaveBeenCalledWith({ id: 'layerwise-dataset', mode: 'read' });
  });

  it('is none without the dialog, or outside a secure context', () => {
    vi.stubGlobal('isSecureContext', true);
    vi.stubGlobal('showDirectoryPicker', undefined);
    expect(folderPicker()).toBeNull();
    vi.stubGlobal('isSecureContext', false);
    vi.stubGlobal('showDirectoryPicker', () => Promise.resolve(null));
    expect(folderPicker()).toBeNull();
  });
});
