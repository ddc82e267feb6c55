import { useId, useState } from 'react';
import type { ImageOptions, RemoteDataset } from '../../shared/dataset';
import { REMOTE_DATASETS } from '../../shared/remote-datasets';
import { send } from '../engine-client';

interface Props {
  image: ImageOptions | null;
}

/** Problems with the URLs, in words; empty when they can be fetched. */
function urlProblems(urls: string[]): string[] {
  if (urls.length === 0) return ['Enter at least one URL.'];
  return urls.flatMap((url) => {
    try {
      const parsed = new URL(url, window.location.href);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:'
        ? []
        : [`“${url}” is not a web address (http or https).`];
    } catch {
      return [`“${url}” is not a web address.`];
    }
  });
}

/** Download a standard dataset from editable URLs (a classroom can point at a local mirror). */
export function UrlSource({ image }: Props) {
  const id = useId();
  const [preset, setPreset] = useState<RemoteDataset>(REMOTE_DATASETS[0]!);
  const [urls, setUrls] = useState<string[]>(preset.urls);
  const wanted = urls.map((url) => url.trim()).filter((url) => url !== '');
  const problems = urlProblems(wanted);

  const choose = (next: RemoteDataset) => {
    setPreset(next);
    setUrls(next.urls);
  };

  return (
    <form
      className="source-options url-source"
      aria-label="Download a dataset"
      onSubmit={(event) => {
        event.preventDefault();
        if (problems.length > 0 || !image) return;
        send({
          type: 'loadDataset',
          // Absolute, so the worker resolves a relative mirror path against the page, not itself.
          source: {
            kind: 'url',
            name: preset.name,
            urls: wanted.map((url) => new URL(url, window.location.href).href),
            image,
          },
        });
      }}
    >
      <div className="url-presets" role="group" aria-label="Datasets to download">
        {REMOTE_DATASETS.map((remote) => (
          <button
            key={remote.id}
            type="button"
            data-testid={`url-preset-${remote.id}`}
            aria-pressed={preset.id === remote.id}
            onClick={() => choose(remote)}
          >
            {remote.name}
          </button>
        ))}
      </div>
      {urls.map((url, i) => (
        <div className="url-field" key={i}>
          <label htmlFor={`${id}-${i}`}>File {i + 1}</label>
          <input
            id={`${id}-${i}`}
            inputMode="url"
            spellCheck={false}
            data-testid={`url-field-${i}`}
            value={url}
            onChange={(event) => {
              const value = event.target.value;
              setUrls((old) => old.map((u, j) => (j === i ? value : u)));
            }}
          />
        </div>
      ))}
      <p className="hint">
        The server must allow cross-origin downloads (CORS), or the browser refuses the files. A
        classroom can put the files on a local server and point these fields at it. Downloads are
        kept, so the next load works offline.
      </p>
      <button type="submit" data-testid="url-load" disabled={problems.length > 0 || !image}>
        Download and load {preset.name}
      </button>
      {problems.length > 0 && wanted.length > 0 && (
        <ul className="field-problem" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </form>
  );
}
