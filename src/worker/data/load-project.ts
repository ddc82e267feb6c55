import type { DatasetSource } from '../../shared/dataset';
import { decodeDataset } from '../../data/sample-format';
import type { RawDataset } from './raw-dataset';

/**
 * The dataset a project file carried, decoded from the sample format. The page checked the
 * bytes when it read the file; they are checked again here, as everything crossing into the
 * worker is.
 *
 * @throws Error in words the user can act on when the bytes are damaged or do not match the
 *   class names.
 */
export function loadProjectDataset(
  source: Extract<DatasetSource, { kind: 'project' }>,
): RawDataset {
  if (!(source.bytes instanceof ArrayBuffer)) {
    throw new Error("The project's dataset did not arrive (its bytes are missing).");
  }
  let decoded;
  try {
    decoded = decodeDataset(new Uint8Array(source.bytes));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`The project's dataset is damaged: ${reason}.`, { cause: error });
  }
  if (decoded.classes !== source.classNames.length) {
    throw new Error(
      `The project's dataset has ${decoded.classes} classes but the project names ${source.classNames.length}.`,
    );
  }
  return {
    name: source.name,
    shape: [decoded.rows, decoded.cols, decoded.channels],
    classNames: [...source.classNames],
    // Views into the transferred buffer, which the worker now owns whole: no copy needed.
    labels: decoded.labels,
    pixels: decoded.pixels,
    report: { loaded: decoded.count, skipped: [], notes: [], fromCache: false },
  };
}
