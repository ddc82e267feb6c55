import { useState } from 'react';
import { applyEdits } from '../../model/edits';
import { UnbuildableLayerError, specFromModelJson } from '../../model/import/spec-from-model-json';
import type { ModelPair } from '../../shared/exported-model';
import type { ModelSpec } from '../../shared/model-spec';
import { frozenSpec } from './frozen-import';
import { autoLayoutEdits } from '../builder/layout';
import { useStudio } from '../store/studio-store';
import { fetchModelFiles } from './fetch-model';
import { requestImport } from './import-client';
import type { GivenFile } from './model-files';
import { modelPair } from './model-files';

type Status = { kind: 'working' | 'done' | 'error'; text: string } | null;

async function read(files: FileList): Promise<GivenFile[]> {
  return Promise.all(
    [...files].map(async (file) => ({
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
}

/** The layers of the model a frozen block holds, its input layer aside. */
function blockLayers(spec: ModelSpec): number {
  const block = spec.nodes.find((node) => node.kind === 'pretrainedBase');
  return block?.kind === 'pretrainedBase' ? (block.config.base?.layers.length ?? 0) : 0;
}

/**
 * The builder's network for a model: layer by layer when the builder has every layer, else the
 * whole model as one frozen block, with the reason.
 */
async function networkOf(
  pair: ModelPair,
  files: GivenFile[],
): Promise<{ parsed: ModelSpec; frozenBecause?: string }> {
  try {
    return { parsed: specFromModelJson(pair.modelJson) };
  } catch (error) {
    if (!(error instanceof UnbuildableLayerError)) throw error;
    const name = files.map((file) => file.name).join(', ');
    return { parsed: await frozenSpec(pair, name, error.message), frozenBecause: error.message };
  }
}

/**
 * Imports a TensorFlow.js layers model (model.json with its weights, or an exported zip): the
 * builder shows its network, and Insights, the Playground and Export use its weights.
 */
export function ImportModel() {
  const [status, setStatus] = useState<Status>(null);
  const [url, setUrl] = useState('');

  async function importFrom(given: () => Promise<GivenFile[]>) {
    setStatus({ kind: 'working', text: 'Reading the model…' });
    try {
      const files = await given();
      const pair = modelPair(files);
      const { parsed, frozenBecause } = await networkOf(pair, files);
      const spec = applyEdits(parsed, autoLayoutEdits(parsed));
      const state = useStudio.getState();
      const dataset = state.dataset?.summary;
      const input = spec.nodes.find((node) => node.kind === 'input');
      if (dataset && input?.kind === 'input') {
        const want = dataset.inputShape.join('×');
        const got = input.config.shape.join('×');
        if (want !== got) {
          throw new Error(
            `This model takes ${got} images but the loaded dataset has ${want}: load data of the model's size first.`,
          );
        }
      }
      // A frozen block brings its weights in the files the worker already keeps for it.
      await requestImport(spec, state.settings, frozenBecause ? undefined : pair);
      state.edit([{ type: 'replaceSpec', spec }]);
      const layers = frozenBecause ? blockLayers(spec) : spec.nodes.length;
      const message = `Imported a model of ${layers} layers with its weights.`;
      state.restoreRun({
        report: { outcome: 'completed', imported: true, message },
        lastEpoch: null,
        progress: null,
      });
      setStatus({
        kind: 'done',
        text: frozenBecause
          ? `${frozenBecause} The model's ${layers} layers came in as one frozen block with their weights: ` +
            'Insights evaluates it, the Playground predicts with it, and the block’s “Trainable last ' +
            'layers” (Inspector) let training change its last layers.'
          : `Imported ${layers} layers with their weights: the Build panel shows the network, ` +
            'Insights evaluates it on the test split and the Playground predicts with it.',
      });
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <section className="import-model" aria-labelledby="import-model-title">
      <h3 id="import-model-title">Import a model</h3>
      <p>
        A TensorFlow.js layers model: <code>model.json</code> with its weights file, a zip exported
        from Layerwise, or the address of a published <code>model.json</code>. It replaces the
        network (Undo brings yours back).
      </p>
      <label>
        Model files{' '}
        <input
          type="file"
          multiple
          accept=".json,.bin,.zip,application/json,application/zip"
          data-testid="import-files"
          disabled={status?.kind === 'working'}
          onChange={(event) => {
            const { files } = event.target;
            if (files && files.length > 0) void importFrom(() => read(files));
            event.target.value = '';
          }}
        />
      </label>
      <form
        className="import-url"
        onSubmit={(event) => {
          event.preventDefault();
          void importFrom(() => fetchModelFiles(url.trim()));
        }}
      >
        <label>
          or its model.json address{' '}
          <input
            type="url"
            value={url}
            placeholder="https://…/model.json"
            data-testid="import-url"
            onChange={(event) => setUrl(event.target.value)}
          />
        </label>{' '}
        <button
          type="submit"
          data-testid="import-url-button"
          disabled={status?.kind === 'working' || url.trim() === ''}
        >
          Import from address
        </button>
      </form>
      {status && (
        <p
          className={`message ${status.kind === 'error' ? 'error' : ''}`}
          role={status.kind === 'error' ? 'alert' : 'status'}
          data-testid="import-status"
          data-state={status.kind}
        >
          {status.text}
        </p>
      )}
    </section>
  );
}
