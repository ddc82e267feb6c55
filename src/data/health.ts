/**
 * The dataset health check: problems that quietly spoil training or its scores — classes
 * too small to split, imbalance, exact and near-duplicate images, and copies of training
 * images in validation or test.
 */
import type { HealthIssue } from '../shared/dataset';
import { exactGroups, forEachNearPair, lookAlikeClusters } from './duplicates';
import type { Split } from './split';

/** What the check looks at: the whole dataset and its split. */
export interface HealthInput {
  /** Height, width, channels of one example. */
  shape: [number, number, number];
  classNames: string[];
  labels: Uint8Array;
  pixels: Uint8Array;
  split: Split;
}

/** Fewer examples than this makes a class "small". */
export const MIN_CLASS_SIZE = 5;
/** The largest class may have at most this many times the examples of the smallest. */
export const MAX_IMBALANCE = 3;
/** Example indices attached to one finding. */
const MAX_EXAMPLES = 6;

const NONE = 0;
const TRAIN = 1;
const VALIDATION = 2;
const TEST = 3;

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** Indices of the examples of each class. */
function examplesByClass(labels: Uint8Array, classes: number): number[][] {
  const byClass = Array.from({ length: classes }, (): number[] => []);
  labels.forEach((label, i) => byClass[label]?.push(i));
  return byClass;
}

function classChecks(input: HealthInput, roles: Uint8Array): HealthIssue[] {
  const { classNames, labels, split } = input;
  const byClass = examplesByClass(labels, classNames.length);
  const counts = byClass.map((members) => members.length);
  const issues: HealthIssue[] = [];

  const populated = counts.filter((count) => count > 0).length;
  if (populated < 2) {
    issues.push({
      kind: 'too-few-classes',
      severity: 'error',
      message:
        `${populated === 0 ? 'No class has' : 'Only one class has'} examples; a classifier ` +
        'needs examples of at least two classes to learn anything.',
      examples: [],
    });
  }

  const holdouts = [
    { role: VALIDATION, name: 'validation', used: split.validation.length > 0 },
    { role: TEST, name: 'test', used: split.test.length > 0 },
  ].filter(({ used }) => used);
  byClass.forEach((members, c) => {
    const name = classNames[c]!;
    const count = members.length;
    const missing = [{ role: TRAIN, name: 'train' }, ...holdouts]
      .filter(({ role }) => !members.some((i) => roles[i] === role))
      .map(({ name }) => name);
    if (count >= MIN_CLASS_SIZE && missing.length === 0) return;
    const message =
      count === 0
        ? `Class "${name}" has no examples; add some or remove the class.`
        : `Class "${name}" has only ${plural(count, 'example')}` +
          (missing.length > 0
            ? `, too few to put one in each split (none in ${missing.join(' or ')}).`
            : `; at least ${MIN_CLASS_SIZE} are needed to train and test it.`) +
          ' Add examples or merge it with another class.';
    issues.push({
      kind: 'small-class',
      severity: 'warning',
      message,
      examples: members.slice(0, MAX_EXAMPLES),
    });
  });

  if (populated >= 2) {
    let largest = -1;
    let smallest = -1;
    counts.forEach((count, c) => {
      if (count === 0) return;
      if (largest < 0 || count > counts[largest]!) largest = c;
      if (smallest < 0 || count < counts[smallest]!) smallest = c;
    });
    if (counts[largest]! > MAX_IMBALANCE * counts[smallest]!) {
      issues.push({
        kind: 'imbalance',
        severity: 'warning',
        message:
          `Class "${classNames[largest]}" has ${plural(counts[largest]!, 'example')}, more than ` +
          `${MAX_IMBALANCE} times the ${counts[smallest]!.toLocaleString('en')} of class ` +
          `"${classNames[smallest]}". The model may favour the larger classes; consider adding ` +
          'examples to the small ones or augmenting them.',
        examples: byClass[smallest]!.slice(0, MAX_EXAMPLES),
      });
    }
  }
  return issues;
}

