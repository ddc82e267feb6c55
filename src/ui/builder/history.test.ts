import { describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, MERGE_WINDOW_MS, emptyHistory, record, redo, undo } from './history';

describe('history', () => {
  it('undoes and redoes back to the exact values', () => {
    let history = emptyHistory<string>();
    let value = 'a';
    for (const next of ['b', 'c', 'd']) {
      history = record(history, value);
      value = next;
    }
    const seen: string[] = [];
    for (let step = undo(history, value); step; step = undo(history, value)) {
      ({ value, history } = step);
      seen.push(value);
    }
    expect(seen).toEqual(['c', 'b', 'a']);
    for (let step = redo(history, value); step; step = redo(history, value)) {
      ({ value, history } = step);
      seen.push(value);
    }
    expect(seen).toEqual(['c', 'b', 'a', 'b', 'c', 'd']);
  });

  it('forgets the redo branch once a new edit is made', () => {
    let history = record(record(emptyHistory<number>(), 1), 2);
    const step = undo(history, 3)!;
    history = record(step.history, step.value);
    expect(history.future).toEqual([]);
    expect(redo(history, 4)).toBeUndefined();
  });

  it('folds keystrokes in one field into one step, but not across fields or pauses', () => {
    let history = emptyHistory<number>();
    history = record(history, 0, 'units', 1000);
    history = record(history, 1, 'units', 1200);
    history = record(history, 2, 'units', 1400);
    expect(history.past).toEqual([0]);
    history = record(history, 3, 'filters', 1500);
    expect(history.past).toEqual([0, 3]);
    history = record(history, 4, 'filters', 1500 + MERGE_WINDOW_MS);
    expect(history.past).toEqual([0, 3, 4]);
    history = record(history, 5);
    history = record(history, 6);
    expect(history.past).toEqual([0, 3, 4, 5, 6]);
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    let history = emptyHistory<number>();
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) history = record(history, i);
    expect(history.past).toHaveLength(HISTORY_LIMIT);
    expect(history.past[0]).toBe(20);
  });
});
