import { describe, expect, it } from 'vitest';
import { fileSlug } from './save-file';

describe('file names from user names', () => {
  it('keeps letters and digits and turns the rest into dashes', () => {
    expect(fileSlug('My Digits (v2)', 'x')).toBe('my-digits-v2');
    expect(fileSlug('../../etc/passwd', 'x')).toBe('etc-passwd');
    expect(fileSlug('Café', 'x')).toBe('cafe');
  });

  it('falls back when nothing usable is left', () => {
    expect(fileSlug('<>:"/\\|?*', 'model')).toBe('model');
  });
});
