import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { modelPair } from './model-files';

const modelJson = {
  modelTopology: { class_name: 'Sequential' },
  weightsManifest: [{ paths: ['group1-shard1of2.bin', 'group1-shard2of2.bin'], weights: [] }],
};
const json = { name: 'model.json', bytes: strToU8(JSON.stringify(modelJson)) };
const shard1 = { name: 'group1-shard1of2.bin', bytes: new Uint8Array([1, 2]) };
const shard2 = { name: 'group1-shard2of2.bin', bytes: new Uint8Array([3]) };

describe('finding a model among the given files', () => {
  it('joins the weight shards in manifest order, whatever order they were given in', () => {
    const pair = modelPair([shard2, json, shard1]);
    expect(pair.modelJson).toEqual(modelJson);
    expect([...new Uint8Array(pair.weights)]).toEqual([1, 2, 3]);
  });

  it('reads an exported zip, ignoring its other JSON files', () => {
    const zip = zipSync({
      'labels.json': strToU8('["a"]'),
      'model.json': json.bytes,
      'group1-shard1of2.bin': shard1.bytes,
      'group1-shard2of2.bin': shard2.bytes,
    });
    const pair = modelPair([{ name: 'export.zip', bytes: zip }]);
    expect([...new Uint8Array(pair.weights)]).toEqual([1, 2, 3]);
  });

  it.each([
    ['no model.json', [shard1], 'No model.json was given'],
    ['a missing weights file', [json, shard1], 'The weights file group1-shard2of2.bin'],
    ['JSON that is not JSON', [{ name: 'model.json', bytes: strToU8('{oops') }], 'not valid JSON'],
    [
      'JSON without a manifest',
      [{ name: 'model.json', bytes: strToU8('{"a":1}') }],
      'has no weights manifest',
    ],
    [
      'a damaged zip',
      [{ name: 'model.zip', bytes: strToU8('PK\u0003\u0004 not really') }],
      'model.zip is not a readable zip file',
    ],
  ])('explains %s', (_, files, message) => {
    expect(() => modelPair(files)).toThrow(message);
  });
});
