import { describe, expect, it } from 'vitest';
import type { InsightResult } from '../../shared/insights';
import type { InsightQuestion } from './insight-client';
import { createInsightQueue, Superseded } from './insight-queue';

function fakeWorker() {
  const sent: InsightQuestion[] = [];
  const answers: (() => void)[] = [];
  let inFlight = 0;
  let most = 0;
  const ask = (question: InsightQuestion) =>
    new Promise<InsightResult>((resolve) => {
      sent.push(question);
      inFlight++;
      most = Math.max(most, inFlight);
      answers.push(() => {
        inFlight--;
        resolve({ kind: 'prediction', probabilities: new Float32Array([sent.indexOf(question)]) });
      });
    });
  return { ask, sent, answerNext: () => answers.shift()?.(), most: () => most };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the insight queue', () => {
  it('keeps one request of a kind in flight and runs the newest waiting one per owner', async () => {
    const worker = fakeWorker();
    const request = createInsightQueue(worker.ask);
    const first = request('panel', { kind: 'evaluate', split: 'validation' });
    const stale = request('panel', { kind: 'evaluate', split: 'test' });
    const newest = request('panel', { kind: 'evaluate', split: 'validation' });
    const other = request('filmstrip', { kind: 'weights' });
    await expect(stale).rejects.toBeInstanceOf(Superseded);
    expect(worker.sent).toHaveLength(2); // one evaluate and one weights
    worker.answerNext();
    worker.answerNext();
    await first;
    await other;
    await tick();
    expect(worker.sent).toHaveLength(3);
    worker.answerNext();
    await newest;
    expect(worker.most()).toBe(2);
    expect(worker.sent.filter((q) => q.kind === 'evaluate')).toHaveLength(2);
  });

  it('moves on to the next question after a rejection', async () => {
    let calls = 0;
    const request = createInsightQueue(() => {
      calls++;
      return calls === 1
        ? Promise.reject(new Error('No trained model yet'))
        : Promise.resolve({ kind: 'prediction', probabilities: new Float32Array(1) });
    });
    const failing = request('a', { kind: 'weights' });
    const next = request('b', { kind: 'weights' });
    await expect(failing).rejects.toThrow('No trained model yet');
    await expect(next).resolves.toMatchObject({ kind: 'prediction' });
  });
});
