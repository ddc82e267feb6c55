import { describe, expect, it } from 'vitest';
import { filesLoadCommands, sourcePath } from './source-files';

describe('paths of the files a user gives', () => {
  it('uses the folder path of a directory pick', () => {
    expect(sourcePath({ name: 'tom.png', webkitRelativePath: 'pets/cats/tom.png' })).toBe(
      'pets/cats/tom.png',
    );
  });

  it('strips the leading ./ or / of a dropped file', () => {
    expect(sourcePath({ name: 'tom.png', path: './cats/tom.png' })).toBe('cats/tom.png');
    expect(sourcePath({ name: 'tom.png', relativePath: '/pets/cats/tom.png' })).toBe(
      'pets/cats/tom.png',
    );
  });

  it('falls back to the name of a loose file', () => {
    expect(sourcePath({ name: 'train-images-idx3-ubyte.gz', webkitRelativePath: '' })).toBe(
      'train-images-idx3-ubyte.gz',
    );
  });
});

describe('filesLoadCommands', () => {
  it('stages the files in parts of 50, then asks for the load', () => {
    const files = Array.from({ length: 120 }, (_, i) => ({
      path: `c/${i}.png`,
      file: new Blob([]),
    }));
    const image = { size: null, channels: null, aspect: 'crop' } as const;
    const commands = filesLoadCommands(files, image);
    expect(commands.map((c) => (c.type === 'stageFiles' ? c.files.length : c.type))).toEqual([
      50,
      50,
      20,
      'loadDataset',
    ]);
    expect(commands.at(-1)).toEqual({
      type: 'loadDataset',
      source: { kind: 'files', files: [], image },
    });
  });
});
