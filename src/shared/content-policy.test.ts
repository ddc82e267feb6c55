import { describe, expect, it } from 'vitest';
import { HEADER_POLICY, META_POLICY } from './content-policy';

const directive = (policy: string, name: string) =>
  policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name)
    ?.slice(1);

describe('the content security policy', () => {
  it('runs only the studio’s own scripts and workers, nothing inline or evaluated', () => {
    expect(directive(META_POLICY, 'script-src')).toEqual(["'self'"]);
    expect(directive(META_POLICY, 'worker-src')).toEqual(["'self'"]);
    expect(META_POLICY).not.toMatch(/unsafe|blob:|data:|\s\*(\s|;|$)/);
  });

  it('downloads from the studio, https addresses and this computer only', () => {
    expect(directive(META_POLICY, 'connect-src')).toEqual([
      "'self'",
      'https:',
      'http://localhost:*',
      'http://127.0.0.1:*',
    ]);
  });

  it('forbids framing in the header, which a meta tag cannot carry', () => {
    expect(directive(HEADER_POLICY, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(META_POLICY, 'frame-ancestors')).toBeUndefined();
  });
});
