import { describe, it, expect } from 'vitest';
import type { ClassEdit } from '../shared/dataset';
import { applyClassEdit, classEditsLeft } from './class-edits';

const NAMES = ['cat', 'dog', 'bird', 'fish'];
const LABELS = Uint8Array.from([0, 1, 2, 3, 2, 1, 0, 3]);

describe('applyClassEdit: rename', () => {
  it('renames one class, trimming the name, and keeps every example', () => {
    const result = applyClassEdit(NAMES, LABELS, { op: 'rename', index: 1, name: '  puppy ' });
    expect(result.classNames).toEqual(['cat', 'puppy', 'bird', 'fish']);
    expect([...result.labels]).toEqual([...LABELS]);
    expect(result.keep).toBeNull();
  });

  it('allows changing only the case of the same class', () => {
    expect(
      applyClassEdit(NAMES, LABELS, { op: 'rename', index: 0, name: 'Cat' }).classNames[0],
    ).toBe('Cat');
  });

  it('refuses an empty, too long or taken name, and an unknown class', () => {
    expect(() => applyClassEdit(NAMES, LABELS, { op: 'rename', index: 0, name: '   ' })).toThrow(
      /empty/,
    );
    expect(() =>
      applyClassEdit(NAMES, LABELS, { op: 'rename', index: 0, name: 'x'.repeat(61) }),
    ).toThrow(/60/);
    expect(() => applyClassEdit(NAMES, LABELS, { op: 'rename', index: 0, name: 'DOG' })).toThrow(
      /already a class named "DOG"/,
    );
    expect(() => applyClassEdit(NAMES, LABELS, { op: 'rename', index: 4, name: 'ant' })).toThrow(
      /no class number 4/,
    );
  });
});

describe('applyClassEdit: merge', () => {
  it('relabels the merged classes as the first and moves later classes down', () => {
    const result = applyClassEdit(NAMES, LABELS, { op: 'merge', indices: [2, 0], name: 'animal' });
    expect(result.classNames).toEqual(['dog', 'animal', 'fish']);
    // cat → animal (1), dog → 0, bird → animal (1), fish → 2
    expect([...result.labels]).toEqual([1, 0, 1, 2, 1, 0, 1, 2]);
    expect(result.keep).toBeNull();
  });

  it('may reuse the name of a class being merged', () => {
    const result = applyClassEdit(NAMES, LABELS, { op: 'merge', indices: [0, 1], name: 'dog' });
    expect(result.classNames).toEqual(['dog', 'bird', 'fish']);
  });

  it('refuses fewer than two different classes or a name another class has', () => {
    expect(() =>
      applyClassEdit(NAMES, LABELS, { op: 'merge', indices: [1, 1], name: 'pets' }),
    ).toThrow(/two different/);
    expect(() =>
      applyClassEdit(NAMES, LABELS, { op: 'merge', indices: [0, 1], name: 'Fish' }),
    ).toThrow(/already/);
    expect(() =>
      applyClassEdit(NAMES, LABELS, { op: 'merge', indices: [0, 9], name: 'pets' }),
    ).toThrow(/no class number 9/);
  });
});

describe('applyClassEdit: remove', () => {
  it('drops the class and its examples and moves later labels down', () => {
    const result = applyClassEdit(NAMES, LABELS, { op: 'remove', index: 1 });
    expect(result.classNames).toEqual(['cat', 'bird', 'fish']);
    expect([...result.keep!]).toEqual([0, 2, 3, 4, 6, 7]);
    expect([...result.labels]).toEqual([0, 1, 2, 1, 0, 2]);
  });

  it('keeps every example when the class is empty', () => {
    const result = applyClassEdit([...NAMES, 'empty'], LABELS, { op: 'remove', index: 4 });
    expect(result.keep).toBeNull();
    expect(result.classNames).toEqual(NAMES);
  });

  it('refuses to remove the last class', () => {
    expect(() => applyClassEdit(['only'], new Uint8Array(3), { op: 'remove', index: 0 })).toThrow(
      /at least one class/,
    );
  });
});

describe('applyClassEdit: add', () => {
  it('adds an empty class at the end', () => {
    const result = applyClassEdit(NAMES, LABELS, { op: 'add', name: 'horse' });
    expect(result.classNames).toEqual([...NAMES, 'horse']);
    expect([...result.labels]).toEqual([...LABELS]);
  });

  it('refuses a 256th class', () => {
    const many = Array.from({ length: 255 }, (_, i) => `class ${i}`);
    expect(() => applyClassEdit(many, new Uint8Array(0), { op: 'add', name: 'one more' })).toThrow(
      /at most 255/,
    );
  });
});

it('never changes its inputs', () => {
  const names = [...NAMES];
  const labels = LABELS.slice();
  const result = applyClassEdit(names, labels, { op: 'merge', indices: [0, 1], name: 'pets' });
  expect(names).toEqual(NAMES);
  expect([...labels]).toEqual([...LABELS]);
  expect(result.labels).not.toBe(labels);
  expect(applyClassEdit(names, labels, { op: 'rename', index: 0, name: 'x' }).labels).not.toBe(
    labels,
  );
});

describe('class edits left to make', () => {
  const rename: ClassEdit = { op: 'rename', index: 9, name: 'nine' };
  const merge: ClassEdit = { op: 'merge', indices: [0, 1], name: 'zero or one' };

  it('are all of them on a dataset just loaded, and none on one edited as wanted', () => {
    expect(classEditsLeft([], [rename, merge])).toEqual([rename, merge]);
    expect(classEditsLeft([rename, merge], [rename, merge])).toEqual([]);
    expect(classEditsLeft([], [])).toEqual([]);
  });

  it('are the rest on a dataset that had the first of them, however its fields were ordered', () => {
    const readBack = JSON.parse('{"name":"nine","index":9,"op":"rename"}') as ClassEdit;
    expect(classEditsLeft([readBack], [rename, merge])).toEqual([merge]);
  });

  it('cannot be made on a dataset edited another way, or further: it must be loaded again', () => {
    expect(classEditsLeft([merge], [rename, merge])).toBeNull();
    expect(classEditsLeft([{ ...rename, name: 'nein' }], [rename])).toBeNull();
    expect(classEditsLeft([rename, merge], [rename])).toBeNull();
    expect(classEditsLeft([rename], [])).toBeNull();
  });
});
