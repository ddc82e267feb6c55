import { useState } from 'react';
import type { EnsembleResult } from '../../shared/ensemble';
import { classesEnsembleWins } from '../../shared/ensemble';
import type { RunRecord } from '../../shared/run-record';
import { finalValidation } from '../../shared/run-record';
import { ClassLabel } from '../ClassLabel';
import { formatCount, formatPercent } from '../format';
import { ConfusionMatrix } from '../insights/ConfusionMatrix';
import { fileSlug, saveFile } from '../save-file';
import { selectDatasetSummary, selectRunState } from '../store/selectors';
import { useStudio } from '../store/studio-store';
import type { EnsembleMember } from './ensemble-files';
import { ensembleZip } from './ensemble-files';
import { requestEnsembleEvaluation, requestEnsembleExport } from './ensemble-client';
import { ensembleProblem } from './ensemble-problem';
import { runName } from './overlay-data';

type Status = { kind: 'working' | 'done' | 'error'; text: string } | null;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The key of a set of runs, so a result is shown only for the runs it was made of. */
const keyOf = (runs: RunRecord[]) => runs.map((run) => run.id).join();

/** What the Export panel's training record says of a finished run. */
function metricsOf(run: RunRecord): EnsembleMember['metrics'] {
  const validation = finalValidation(run);
  return {
    outcome: run.outcome,
    validation: validation ? { loss: validation.loss, accuracy: validation.accuracy } : null,
    test: run.test ? { loss: run.test.loss, accuracy: run.test.accuracy } : null,
  };
}

/**
 * The ticked runs as one model that averages their probabilities: its test accuracy beside
 * each member's, its confusion matrix, the classes where it beats every member, and a download.
 */
export function EnsembleSection({ runs: ticked }: { runs: RunRecord[] }) {
  const runs = [...ticked].sort((a, b) => a.number - b.number);
  const summary = useStudio(selectDatasetSummary);
  const training = useStudio(selectRunState) !== 'idle';
  const [status, setStatus] = useState<Status>(null);
  const [scored, setScored] = useState<{ key: string; result: EnsembleResult } | null>(null);
  const problem = ensembleProblem(runs, { fingerprint: summary?.fingerprint ?? null, training });
  const working = status?.kind === 'working';
  const key = keyOf(runs);

  async function evaluate() {
    setStatus({ kind: 'working', text: `Scoring ${runs.length} models on the test split…` });
    try {
      const result = await requestEnsembleEvaluation(runs);
      setScored({ key, result });
      setStatus(null);
    } catch (error) {
      setStatus({ kind: 'error', text: messageOf(error) });
    }
  }

  async function download() {
    setStatus({ kind: 'working', text: `Serialising ${runs.length} models…` });
    try {
      const models = await requestEnsembleExport(runs);
      const members = runs.map((run, i) => {
        const model = models[i];
        if (!model) throw new Error(`The worker sent no model for ${runName(run)}.`);
        return { folder: `run-${run.number}`, name: runName(run), model, metrics: metricsOf(run) };
      });
      const name = `layerwise-ensemble-${fileSlug(models[0]?.dataset.name ?? '', 'model')}.zip`;
      saveFile(name, ensembleZip(members), 'application/zip');
      setStatus({
        kind: 'done',
        text: `Downloaded ${name}: each model in its own folder, with ensemble.json and a README saying how to average them.`,
      });
    } catch (error) {
      setStatus({ kind: 'error', text: messageOf(error) });
    }
  }

  return (
    <section className="ensemble" data-testid="ensemble" aria-labelledby="ensemble-title">
      <h3 id="ensemble-title">Ensemble</h3>
      {runs.length < 2 ? (
        <p className="hint" data-testid="ensemble-hint">
          {problem}
        </p>
      ) : (
        <>
          <p className="hint">
            An ensemble averages its members’ class probabilities and predicts the most probable
            class; members that make different mistakes often do better together.
          </p>
          <div className="ensemble-actions">
            <button
              type="button"
              data-testid="ensemble-evaluate"
              disabled={working || problem !== null}
              onClick={() => void evaluate()}
            >
              Evaluate the ensemble of the {runs.length} ticked runs
            </button>
            <button
              type="button"
              data-testid="ensemble-download"
              disabled={working || problem !== null}
              onClick={() => void download()}
            >
              Download the ensemble
            </button>
          </div>
          {(problem ?? status) && (
            <p
              className={`message${problem || status?.kind === 'error' ? ' error' : ''}`}
              role={problem || status?.kind === 'error' ? 'alert' : 'status'}
              data-testid="ensemble-status"
              data-state={problem ? 'error' : status?.kind}
            >
              {problem ?? status?.text}
            </p>
          )}
          {scored?.key === key && (
            <EnsembleResultView
              result={scored.result}
              runs={runs}
              classNames={summary?.classNames ?? []}
            />
          )}
        </>
      )}
    </section>
  );
}

interface ResultProps {
  result: EnsembleResult;
  runs: RunRecord[];
  classNames: string[];
}

/** The ensemble's scores beside its members', and the classes where it beats them all. */
function EnsembleResultView({ result, runs, classNames }: ResultProps) {
  const { ensemble } = result;
  const wins = classesEnsembleWins(result);
  const nameOf = (runId: string) => {
    const run = runs.find((r) => r.id === runId);
    return run ? runName(run) : 'A run';
  };
  return (
    <div className="ensemble-result" data-testid="ensemble-result">
      <p data-testid="ensemble-accuracy" data-value={ensemble.accuracy}>
        Ensemble test accuracy <strong>{formatPercent(ensemble.accuracy)}</strong> (loss{' '}
        {ensemble.loss.toFixed(3)}) on {formatCount(result.examples)} test images.
      </p>
      <ul className="ensemble-members">
        {result.members.map((member) => (
          <li key={member.runId} data-testid="ensemble-member" data-value={member.accuracy}>
            {nameOf(member.runId)}: {formatPercent(member.accuracy)} (loss {member.loss.toFixed(3)})
          </li>
        ))}
      </ul>
      <p data-testid="ensemble-wins">
        The ensemble beats every member on {wins.filter(Boolean).length} of {wins.length} classes
        {wins.some(Boolean) ? ' (highlighted below)' : ''}.
      </p>
      <div className="ensemble-grid">
        <ConfusionMatrix
          confusion={ensemble.confusion}
          classNames={classNames}
          testIdPrefix="ensemble-confusion"
        />
        <table className="ensemble-classes" data-testid="ensemble-classes">
          <caption>Test accuracy by class</caption>
          <thead>
            <tr>
              <th scope="col">Class</th>
              {result.members.map((member) => (
                <th key={member.runId} scope="col">
                  {nameOf(member.runId)}
                </th>
              ))}
              <th scope="col">Ensemble</th>
            </tr>
          </thead>
          <tbody>
            {ensemble.perClass.map((accuracy, k) => (
              <tr key={k} className={wins[k] ? 'wins' : undefined} data-wins={wins[k]}>
                <th scope="row">
                  <ClassLabel name={classNames[k] ?? String(k)} />
                </th>
                {result.members.map((member) => (
                  <td key={member.runId}>{formatPercent(member.perClass[k] ?? NaN)}</td>
                ))}
                <td>
                  {formatPercent(accuracy)}
                  {wins[k] && <span className="visually-hidden"> (beats every member)</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
