import { describe, expect, it } from 'vitest';
import { assignClasses, extensionOf } from './folder-layout';

/** Class name of each assigned path. */
function classesOf(result: ReturnType<typeof assignClasses>): Record<string, string> {
  return Object.fromEntries(result.assigned.map((a) => [a.path, result.classNames[a.classIndex]!]));
}

describe('assignClasses', () => {
  it('names classes after the folders under the dropped folder', () => {
    const result = assignClasses(['pets/dog/1.png', 'pets/cat/1.PNG', 'pets/cat/2.jpeg']);
    expect(result.classNames).toEqual(['cat', 'dog']);
    expect(classesOf(result)).toEqual({
      'pets/dog/1.png': 'dog',
      'pets/cat/1.PNG': 'cat',
      'pets/cat/2.jpeg': 'cat',
    });
    expect(result.skipped).toEqual([]);
  });

  it('works when the class folders themselves were dropped', () => {
    expect(assignClasses(['cat/1.png', 'dog/1.png']).classNames).toEqual(['cat', 'dog']);
  });

  it('strips the wrapper folders a zip adds', () => {
    const result = assignClasses(['archive/pets/a/1.png', 'archive/pets/b/1.png']);
    expect(result.classNames).toEqual(['a', 'b']);
  });

  it('keeps a single class folder as one class', () => {
    expect(assignClasses(['pets/cat/1.png', 'pets/cat/2.png']).classNames).toEqual(['cat']);
  });

  it('skips files at the root and counts nested folders toward the first', () => {
    const result = assignClasses(['pets/readme.png', 'pets/cat/indoor/1.png', 'pets/dog/2.png']);
    expect(result.classNames).toEqual(['cat', 'dog']);
    expect(classesOf(result)['pets/cat/indoor/1.png']).toBe('cat');
    expect(result.skipped).toEqual([
      { path: 'pets/readme.png', reason: 'not inside a class folder' },
    ]);
  });

  it('skips system files without letting them change the root', () => {
    const result = assignClasses([
      '__MACOSX/pets/cat/._1.png',
      'pets/cat/._1.png',
      'pets/cat/.DS_Store',
      'pets/dog/Thumbs.db',
      'pets/cat/1.png',
      'pets/dog/1.png',
    ]);
    expect(result.classNames).toEqual(['cat', 'dog']);
    expect(result.skipped.map((s) => s.reason)).toEqual(Array(4).fill('system file'));
  });

  it('skips files that are not images, naming the extension', () => {
    const result = assignClasses(['d/a/notes.txt', 'd/a/README', 'd/a/1.webp', 'd/b/1.gif']);
    expect(result.skipped).toEqual([
      { path: 'd/a/notes.txt', reason: 'not an image file (.txt)' },
      { path: 'd/a/README', reason: 'not an image file (no extension)' },
    ]);
  });

  it('sorts class names in natural order', () => {
    const paths = ['class10/a.png', 'class2/a.png', 'class1/a.png'];
    expect(assignClasses(paths).classNames).toEqual(['class1', 'class2', 'class10']);
  });

  it('accepts Windows separators', () => {
    expect(assignClasses(['pets\\cat\\1.png', 'pets\\dog\\1.png']).classNames).toEqual([
      'cat',
      'dog',
    ]);
  });

  it('reports class folders that hold no image', () => {
    const result = assignClasses(
      ['pets/cat/1.png', 'pets/dog/1.png'],
      [
        'pets',
        'pets/cat',
        'pets/dog',
        'pets/bird',
        'pets/fish/',
        'pets/cat/indoor',
        'pets/__MACOSX',
      ],
    );
    expect(result.emptyClasses).toEqual(['bird', 'fish']);
  });

  it('skips paths that climb out with "..", never making a class of them', () => {
    const result = assignClasses(
      [
        'pets/cat/1.png',
        'pets/dog/1.png',
        'pets/../secret/1.png',
        'pets/cat/../../x/2.png',
        '../up/3.png',
      ],
      ['pets/cat', 'pets/dog', 'pets/..', 'pets/../secret'],
    );
    expect(result.classNames).toEqual(['cat', 'dog']);
    expect(result.skipped.map((s) => s.path)).toEqual([
      'pets/../secret/1.png',
      'pets/cat/../../x/2.png',
      '../up/3.png',
    ]);
    expect(result.skipped[0]!.reason).toMatch(/climbs out of the dropped folder \(\.\.\)/);
    expect(result.emptyClasses).toEqual([]);
  });

  it('keeps names with dots, spaces, unicode and emoji exactly as they are', () => {
    const names = ['..dots', 'a..b', 'chats 🐱', 'Ünïcødé', '猫 と 犬'];
    const result = assignClasses(names.map((name) => `drop/${name}/${name} 1.png`));
    expect([...result.classNames].sort()).toEqual([...names].sort());
    expect(result.skipped).toEqual([]);
  });

  it('refuses more than 255 classes', () => {
    const paths = Array.from({ length: 256 }, (_, i) => `root/c${i}/1.png`);
    expect(() => assignClasses(paths)).toThrow('root has 256 class folders; at most 255');
  });

  it('handles no files at all', () => {
    expect(assignClasses([])).toEqual({
      classNames: [],
      assigned: [],
      skipped: [],
      emptyClasses: [],
    });
  });
});

describe('extensionOf', () => {
  it('lower-cases and ignores dot-files', () => {
    expect(extensionOf('a/B.JPG')).toBe('jpg');
    expect(extensionOf('a/.hidden')).toBe('');
    expect(extensionOf('a.b/file')).toBe('');
  });
});
