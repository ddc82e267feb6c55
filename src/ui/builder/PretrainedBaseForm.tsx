import { useId, useState } from 'react';
import { formatShape } from '../../model/layers';
import { cutBase, cutCandidates, defaultCut } from '../../model/pretrained';
import type {
  LayerConfigs,
  LayerNodeOf,
  PretrainedFacts,
  PretrainedSource,
} from '../../shared/model-spec';
import type { ModelPair } from '../../shared/exported-model';
import { useStudio } from '../store/studio-store';
import { requestBase } from './base-client';

type Status = { kind: 'loading' | 'error'; text: string } | null;

function update(id: string, config: Partial<LayerConfigs['pretrainedBase']>): void {
  useStudio.getState().edit([{ type: 'updateConfig', id, config }]);
}

/** Reads dropped or picked files into a model.json + weights pair (the reader loads on first use). */
async function pairOf(files: readonly File[]): Promise<ModelPair> {
  const { modelPair } = await import('../export/model-files');
  const given = await Promise.all(
    files.map(async (file) => ({
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
  return modelPair(given);
}

/**
 * Where a Pretrained base comes from and where it is cut: a model.json URL with a Load button,
 * or given files, then the layer to cut at. A failed load says why and changes nothing.
 */
export function PretrainedBaseForm({ layer }: { layer: LayerNodeOf<'pretrainedBase'> }) {
  const { source, base, cutLayer } = layer.config;
  const [url, setUrl] = useState(source.kind === 'url' ? source.url : '');
  const [status, setStatus] = useState<Status>(null);
  const urlId = useId();
  const cutId = useId();
  const filesId = useId();

  async function load(next: PretrainedSource, files?: () => Promise<ModelPair>) {
    setStatus({ kind: 'loading', text: 'Loading the base…' });
    try {
      const facts: PretrainedFacts = await requestBase(next, await files?.());
      const keep = cutCandidates(facts).includes(cutLayer) ? cutLayer : defaultCut(facts);
      update(layer.id, { source: next, base: facts, cutLayer: keep });
      setStatus(null);
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  }

  const cut = base && cutBase(base, cutLayer, layer.config.trainableLayers);
  return (
    <div className="pretrained-form" data-testid="pretrained-form">
      <div className="inspector-field">
        <label htmlFor={urlId}>model.json URL</label>
        <input
          id={urlId}
          type="url"
          data-testid="base-url"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
        />
        <button
          type="button"
          data-testid="base-load"
          disabled={status?.kind === 'loading' || url.trim() === ''}
          onClick={() => void load({ kind: 'url', url: url.trim() })}
        >
          Load
        </button>
      </div>
      <div className="inspector-field">
        <label htmlFor={filesId}>…or model.json + weights files</label>
        <input
          id={filesId}
          type="file"
          multiple
          accept=".json,.bin,.zip"
          data-testid="base-files"
          onChange={(event) => {
            // Copied out first: clearing the input below empties its live FileList.
            const files = [...(event.target.files ?? [])];
            if (files.length === 0) return;
            const name = files.map((file) => file.name).join(', ');
            const next: PretrainedSource = { kind: 'files', id: crypto.randomUUID(), name };
            void load(next, () => pairOf(files));
            event.target.value = '';
          }}
        />
      </div>
      {status && (
        <p
          className={status.kind === 'error' ? 'field-problem' : 'hint'}
          role={status.kind === 'error' ? 'alert' : 'status'}
          data-testid={status.kind === 'error' ? 'base-error' : 'base-loading'}
        >
          {status.text}
        </p>
      )}
      {base ? (
        <>
          <p className="hint" data-testid="base-summary">
            {source.kind === 'url' ? 'Loaded from the URL' : `Loaded from ${source.name}`}: takes{' '}
            {formatShape([null, ...base.inputShape])} images, {base.layers.length} layers
            {cut && typeof cut !== 'string'
              ? `; keeps ${cut.kept.length}, of which ${cut.trainable.length} train`
              : ''}
            .
          </p>
          <div className="inspector-field">
            <label htmlFor={cutId}>Cut after layer</label>
            <select
              id={cutId}
              data-testid="field-cutLayer"
              value={cutLayer}
              onChange={(event) => update(layer.id, { cutLayer: event.target.value })}
            >
              {cutLayer !== '' && !cutCandidates(base).includes(cutLayer) && (
                <option value={cutLayer}>{cutLayer} (not in the base)</option>
              )}
              {base.layers
                .filter((entry) => cutCandidates(base).includes(entry.name))
                .map((entry) => (
                  <option key={entry.name} value={entry.name}>
                    {entry.name} ({entry.className}, {formatShape(entry.outputShape)})
                  </option>
                ))}
            </select>
          </div>
        </>
      ) : (
        <p className="hint">Press Load to read the base and choose where to cut it.</p>
      )}
    </div>
  );
}
