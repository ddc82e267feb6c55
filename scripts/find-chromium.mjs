import { existsSync } from 'node:fs';

/** Where the tests look for Chromium, in order. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/**
 * The Chromium the end-to-end tests and benchmarks drive: `$CHROMIUM_PATH` when set,
 * else the first system install found. Throws with install instructions when there is none.
 */
export function findChromium(env = process.env) {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
  }
  const found = CHROMIUM_CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    [
      'No Chromium found for the end-to-end tests.',
      `Looked for: ${CHROMIUM_CANDIDATES.join(', ')}.`,
      'Install one (Debian/Ubuntu, as root): apt-get update && apt-get install -y chromium',
      'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    ].join('\n'),
  );
}
