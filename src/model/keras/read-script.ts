/**
 * Test support: has Python compile and parse a generated script (`read-script.py`) and
 * returns what it found. Runs in Node under vitest only, never in the app.
 */
/* eslint-disable no-restricted-imports -- the tests check the script with Python itself */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
/* eslint-enable no-restricted-imports */

/** A Python value as read-script.py writes it: a literal, a name, a call or other source. */
export type PyValue =
  string | number | boolean | null | PyValue[] | { name: string } | PyCallValue | { expr: string };

export interface PyCallValue {
  call: string;
  args: PyValue[];
  kwargs: Record<string, PyValue>;
}

/** A layer declared in build_model(): its call, its variable and the variables it is applied to. */
export interface PyLayer extends PyCallValue {
  var: string;
  inputs: string[];
}

export interface ParsedScript {
  constants: Record<string, PyValue>;
  layers: PyLayer[];
  /** Every call in the script, in source order. */
  calls: PyCallValue[];
}

const READER = fileURLToPath(new URL('./read-script.py', import.meta.url));

/**
 * Writes `source` to a temporary file, compiles it with `py_compile` and parses it with
 * `ast`, using $PYTHON or `python3`.
 *
 * @throws Error when Python is missing, or the script does not compile.
 */
export function readScript(source: string): ParsedScript {
  const python = process.env.PYTHON ?? 'python3';
  const dir = mkdtempSync(join(tmpdir(), 'layerwise-keras-'));
  try {
    const path = join(dir, 'train.py');
    writeFileSync(path, source, 'utf8');
    const result = spawnSync(python, [READER, path], { encoding: 'utf8' });
    if (result.error) {
      throw new Error(
        `The Keras export tests need Python 3.9 or later: install python3 (apt-get install ` +
          `python3) or set PYTHON to its path. Running '${python}' failed: ${result.error.message}`,
      );
    }
    if (result.status !== 0) throw new Error(`Python rejected the script:\n${result.stderr}`);
    return JSON.parse(result.stdout) as ParsedScript;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
