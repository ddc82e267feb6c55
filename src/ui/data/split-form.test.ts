import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_CONFIG } from '../../shared/dataset';
import { configOf, draftOf } from './split-form';

describe('the split form', () => {
  it('shows fractions as percentages and reads them back', () => {
    const draft = draftOf(DEFAULT_DATA_CONFIG);
    expect(draft).toMatchObject({ validation: '10', test: '10' });
    expect(configOf(draft)).toEqual({ config: DEFAULT_DATA_CONFIG });
  });

  it('accepts no test split at all', () => {
    const result = configOf({ validation: '20', test: '0', seed: '7', normalisation: 'unit' });
    expect(result).toEqual({
      config: { validation: 0.2, test: 0, seed: 7, normalisation: 'unit' },
    });
  });

  it('refuses shares out of range, empty fields and a bad seed, in words', () => {
    const result = configOf({ validation: '95', test: '', seed: '1.5', normalisation: 'unit' });
    expect(result).toEqual({
      problems: [
        'Validation %, test % and seed must all be numbers.',
        'Validation must be from 0 to 50 % of the examples.',
        'Validation and test together may take at most 80 % of the examples.',
        'Seed must be a whole number, 0 or more.',
      ],
    });
  });

  it('keeps some data to train on', () => {
    const result = configOf({ validation: '50', test: '45', seed: '1', normalisation: 'unit' });
    expect('problems' in result && result.problems[0]).toMatch(/at most 80 %/);
  });
});
