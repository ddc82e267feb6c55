import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { parseProject } from './parse-project';
import type { Project } from './project';
import { EMPTY_RUN_HISTORY, SHARE_KEY } from './project';
import { NewerProjectError, ProjectError } from './project-error';

/**
 * Share links carry a network and its training settings in the URL fragment, which browsers
 * never send to a server: `#net=` + base64url of the deflated project JSON. The payload is a
 * project with no dataset and no runs, so it goes through the same migrations and checks.
 */

export const DAMAGED_LINK_MESSAGE =
  'This share link is incomplete or damaged, so it was not opened; your project is unchanged. Ask for the link again, and copy all of it.';

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // In slices: spreading a whole large array into one call overflows the argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** The fragment (without `#`) that shares the project's network and settings, not its data or runs. */
export function shareFragment(project: Project): string {
  const shared: Project = {
    ...project,
    data: { config: project.data.config, dataset: null },
    runs: EMPTY_RUN_HISTORY,
  };
  return `${SHARE_KEY}=${toBase64Url(deflateSync(strToU8(JSON.stringify(shared)), { level: 9 }))}`;
}

/**
 * The project a URL fragment (with or without `#`) shares, undefined when the fragment is no
 * share link, or a ProjectError when it is one but cannot be read.
 */
export function readShareFragment(fragment: string): Project | undefined {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const encoded = params.get(SHARE_KEY);
  if (encoded === null) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(inflateSync(fromBase64Url(encoded))));
  } catch {
    throw new ProjectError(DAMAGED_LINK_MESSAGE);
  }
  try {
    return parseProject(json);
  } catch (error) {
    // A link from a newer studio is intact: say so rather than calling it damaged.
    if (error instanceof NewerProjectError) throw error;
    throw new ProjectError(DAMAGED_LINK_MESSAGE);
  }
}
