/**
 * Renaming, merging, removing and adding classes: new class names and labels from old ones,
 * never changing the inputs.
 */
import type { ClassEdit } from '../shared/dataset';
import { MAX_CLASSES } from '../shared/dataset';
import { assertNever } from '../shared/assert-never';

/** The longest class name allowed. */
export const MAX_CLASS_NAME = 60;

/** The classes and labels after an edit. */
export interface ClassEditResult {
  classNames: string[];
  /** One label per kept example. */
  labels: Uint8Array;
  /** Indices of the examples kept, in order, when some were dropped; null when all are kept. */
  keep: Uint32Array | null;
}

/** The trimmed name, or an error saying what is wrong with it. */
function checkName(name: string, taken: readonly string[]): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new Error('A class name cannot be empty.');
  if (trimmed.length > MAX_CLASS_NAME) {
    throw new Error(`A class name can have at most ${MAX_CLASS_NAME} characters.`);
  }
  const lower = trimmed.toLowerCase();
  if (taken.some((other) => other.toLowerCase() === lower)) {
    throw new Error(`There is already a class named "${trimmed}".`);
  }
  return trimmed;
}

function checkIndex(index: number, classNames: readonly string[]): void {
  if (!Number.isInteger(index) || index < 0 || index >= classNames.length) {
    throw new Error(`There is no class number ${index}; there are ${classNames.length}.`);
  }
}

/**
 * Relabels every example through `map` (old label → new label, or -1 to drop the example).
 * Returns `keep` only when something was dropped.
 */
function relabel(
  labels: Uint8Array,
  map: Int16Array,
): { labels: Uint8Array; keep: Uint32Array | null } {
  let kept = 0;
  for (const label of labels) if (map[label]! >= 0) kept++;
  if (kept === labels.length) return { labels: labels.map((label) => map[label]!), keep: null };
  const keep = new Uint32Array(kept);
  const next = new Uint8Array(kept);
  let at = 0;
  for (let i = 0; i < labels.length; i++) {
    const label = map[labels[i]!]!;
    if (label < 0) continue;
    keep[at] = i;
    next[at++] = label;
  }
  return { labels: next, keep };
}

/**
 * Applies one class edit:
 * - `rename`: the class takes the trimmed name;
 * - `merge`: every listed class becomes the first one, which takes `name`; the others
 *   disappear and the classes after them move down;
 * - `remove`: the class and its examples go (`keep` lists the examples kept);
 * - `add`: a new, empty class at the end.
 *
 * Names are trimmed, not empty, at most 60 characters and unique ignoring case.
 *
 * @throws Error saying what is wrong with an invalid edit (unknown class, bad name, too many
 *   classes, removing the last class).
 */
export function applyClassEdit(
  classNames: string[],
  labels: Uint8Array,
  edit: ClassEdit,
): ClassEditResult {
  switch (edit.op) {
    case 'rename': {
      checkIndex(edit.index, classNames);
      const others = classNames.filter((_, c) => c !== edit.index);
      const name = checkName(edit.name, others);
      const names = classNames.with(edit.index, name);
      return { classNames: names, labels: labels.slice(), keep: null };
    }
    case 'merge': {
      const indices = [...new Set(edit.indices)];
      if (indices.length < 2) throw new Error('Choose at least two different classes to merge.');
      indices.forEach((index) => checkIndex(index, classNames));
      const target = indices[0]!;
      const merged = new Set(indices);
      const name = checkName(
        edit.name,
        classNames.filter((_, c) => !merged.has(c)),
      );
      const map = new Int16Array(256).fill(-1);
      const names: string[] = [];
      classNames.forEach((className, c) => {
        if (merged.has(c) && c !== target) return;
        map[c] = names.length;
        names.push(c === target ? name : className);
      });
      for (const c of merged) map[c] = map[target]!;
      return { classNames: names, ...relabel(labels, map) };
    }
    case 'remove': {
      checkIndex(edit.index, classNames);
      if (classNames.length === 1) throw new Error('A dataset needs at least one class.');
      const map = new Int16Array(256).fill(-1);
      classNames.forEach((_, c) => {
        if (c !== edit.index) map[c] = c < edit.index ? c : c - 1;
      });
      const names = classNames.filter((_, c) => c !== edit.index);
      return { classNames: names, ...relabel(labels, map) };
    }
    case 'add': {
      if (classNames.length >= MAX_CLASSES) {
        throw new Error(`A dataset can have at most ${MAX_CLASSES} classes.`);
      }
      const name = checkName(edit.name, classNames);
      return { classNames: [...classNames, name], labels: labels.slice(), keep: null };
    }
    default:
      return assertNever(edit);
  }
}

/** An edit as text, its fields in a fixed order, so edits read back from JSON compare equal. */
const editKey = (edit: ClassEdit) => JSON.stringify(edit, Object.keys(edit).sort());

/**
 * The edits still to make on a dataset that has had `done` (since it was loaded) to bring it to
 * `wanted`: the rest of `wanted` when `done` begins it, or null when the dataset was edited
 * another way and must be loaded again before `wanted` is made.
 */
export function classEditsLeft(
  done: readonly ClassEdit[],
  wanted: readonly ClassEdit[],
): ClassEdit[] | null {
  if (done.length > wanted.length) return null;
  const begins = done.every((edit, i) => editKey(edit) === editKey(wanted[i]!));
  return begins ? wanted.slice(done.length) : null;
}
