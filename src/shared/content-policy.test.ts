import { describe, expect, it } from 'vitest';
import { HEADER_POLICY, META_POLICY, policyRefusal } from './content-policy';

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
      'http://*.localhost:*',
      'http://127.0.0.1:*',
    ]);
  });

  it('forbids framing in the header, which a meta tag cannot carry', () => {
    expect(directive(HEADER_POLICY, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(META_POLICY, 'frame-ancestors')).toBeUndefined();
  });
});

describe('policyRefusal', () => {
  const studio = 'http://127.0.0.1:4173/';

  it('lets the studio fetch its own files, https addresses and this computer', () => {
    for (const url of [
      'samples/mnist.bin',
      'https://storage.googleapis.com/tfjs-models/model.json',
      'http://localhost:8000/train.gz',
      'http://models.localhost/digits/model.json',
      'http://127.0.0.1:9000/cifar.tar.gz',
    ]) {
      expect(policyRefusal(url, studio)).toBeNull();
    }
  });

  it('explains why an http address on another machine is not fetched', () => {
    expect(policyRefusal('http://192.168.1.5/data/train.gz', studio)).toBe(
      'The studio downloads only from https:// addresses (or http:// from this computer), so it did not fetch http://192.168.1.5/data/train.gz. Use the file’s https:// address, or download it yourself and give the studio the file.',
    );
    expect(policyRefusal('ftp://example.com/x', studio)).toMatch(/did not fetch ftp:/);
    expect(policyRefusal('http://localhost.example.com/x', studio)).toMatch(/did not fetch/);
  });

  it('checks nothing where no policy applies', () => {
    expect(policyRefusal('http://mirror.test/x.gz', undefined)).toBeNull();
  });
});
