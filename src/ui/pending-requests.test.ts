import { afterEach, describe, expect, it } from 'vitest';
import { PendingRequests, acceptRequests, refuseRequests } from './pending-requests';

afterEach(() => acceptRequests());

describe('PendingRequests', () => {
  it('settles an answer by its id', async () => {
    const pending = new PendingRequests<string>();
    const sent: number[] = [];
    const answer = pending.ask((id) => sent.push(id));
    pending.settle(sent[0]!, 'done');
    await expect(answer).resolves.toBe('done');
  });

  it('rejects every waiting request of every list when the worker stops, and refuses new ones', async () => {
    const insights = new PendingRequests<string>();
    const exports = new PendingRequests<number>();
    const waiting = [insights.ask(() => {}), exports.ask(() => {})];
    refuseRequests('The engine stopped.');
    for (const request of waiting) await expect(request).rejects.toThrow('The engine stopped.');
    let sent = false;
    await expect(insights.ask(() => (sent = true))).rejects.toThrow('The engine stopped.');
    expect(sent).toBe(false);
  });

  it('sends again once a new worker is up', async () => {
    const pending = new PendingRequests<string>();
    refuseRequests('stopped');
    acceptRequests();
    const sent: number[] = [];
    const answer = pending.ask((id) => sent.push(id));
    pending.settle(sent[0]!, 'again');
    await expect(answer).resolves.toBe('again');
  });
});
