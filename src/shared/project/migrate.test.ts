import { describe, expect, it } from 'vitest';
import type { Migration } from './migrate';
import { MIGRATIONS, PROJECT_VERSION, migrate } from './migrate';
import { DEFAULT_SETTINGS } from '../train-settings';

/** Two made-up format changes: 1 → 2 renames `title` to `name`; 2 → 3 adds `tags`. */
const renameTitle: Migration = ({ title, ...rest }) => ({ ...rest, name: title });
const addTags: Migration = (project) => ({ ...project, tags: [] });

describe('migrations', () => {
  it('the current version follows from the list of migrations', () => {
    expect(PROJECT_VERSION).toBe(MIGRATIONS.length + 1);
  });

  it('lift a project through every step after its version, in order', () => {
    const lifted = migrate({ version: 1, title: 'Digits' }, [renameTitle, addTags]);
    expect(lifted).toEqual({ version: 3, name: 'Digits', tags: [] });
  });

  it('start at the project version and skip the steps before it', () => {
    const lifted = migrate({ version: 2, name: 'Digits' }, [renameTitle, addTags]);
    expect(lifted).toEqual({ version: 3, name: 'Digits', tags: [] });
  });

  it('leave a current project as it is', () => {
    const project = { version: 3, name: 'Digits', tags: ['cnn'] };
    expect(migrate(project, [renameTitle, addTags])).toEqual(project);
  });

  it('refuse a project from a newer studio', () => {
    expect(() => migrate({ version: 4 }, [renameTitle, addTags])).toThrow(
      'made by a newer Layerwise (format 4); this studio reads up to format 3',
    );
  });

  it('1 → 2: settings saved before schedules, early stopping and cross-validation get a constant rate, no early stopping and no folds, and the runs an empty history', () => {
    const { schedule, earlyStopping, crossValidation, ...before } = DEFAULT_SETTINGS;
    expect([schedule.kind, earlyStopping.enabled, crossValidation]).toEqual([
      'constant',
      false,
      null,
    ]);
    const runs = { points: [], previousPoints: [], report: null };
    const lifted = migrate({
      version: 1,
      name: 'Digits',
      settings: { ...before, epochs: 7 },
      runs,
    });
    expect(lifted).toEqual({
      version: PROJECT_VERSION,
      name: 'Digits',
      settings: { ...DEFAULT_SETTINGS, epochs: 7 },
      runs: { ...runs, history: [] },
    });
  });

  it('3 → 4: a dataset reference saved before class edits were kept has none, and no dataset stays none', () => {
    const dataset = { kind: 'sample', name: 'MNIST digits', classNames: ['0', '1'] };
    const lifted = migrate({ version: 3, data: { config: {}, dataset } });
    expect(lifted).toEqual({
      version: 4,
      data: { config: {}, dataset: { ...dataset, classEdits: [] } },
    });
    const none = { version: 3, data: { config: {}, dataset: null } };
    expect(migrate(none)).toEqual({ ...none, version: 4 });
  });

  it('refuse a version that is not a whole number of at least 1', () => {
    expect(() => migrate({ version: 0 })).toThrow('unknown format version (0)');
    expect(() => migrate({ version: 1.5 })).toThrow('unknown format version (1.5)');
  });
});