function duplicateChecks(input: HealthInput, roles: Uint8Array): HealthIssue[] {
  const { shape, labels, pixels } = input;
  const count = labels.length;
  const size = shape[0] * shape[1] * shape[2];
  const issues: HealthIssue[] = [];
  const { group, firsts } = exactGroups(pixels, count, size);

  const copies = count - firsts.length;
  if (copies > 0) {
    const examples: number[] = [];
    for (let i = 0; i < count && examples.length < MAX_EXAMPLES; i++) {
      if (firsts[group[i]!] !== i) examples.push(firsts[group[i]!]!, i);
    }
    issues.push({
      kind: 'duplicates',
      severity: 'warning',
      message:
        `${plural(copies, 'image is an exact copy', 'images are exact copies')} of another ` +
        'image. Copies add no information and count twice in training.',
      examples: examples.slice(0, MAX_EXAMPLES),
    });
  }

  // Near duplicates are searched among one image per exact group, and then among clusters
  // of groups with the same hash: plain or almost-blank images all hash alike and would
  // otherwise make the comparisons quadratic.
  const { cluster, leaders, hashes, alike } = lookAlikeClusters(pixels, firsts, shape);
  const groupsPerCluster = new Int32Array(leaders.length);
  for (const k of cluster) groupsPerCluster[k]!++;
  // A train image in each exact group and in each cluster, for the leakage check.
  const trainInGroup = new Int32Array(firsts.length).fill(-1);
  const trainInCluster = new Int32Array(leaders.length).fill(-1);
  for (let i = 0; i < count; i++) {
    if (roles[i] !== TRAIN) continue;
    const g = group[i]!;
    if (trainInGroup[g] === -1) trainInGroup[g] = i;
    if (trainInCluster[cluster[g]!] === -1) trainInCluster[cluster[g]!] = i;
  }
  const hasNear = new Uint8Array(leaders.length);
  const trainNear = new Int32Array(leaders.length).fill(-1);
  const nearExamples: number[] = [];
  cluster.forEach((k, g) => {
    if (leaders[k] !== g && nearExamples.length < MAX_EXAMPLES) {
      nearExamples.push(firsts[leaders[k]!]!, firsts[g]!);
    }
  });
  forEachNearPair(hashes, (a, b) => {
    if (!alike(leaders[a]!, leaders[b]!)) return;
    hasNear[a] = 1;
    hasNear[b] = 1;
    if (trainNear[a] === -1 && trainInCluster[b]! >= 0) trainNear[a] = trainInCluster[b]!;
    if (trainNear[b] === -1 && trainInCluster[a]! >= 0) trainNear[b] = trainInCluster[a]!;
    if (nearExamples.length < MAX_EXAMPLES) {
      nearExamples.push(firsts[leaders[a]!]!, firsts[leaders[b]!]!);
    }
  });
  let nearImages = 0;
  for (let i = 0; i < count; i++) {
    const k = cluster[group[i]!]!;
    if (hasNear[k] || groupsPerCluster[k]! > 1) nearImages++;
  }
  if (nearImages > 0) {
    issues.push({
      kind: 'near-duplicates',
      severity: 'info',
      message:
        `${plural(nearImages, 'image looks', 'images look')} almost the same as another image ` +
        '(not identical, but their perceptual hashes nearly match). Check whether they show the ' +
        'same picture.',
      examples: nearExamples.slice(0, MAX_EXAMPLES),
    });
  }

  let leakedValidation = 0;
  let leakedTest = 0;
  const examples: number[] = [];
  for (let i = 0; i < count; i++) {
    const role = roles[i]!;
    if (role !== VALIDATION && role !== TEST) continue;
    const g = group[i]!;
    const k = cluster[g]!;
    const partner = [trainInGroup[g]!, trainInCluster[k]!, trainNear[k]!].find((j) => j >= 0);
    if (partner === undefined) continue;
    if (role === VALIDATION) leakedValidation++;
    else leakedTest++;
    if (examples.length < MAX_EXAMPLES) examples.push(i, partner);
  }
  if (leakedValidation + leakedTest > 0) {
    const where = [
      leakedValidation > 0 ? plural(leakedValidation, 'validation image') : '',
      leakedTest > 0 ? plural(leakedTest, 'test image') : '',
    ].filter(Boolean);
    issues.push({
      kind: 'leakage',
      severity: 'error',
      message:
        `${where.join(' and ')} ${leakedValidation + leakedTest === 1 ? 'has' : 'have'} ` +
        'an exact or near copy in train, so scores on them overstate how well the model ' +
        'handles new images. Remove the copies or change the split.',
      examples: examples.slice(0, MAX_EXAMPLES),
    });
  }
  return issues;
}

/**
 * Checks a dataset and its split. Returns the findings in a fixed order — too few classes,
 * small classes (in class order), imbalance, duplicates, near duplicates, leakage — or an
 * empty list for a healthy dataset.
 *
 * Exact duplicates are found by hashing each image's bytes and confirming byte by byte; near
 * duplicates by 64-bit difference hashes within {@link NEAR_DISTANCE} bits, confirmed by
 * thumbnails, without comparing all pairs, so 20,000 images take a few seconds at most.
 *
 * @throws Error when `pixels` is too short for the labels and shape.
 */
export function checkHealth(input: HealthInput): HealthIssue[] {
  const { shape, labels, pixels, split } = input;
  const size = shape[0] * shape[1] * shape[2];
  if (pixels.length < labels.length * size) {
    throw new Error(
      `the dataset has ${labels.length} labels but pixels for only ${Math.floor(pixels.length / size)} images`,
    );
  }
  const roles = new Uint8Array(labels.length).fill(NONE);
  for (const i of split.train) roles[i] = TRAIN;
  for (const i of split.validation) roles[i] = VALIDATION;
  for (const i of split.test) roles[i] = TEST;
  return [...classChecks(input, roles), ...duplicateChecks(input, roles)];
}
