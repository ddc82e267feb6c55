/**
 * The studio's Content-Security-Policy, one directive per entry with the reason for each
 * source it allows. The build writes it into index.html as a meta tag and `vite preview` sends
 * it as a header (the header also covers the workers and `frame-ancestors`, which a meta tag
 * cannot). Everything the studio runs is a file of its own build: no inline scripts, nothing
 * compiled at run time, no WebAssembly, no blob: workers.
 */

/**
 * Where downloads may come from. The Data panel and the pretrained base fetch a URL the user
 * types (the defaults live on raw.githubusercontent.com, www.cs.toronto.edu and
 * storage.googleapis.com, and a class may use a mirror), so no fixed list of hosts fits: any
 * https address is allowed, plain http only from this computer (a mirror or model served
 * locally). An injected script cannot run under this policy, so the open https: source lets
 * the user fetch, not a script exfiltrate.
 */
export const DOWNLOAD_SOURCES = [
  'https:',
  'http://localhost:*',
  // Names under .localhost are this computer too (RFC 6761): one local server per project.
  'http://*.localhost:*',
  'http://127.0.0.1:*',
] as const;

const DIRECTIVES: [string, string[]][] = [
  ['default-src', ["'self'"]],
  // The bundle's own module scripts. No 'unsafe-inline', no 'unsafe-eval' (tfjs needs neither;
  // charts are drawn by React or on canvas), no 'wasm-unsafe-eval' (no WebAssembly is loaded:
  // tfjs's wasm backend cannot train a CNN and is not part of the build).
  ['script-src', ["'self'"]],
  // The engine and image-decoding workers are files of the build.
  ['worker-src', ["'self'"]],
  // The bundled samples and the studio's own files, plus the URLs a user asks for.
  ['connect-src', ["'self'", ...DOWNLOAD_SOURCES]],
  // Images are drawn on canvases from typed arrays; the only image file is the favicon.
  ['img-src', ["'self'"]],
  ['style-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'self'"]],
  ['form-action', ["'none'"]],
];

/** The policy for a meta tag, which browsers read without `frame-ancestors`. */
export const META_POLICY = DIRECTIVES.map(([name, sources]) => `${name} ${sources.join(' ')}`).join(
  '; ',
);

/** The policy for a response header: the meta tag's, and no page may frame the studio. */
export const HEADER_POLICY = `${META_POLICY}; frame-ancestors 'none'`;

/** Host names that are this computer, as DOWNLOAD_SOURCES allows them over plain http. */
const isLoopback = (host: string) =>
  host === 'localhost' || host === '127.0.0.1' || host.endsWith('.localhost');

/**
 * Why the policy will not let the studio at `studio` fetch `url`, in words; null when it
 * will, and when there is no studio address (Node, where no policy applies). Checked before a
 * download, so the user reads the reason instead of the browser's bare network error.
 */
export function policyRefusal(
  url: string,
  studio: string | undefined = typeof location === 'undefined' ? undefined : location.href,
): string | null {
  if (studio === undefined) return null;
  let parsed: URL;
  try {
    parsed = new URL(url, studio);
  } catch {
    return null; // Not an address at all: the caller's own check says so.
  }
  const allowed =
    parsed.origin === new URL(studio).origin ||
    parsed.protocol === 'https:' ||
    (parsed.protocol === 'http:' && isLoopback(parsed.hostname));
  return allowed
    ? null
    : `The studio downloads only from https:// addresses (or http:// from this computer), so it did not fetch ${parsed.href}. Use the file’s https:// address, or download it yourself and give the studio the file.`;
}
