import type { EnsembleResult } from '../../shared/ensemble';
import type { ExportedModel } from '../../shared/exported-model';
import type { RunRecord } from '../../shared/run-record';
import { send } from '../engine-client';
import { PendingRequests } from '../pending-requests';
import { notKeptMessage } from './ensemble-problem';

/** The worker's answers to both ensemble requests, which share their ids. */
type Answer =
  { kind: 'evaluated'; result: EnsembleResult } | { kind: 'exported'; members: ExportedModel[] };

/** The worker's refusal naming the runs whose weights it no longer keeps. */
class RunsNotKeptError extends Error {
  constructor(
    message: string,
    readonly runIds: string[],
  ) {
    super(message);
  }
}

const pending = new PendingRequests<Answer>();

async function ask(type: 'evaluateEnsemble' | 'exportEnsemble', runs: RunRecord[]) {
  const runIds = runs.map((run) => run.id);
  try {
    return await pending.ask((requestId) => send({ type, requestId, runIds }));
  } catch (error) {
    if (!(error instanceof RunsNotKeptError)) throw error;
    const numbers = runs.filter((run) => error.runIds.includes(run.id)).map((run) => run.number);
    throw new Error(numbers.length > 0 ? notKeptMessage(numbers) : error.message);
  }
}

/** Scores the ensemble of `runs` on the test split; rejects with why it cannot. */
export async function requestEnsembleEvaluation(runs: RunRecord[]): Promise<EnsembleResult> {
  const answer = await ask('evaluateEnsemble', runs);
  if (answer.kind !== 'evaluated') throw new Error('The worker answered with an export.');
  return answer.result;
}

/** Each of `runs`' trained models for download, in their order; rejects with why it cannot. */
export async function requestEnsembleExport(runs: RunRecord[]): Promise<ExportedModel[]> {
  const answer = await ask('exportEnsemble', runs);
  if (answer.kind !== 'exported') throw new Error('The worker answered with an evaluation.');
  return answer.members;
}

/** Called by the engine client for every ensemble answer. */
export function settleEnsemble(requestId: number, answer: Answer): void {
  pending.settle(requestId, answer);
}

/** Called by the engine client for an ensemble request the worker could not answer. */
export function failEnsemble(requestId: number, message: string, missing?: string[]): void {
  pending.settle(
    requestId,
    missing && missing.length > 0 ? new RunsNotKeptError(message, missing) : new Error(message),
  );
}
