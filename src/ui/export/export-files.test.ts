import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportZip, toBase64 } from './export-files';
import { makeExportedModel } from './exported-model-fixture';

const model = makeExportedModel({
  classNames: ['<img src=x onerror=alert(1)>', 'zwei "2"'],
});

const metrics = { outcome: 'completed', validation: { loss: 0.4, accuracy: 0.9 }, test: null };

describe('the export zip', () => {
  const files = unzipSync(
    exportZip(model, {
      metrics,
      tfjsScript: new Uint8Array([42]),
      kerasScript: 'print("keras")\n',
      exportedAt: new Date(0),
    }),
  );
  const json = (name: string): unknown => JSON.parse(strFromU8(files[name]!));

  it('holds the model pair, labels, preprocessing, record, check, page and tfjs', () => {
    expect(Object.keys(files).sort()).toEqual([
      'check.json',
      'index.html',
      'labels.json',
      'model.json',
      'preprocessing.json',
      'tf.min.js',
      'train_keras.py',
      'training.json',
      'weights.bin',
    ]);
    expect([...files['weights.bin']!]).toEqual([1, 2, 3, 4]);
    expect(json('labels.json')).toEqual(model.classNames);
    expect(json('preprocessing.json')).toEqual(model.preprocessing);
    expect(json('model.json')).toEqual(model.modelJson);
  });

  it('records how the model was trained', () => {
    expect(json('training.json')).toMatchObject({
      format: 'layerwise-training-record',
      exportedAt: '1970-01-01T00:00:00.000Z',
      spec: model.trainedWith.spec,
      settings: model.trainedWith.settings,
      seed: model.trainedWith.settings.seed,
      dataset: model.dataset,
      metrics,
      versions: { tfjs: '4.22.0', backend: 'cpu' },
    });
  });

  it("carries the studio's predictions per image with the raw pixels", () => {
    const check = json('check.json') as { pixels: string; probabilities: number[][] };
    expect([...Buffer.from(check.pixels, 'base64')]).toEqual([...model.check.pixels]);
    expect(check.probabilities).toEqual([
      [0.25, 0.75],
      [0.5, 0.5],
    ]);
  });

  it('shows labels in its page as text, never as markup', () => {
    const page = strFromU8(files['index.html']!);
    expect(page).toContain('<script src="tf.min.js"></script>');
    expect(page).not.toMatch(/innerHTML/);
    expect(page).toContain('textContent = labels[i]');
  });
});

describe('base64', () => {
  it('encodes more bytes than one slice', () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
    expect(Buffer.from(toBase64(bytes), 'base64').equals(Buffer.from(bytes))).toBe(true);
  });
});
