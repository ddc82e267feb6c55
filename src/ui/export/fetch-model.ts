import { policyRefusal } from '../../shared/content-policy';
import type { GivenFile } from './model-files';

async function download(url: URL): Promise<Uint8Array> {
  const refusal = policyRefusal(url.href);
  if (refusal) throw new Error(refusal);
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`${url.href} could not be reached (${(error as Error).message}).`);
  }
  if (!response.ok) throw new Error(`${url.href} answered ${response.status}: no model there.`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The files of a model published at `address` (its model.json): the JSON, then every weights
 * file its manifest names, fetched relative to it as tfjs itself does.
 */
export async function fetchModelFiles(address: string): Promise<GivenFile[]> {
  let url: URL;
  try {
    url = new URL(address, window.location.href);
  } catch {
    throw new Error(`“${address}” is not a web address.`);
  }
  const json = await download(url);
  let manifest: unknown;
  try {
    manifest = (JSON.parse(new TextDecoder().decode(json)) as { weightsManifest?: unknown })
      .weightsManifest;
  } catch {
    throw new Error(`${url.href} is not a model.json: it is not JSON.`);
  }
  const paths = Array.isArray(manifest)
    ? manifest.flatMap((group: { paths?: unknown }) =>
        Array.isArray(group.paths) ? group.paths.map(String) : [],
      )
    : [];
  const weights = await Promise.all(
    paths.map(async (path) => ({ name: path, bytes: await download(new URL(path, url)) })),
  );
  return [{ name: 'model.json', bytes: json }, ...weights];
}
