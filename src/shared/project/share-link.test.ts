import { describe, expect, it } from 'vitest';
import { makeProject } from './make-project';
import { PROJECT_VERSION } from './migrate';
import { EMPTY_RUN_HISTORY } from './project';
import { DAMAGED_LINK_MESSAGE, readShareFragment, shareFragment } from './share-link';
import { deflateSync, strToU8 } from 'fflate';

describe('share links', () => {
  it('carry the network, settings and name, without the dataset or runs', () => {
    const project = makeProject();
    const fragment = shareFragment(project);
    expect(fragment).toMatch(/^net=[A-Za-z0-9_-]+$/);
    expect(readShareFragment(`#${fragment}`)).toEqual({
      ...project,
      data: { config: project.data.config, dataset: null },
      runs: EMPTY_RUN_HISTORY,
    });
  });

  it('are ignored when the fragment shares nothing', () => {
    expect(readShareFragment('')).toBeUndefined();
    expect(readShareFragment('#panel=train')).toBeUndefined();
  });

  it('refuse a link that was cut off', () => {
    const fragment = shareFragment(makeProject());
    expect(() => readShareFragment(fragment.slice(0, fragment.length - 20))).toThrow(
      DAMAGED_LINK_MESSAGE,
    );
  });

  it('refuse a link whose text was changed', () => {
    const fragment = shareFragment(makeProject());
    const tampered = `${fragment.slice(0, 40)}${fragment[40] === 'A' ? 'B' : 'A'}${fragment.slice(41)}`;
    expect(() => readShareFragment(tampered)).toThrow(DAMAGED_LINK_MESSAGE);
    expect(() => readShareFragment('net=not*base64')).toThrow(DAMAGED_LINK_MESSAGE);
  });

  it('say when a link comes from a newer studio', () => {
    const newer = { ...makeProject(), version: PROJECT_VERSION + 1 };
    const encoded = Buffer.from(deflateSync(strToU8(JSON.stringify(newer)))).toString('base64url');
    expect(() => readShareFragment(`net=${encoded}`)).toThrow('made by a newer Layerwise');
  });
});
