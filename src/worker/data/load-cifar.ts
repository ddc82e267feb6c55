import type { SourceFile } from '../../shared/dataset';
import { CIFAR10_CLASS_NAMES, parseCifar10, parseCifarMeta } from '../../data/cifar';
import type { LoadLog } from './load-error';
import { LoadError } from './load-error';
import type { LoadContext, RawDataset } from './raw-dataset';

const collator = new Intl.Collator('en', { numeric: true });

/**
 * Loads CIFAR-10 binary batches (data_batch_1.bin … test_batch.bin) as one 32×32×3 dataset,
 * training batches first. A truncated tail is reported and the complete records before it
 * load; a batch that cannot be read is skipped. Class names come from batches.meta.txt when
 * it names at least ten, else the standard CIFAR-10 names.
 *
 * @throws LoadError when no batch loads.
 */
export async function loadCifar(
  batches: SourceFile[],
  meta: SourceFile[],
  log: LoadLog,
  ctx: LoadContext,
): Promise<RawDataset> {
  const ordered = [...batches].sort((a, b) => collator.compare(baseName(a.path), baseName(b.path)));
  const parts: { labels: Uint8Array; pixels: Uint8Array }[] = [];
  for (const batch of ordered) {
    ctx.signal.throwIfAborted();
    try {
      const parsed = parseCifar10(new Uint8Array(await batch.file.arrayBuffer()), batch.path);
      if (parsed.truncated) log.skipped.push(parsed.truncated);
      parts.push(parsed);
    } catch (error) {
      ctx.signal.throwIfAborted();
      log.skipped.push({ path: batch.path, reason: errorText(error) });
    }
  }
  if (parts.length === 0) {
    throw new LoadError(
      `None of the ${batches.length} CIFAR-10 batch files could be read (see the list).`,
      log.skipped,
    );
  }

  const classNames = await readClassNames(meta, log);
  const total = parts.reduce((sum, part) => sum + part.labels.length, 0);
  const labels = new Uint8Array(total);
  const pixels = new Uint8Array(total * 32 * 32 * 3);
  let at = 0;
  for (const part of parts) {
    labels.set(part.labels, at);
    pixels.set(part.pixels, at * 32 * 32 * 3);
    at += part.labels.length;
  }
  return {
    name: 'CIFAR-10',
    shape: [32, 32, 3],
    classNames,
    labels,
    pixels,
    report: { loaded: total, skipped: [], notes: [], fromCache: false },
  };
}

/** The names in the first batches.meta.txt; later copies are reported as not used. */
async function readClassNames(meta: SourceFile[], log: LoadLog): Promise<string[]> {
  const [first, ...others] = meta;
  for (const other of others) {
    log.skipped.push({
      path: other.path,
      reason: `not used: the class names were read from ${first!.path}`,
    });
  }
  if (!first) return [...CIFAR10_CLASS_NAMES];
  const names = parseCifarMeta(await first.file.text());
  // Labels run from 0 to 9, so fewer than ten names cannot name every class.
  if (names.length < CIFAR10_CLASS_NAMES.length) {
    log.notes.push(
      `${first.path} names ${names.length} classes, fewer than CIFAR-10's ten; the standard names were used.`,
    );
    return [...CIFAR10_CLASS_NAMES];
  }
  return names.slice(0, CIFAR10_CLASS_NAMES.length);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
