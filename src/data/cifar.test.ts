import { describe, expect, it } from 'vitest';
import {
  CIFAR10_CLASS_NAMES,
  CIFAR_RECORD_BYTES,
  isCifarPath,
  parseCifar10,
  parseCifarMeta,
} from './cifar';

/** CIFAR-10 records whose red, green and blue planes hold 10·n+1, 10·n+2 and 10·n+3. */
function makeRecords(labels: number[]): Uint8Array {
  const bytes = new Uint8Array(labels.length * CIFAR_RECORD_BYTES);
  labels.forEach((label, n) => {
    const at = n * CIFAR_RECORD_BYTES;
    bytes[at] = label;
    for (let channel = 0; channel < 3; channel++) {
      bytes.fill(10 * n + channel + 1, at + 1 + channel * 1024, at + 1 + (channel + 1) * 1024);
    }
  });
  return bytes;
}

describe('parseCifar10', () => {
  it('reads labels and interleaves the colour planes', () => {
    const { labels, pixels, truncated } = parseCifar10(makeRecords([3, 9]), 'data_batch_1.bin');
    expect([...labels]).toEqual([3, 9]);
    expect(pixels.length).toBe(2 * 32 * 32 * 3);
    expect([...pixels.subarray(0, 6)]).toEqual([1, 2, 3, 1, 2, 3]);
    expect([...pixels.subarray(3072, 3075)]).toEqual([11, 12, 13]);
    expect(truncated).toBeNull();
  });

  it('keeps row-major pixel order within a plane', () => {
    const bytes = makeRecords([0]);
    bytes[1 + 32 + 2] = 200; // red plane, row 1, column 2
    const { pixels } = parseCifar10(bytes, 'test_batch.bin');
    expect(pixels[(32 + 2) * 3]).toBe(200);
  });

  it('drops a truncated last record and says so', () => {
    const bytes = new Uint8Array(2 * CIFAR_RECORD_BYTES + 1200);
    bytes.set(makeRecords([1, 2]));
    const { labels, truncated } = parseCifar10(bytes, 'data_batch_2.bin');
    expect(labels.length).toBe(2);
    expect(truncated).toEqual({
      path: 'data_batch_2.bin',
      reason:
        'data_batch_2.bin ends with a truncated record (1200 of 3073 bytes); the 2 complete images before it were loaded',
    });
  });

  it('refuses a file without one complete record', () => {
    expect(() => parseCifar10(new Uint8Array(100), 'short.bin')).toThrow('short.bin is too short');
  });

  it('refuses a label above 9, naming the record', () => {
    expect(() => parseCifar10(makeRecords([1, 1, 42]), 'c100.bin')).toThrow(
      'c100.bin: record 2 has label 42',
    );
  });
});

describe('parseCifarMeta', () => {
  it('reads one name per line, ignoring blank lines and Windows line ends', () => {
    const text = `${CIFAR10_CLASS_NAMES.join('\r\n')}\n\n`;
    expect(parseCifarMeta(text)).toEqual(CIFAR10_CLASS_NAMES);
  });
});

describe('isCifarPath', () => {
  it('recognises batch file names in any folder', () => {
    expect(isCifarPath('cifar-10-batches-bin/data_batch_5.bin')).toBe(true);
    expect(isCifarPath('test_batch.bin')).toBe(true);
    expect(isCifarPath('data_batch_1.bin.bak')).toBe(false);
    expect(isCifarPath('batches.meta.txt')).toBe(false);
  });
});
