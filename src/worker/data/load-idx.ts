import type { SourceFile } from '../../shared/dataset';
import { gunzip, isGzip } from '../../data/archive';
import { combineIdx, idxDatasetInfo, pairIdxFiles, parseIdx } from '../../data/idx';
import type { LoadLog } from './load-error';
import { LoadError, MAX_UNPACKED_BYTES } from './load-error';
import type { LoadContext, RawDataset } from './raw-dataset';

/** One images + labels pair, read and checked. */
interface IdxPart {
  name: string;
  images: string;
  labels: string;
  datasetName: string;
  classNames: string[];
  shape: [number, number, 1];
  labelData: Uint8Array;
  pixels: Uint8Array;
}

/**
 * Loads IDX files (raw or gzip) as one dataset: every images/labels pair (train and t10k, say)
 * is read and the pairs are concatenated. A pair that cannot be read, or whose images differ
 * in size from the first pair's, is skipped with the reason; the others still load.
 *
 * @param nameHint a name the user gave the files (a download's name); it names the dataset
 *   and helps recognise Fashion-MNIST, KMNIST or EMNIST when the file names do not.
 * @throws LoadError when no pair loads.
 */
export async function loadIdx(
  files: SourceFile[],
  log: LoadLog,
  ctx: LoadContext,
  nameHint?: string,
): Promise<RawDataset> {
  const byPath = new Map(files.map((file) => [file.path, file.file]));
  const { pairs, unpaired } = pairIdxFiles(files.map((file) => file.path));
  log.skipped.push(...unpaired);

  const parts: IdxPart[] = [];
  for (const pair of pairs) {
    ctx.signal.throwIfAborted();
    try {
      const images = parseIdx(
        await readIdxBytes(byPath.get(pair.images)!, pair.images),
        pair.images,
      );
      const labels = parseIdx(
        await readIdxBytes(byPath.get(pair.labels)!, pair.labels),
        pair.labels,
      );
      const info = idxDatasetInfo(
        nameHint ? `${nameHint}/${pair.images}` : pair.images,
        labels.data,
      );
      const combined = combineIdx(
        images,
        { dims: labels.dims, data: info.labels },
        pair.images,
        info.transpose,
      );
      const part: IdxPart = {
        ...pair,
        datasetName: info.name,
        classNames: info.classNames,
        shape: combined.shape,
        labelData: combined.labels,
        pixels: combined.pixels,
      };
      checkMatchesFirst(part, parts[0]);
      parts.push(part);
    } catch (error) {
      ctx.signal.throwIfAborted();
      const reason = error instanceof Error ? error.message : String(error);
      log.skipped.push({ path: pair.images, reason }, { path: pair.labels, reason });
    }
  }

  const first = parts[0];
  if (!first) {
    throw new LoadError(
      pairs.length === 0
        ? 'No IDX images file could be paired with a labels file (see the list).'
        : `None of the ${pairs.length} IDX file pairs could be read (see the list).`,
      log.skipped,
    );
  }
  // EMNIST names as many classes as the largest label in each file, so take the longest list.
  const classNames = parts.reduce(
    (longest, part) => (part.classNames.length > longest.length ? part.classNames : longest),
    first.classNames,
  );
  const total = parts.reduce((sum, part) => sum + part.labelData.length, 0);
  const labels = new Uint8Array(total);
  const pixels = new Uint8Array(parts.reduce((sum, part) => sum + part.pixels.length, 0));
  let at = 0;
  let pixelAt = 0;
  for (const part of parts) {
    labels.set(part.labelData, at);
    pixels.set(part.pixels, pixelAt);
    at += part.labelData.length;
    pixelAt += part.pixels.length;
  }
  const counts = parts.map(
    (part) => `${part.name} (${part.labelData.length.toLocaleString('en')})`,
  );
  return {
    name: nameHint || first.datasetName,
    shape: first.shape,
    classNames,
    labels,
    pixels,
    report: {
      loaded: total,
      skipped: [],
      notes: [
        `Joined ${parts.length} IDX file pair${parts.length === 1 ? '' : 's'}: ${counts.join(', ')}.`,
      ],
      fromCache: false,
    },
  };
}

/** A file's bytes, gunzipped when it is compressed (MNIST is usually shipped as .gz). */
async function readIdxBytes(file: Blob, path: string): Promise<Uint8Array> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return isGzip(bytes) ? gunzip(bytes, path, MAX_UNPACKED_BYTES) : bytes;
}

/** Pairs join into one dataset only when their images and classes agree with the first pair. */
function checkMatchesFirst(part: IdxPart, first: IdxPart | undefined): void {
  if (!first) return;
  const [h, w] = part.shape;
  const [fh, fw] = first.shape;
  if (h !== fh || w !== fw) {
    throw new Error(
      `${part.images} holds ${h}×${w} images, but ${first.images} holds ${fh}×${fw}; ` +
        'only files of one image size load together',
    );
  }
  const shorter = Math.min(part.classNames.length, first.classNames.length);
  const sameClasses = part.classNames
    .slice(0, shorter)
    .every((name, i) => name === first.classNames[i]);
  if (part.datasetName !== first.datasetName || !sameClasses) {
    throw new Error(
      `${part.images} looks like ${part.datasetName} with classes ${part.classNames.join(', ')}, ` +
        `but ${first.images} like ${first.datasetName} with classes ${first.classNames.join(', ')}; ` +
        'load them separately',
    );
  }
}
