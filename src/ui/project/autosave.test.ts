import { beforeEach, describe, expect, it } from 'vitest';
import { parseProject } from '../../shared/project/parse-project';
import { useStudio } from '../store/studio-store';
import { autosaveFailure, autosaver } from './autosave';

/** A one-value store that refuses writes while `full`, keeping what it held, as IndexedDB does. */
function quotaStore() {
  const store = { value: undefined as string | undefined, full: false, writes: 0 };
  const write = (json: string) => {
    store.writes++;
    if (store.full) {
      return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    }
    store.value = json;
    return Promise.resolve();
  };
  return { store, write };
}

const notice = () => useStudio.getState().projectNotice;

describe('autosave', () => {
  beforeEach(() => {
    useStudio.setState({ projectName: 'Digits', projectNotice: null, autosavedAt: null });
  });

  it('says in words that a full storage kept the last good autosave, and keeps the studio going', async () => {
    const { store, write } = quotaStore();
    const save = autosaver(write);
    await save();
    const savedAt = useStudio.getState().autosavedAt;
    expect(savedAt).not.toBeNull();
    const good = store.value;

    store.full = true;
    useStudio.getState().setProjectName('Digits, bigger net');
    await save();
    // The failed write changed nothing: the autosave is the last good project, whole.
    expect(store.value).toBe(good);
    expect(parseProject(JSON.parse(store.value!)).name).toBe('Digits');
    expect(useStudio.getState().autosavedAt).toBe(savedAt);
    expect(useStudio.getState().projectName).toBe('Digits, bigger net');
    expect(notice()?.tone).toBe('error');
    expect(notice()?.message).toBe(
      autosaveFailure(new DOMException('', 'QuotaExceededError'), savedAt),
    );
    expect(notice()?.message).toMatch(/storage for this site is full.*not autosaved/);
    expect(notice()?.message).toContain('use Save in the project menu');
  });

  it('tells a failure once, and again only after a save worked in between', async () => {
    const { store, write } = quotaStore();
    const save = autosaver(write);
    store.full = true;
    await save();
    expect(notice()).not.toBeNull();
    useStudio.getState().showProjectNotice(null);
    await save();
    expect(notice()).toBeNull();

    store.full = false;
    await save();
    expect(store.value).toBeDefined();
    store.full = true;
    await save();
    expect(notice()?.message).toContain('not autosaved');
    expect(store.writes).toBe(4);
  });

  it('names the last good autosave’s time when there is one, and other failures as they are', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(autosaveFailure(quota, null)).toContain('as it was last autosaved. ');
    expect(autosaveFailure(quota, new Date(2026, 0, 1, 9, 30).getTime())).toMatch(
      /last autosaved at 0?9.30/,
    );
    expect(autosaveFailure(new Error('no IndexedDB'), null)).toBe(
      'This browser does not let the studio autosave (Error: no IndexedDB); use Save to keep your project.',
    );
  });
});
