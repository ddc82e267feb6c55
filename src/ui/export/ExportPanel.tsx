import { useState } from 'react';
// Only the URL of tfjs' script file, copied into the exported demo page: no tfjs code runs here.
// eslint-disable-next-line no-restricted-imports
import tfjsScriptUrl from '@tensorflow/tfjs/dist/tf.min.js?url';
import type { ExportedModel } from '../../shared/exported-model';
import {
  selectDatasetSummary,
  selectLastEpoch,
  selectReport,
  selectRunState,
  selectSettings,
  selectSpec,
} from '../store/selectors';
import { useStudio } from '../store/studio-store';
import { fileSlug, saveFile } from '../save-file';
import { requestExport } from './export-client';
import type { FinalMetrics } from './export-files';
import { exportZip, modelFiles } from './export-files';
import { ImportModel } from './ImportModel';
import { kerasFor, kerasForZip } from './keras-for';

type Status = { kind: 'working' | 'done' | 'error'; text: string } | null;

const formatBytes = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function tfjsScript(): Promise<Uint8Array> {
  const response = await fetch(tfjsScriptUrl);
  if (!response.ok) throw new Error(`tfjs for the demo page did not load (${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

function customLayerNote(model: ExportedModel): string {
  if (model.customLayers.length === 0) return '';
  return (
    ` Note: this network uses the studio's own ${model.customLayers.join(', ')} layer, which ` +
    'plain tfjs cannot load: register that class before loading the model.'
  );
}

/** Downloads of the trained model: the tfjs pair, or a zip that predicts as the studio does. */
export function ExportPanel() {
  const runState = useStudio(selectRunState);
  const report = useStudio(selectReport);
  const lastEpoch = useStudio(selectLastEpoch);
  const spec = useStudio(selectSpec);
  const settings = useStudio(selectSettings);
  const summary = useStudio(selectDatasetSummary);
  const [status, setStatus] = useState<Status>(null);
  const running = runState === 'preparing' || runState === 'training' || runState === 'stopping';

  const metrics: FinalMetrics = {
    outcome: report?.outcome ?? null,
    validation: lastEpoch?.validation ?? null,
    test: report?.test ?? null,
  };

  function downloadKeras() {
    try {
      if (!summary) throw new Error('Load a dataset first: the script reads images as it does.');
      const name = `train_${fileSlug(summary.name, 'model').replace(/-/g, '_')}.py`;
      saveFile(name, kerasFor(spec, settings, summary), 'text/x-python');
      setStatus({
        kind: 'done',
        text:
          `Downloaded ${name}: the network in the Build panel with these training settings, ` +
          'for TensorFlow/Keras on your own machines. Its first lines say how to run it.',
      });
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  }

  async function download(kind: 'zip' | 'pair') {
    setStatus({ kind: 'working', text: 'Serialising the trained model…' });
    try {
      const model = await requestExport();
      const base = `layerwise-${fileSlug(model.dataset.name, 'model')}`;
      if (kind === 'zip') {
        if (!summary) throw new Error('The dataset is still loading.');
        const { spec: trainedSpec, settings: trainedSettings } = model.trainedWith;
        const zip = exportZip(model, {
          metrics,
          tfjsScript: await tfjsScript(),
          kerasScript: kerasForZip(trainedSpec, trainedSettings, summary),
        });
        saveFile(`${base}.zip`, zip, 'application/zip');
        setStatus({
          kind: 'done',
          text:
            `Downloaded ${base}.zip (${formatBytes(zip.length)}): model, labels, preprocessing, ` +
            `training record, the studio's predictions on ${model.check.count} ${model.check.split} ` +
            'images, the Keras script, and index.html to classify images with it.' +
            customLayerNote(model),
        });
      } else {
        const files = modelFiles(model);
        for (const [name, bytes] of Object.entries(files)) {
          saveFile(
            name,
            bytes,
            name.endsWith('.json') ? 'application/json' : 'application/octet-stream',
          );
        }
        setStatus({
          kind: 'done',
          text:
            `Downloaded model.json and weights.bin (${formatBytes(model.weights.byteLength)}). ` +
            'Prepare inputs as the zip’s preprocessing.json says.' +
            customLayerNote(model),
        });
      }
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <section className="panel export-panel" data-testid="export-panel" aria-label="Export">
      <h2>Export the trained model</h2>
      <p>
        TensorFlow.js layers-format files, loadable with <code>tf.loadLayersModel</code>. The zip
        also carries the class names, exactly how images are prepared, how the model was trained,
        the studio&rsquo;s own predictions on held-out images to check against, the Keras script,
        and a page that classifies an image with it (serve the unzipped folder, e.g.{' '}
        <code>python3 -m http.server</code>). The Keras script alone needs no trained model: it
        rebuilds the Build panel&rsquo;s network and trains it with TensorFlow on your own GPUs.
      </p>
      {running && <p className="hint">Pause or stop training to export the weights as they are.</p>}
      <div className="export-actions">
        <button
          type="button"
          data-testid="export-zip"
          disabled={running || status?.kind === 'working'}
          onClick={() => void download('zip')}
        >
          Download zip
        </button>
        <button
          type="button"
          data-testid="export-pair"
          disabled={running || status?.kind === 'working'}
          onClick={() => void download('pair')}
        >
          Download model.json + weights.bin
        </button>
        <button type="button" data-testid="export-keras" onClick={downloadKeras}>
          Download Keras script
        </button>
      </div>
      {status && (
        <p
          className={`message ${status.kind === 'error' ? 'error' : ''}`}
          role={status.kind === 'error' ? 'alert' : 'status'}
          data-testid="export-status"
          data-state={status.kind}
        >
          {status.text}
        </p>
      )}
      <ImportModel />
    </section>
  );
}
