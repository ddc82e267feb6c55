import { describe, expect, it } from 'vitest';
import { sourcePath } from './source-files';

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
