import { unzipSync } from 'fflate';
import type { ModelPair } from '../../shared/exported-model';

/** A file the user gave, read into memory. */
export interface GivenFile {
  name: string;
  bytes: Uint8Array;
}

/** The largest model the studio imports: far above any network trained in a browser tab. */
export const MAX_MODEL_BYTES = 512 * 1024 * 1024;

/** The other JSON files of an export, never the model itself. */
const SIDE_FILES: ReadonlySet<string> = new Set([
  'labels.json',
  'preprocessing.json',
  'training.json',
  'check.json',
]);

const baseName = (path: string) => path.split('/').pop() ?? path;

/** The files of a zip, keyed by their base names (exports put everything at the top). */
function unzip(file: GivenFile): GivenFile[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(file.bytes);
  } catch {
    throw new Error(`${file.name} is not a readable zip file; it may be damaged or cut off.`);
  }
  return Object.entries(entries)
    .filter(([path]) => !path.endsWith('/'))
    .map(([path, bytes]) => ({ name: baseName(path), bytes }));
}

/**
 * Finds `model.json` and the weight files its manifest names among the given files (loose or
 * in zips), or says exactly what is missing or wrong.
 */
export function modelPair(given: GivenFile[]): ModelPair {
  const total = given.reduce((sum, file) => sum + file.bytes.length, 0);
  if (total > MAX_MODEL_BYTES) {
    throw new Error(
      `These files hold ${Math.round(total / 2 ** 20)} MB; the studio imports models up to 512 MB.`,
    );
  }
  const files = given.flatMap((file) => (/\.zip$/i.test(file.name) ? unzip(file) : [file]));
  const jsonFile =
    files.find((file) => file.name === 'model.json') ??
    files.find((file) => /\.json$/i.test(file.name) && !SIDE_FILES.has(file.name));
  if (!jsonFile)
    throw new Error(
      'No model.json was given: choose model.json with its weights file, or the exported zip.',
    );
  let modelJson: unknown;
  try {
    modelJson = JSON.parse(new TextDecoder().decode(jsonFile.bytes));
  } catch {
    throw new Error(`${jsonFile.name} is not valid JSON.`);
  }
  const manifest = (modelJson as { weightsManifest?: unknown } | null)?.weightsManifest;
  if (typeof modelJson !== 'object' || modelJson === null || !Array.isArray(manifest)) {
    throw new Error(`${jsonFile.name} is not a TensorFlow.js model: it has no weights manifest.`);
  }
  const paths = manifest.flatMap((group: { paths?: unknown }) =>
    Array.isArray(group.paths) ? group.paths.map(String) : [],
  );
  const parts = paths.map((path) => {
    const part = files.find((file) => file.name === baseName(path));
    if (!part)
      throw new Error(
        `The weights file ${baseName(path)} that ${jsonFile.name} names was not given.`,
      );
    return part.bytes;
  });
  const weights = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  parts.reduce((at, part) => (weights.set(part, at), at + part.length), 0);
  return { modelJson: modelJson as Record<string, unknown>, weights: weights.buffer };
}
