import { describe, expect, it } from 'vitest';
import { isQuotaExceeded } from './storage-full';

describe('isQuotaExceeded', () => {
  it('recognises a full quota by the error’s name, as browsers report it', () => {
    expect(isQuotaExceeded(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaExceeded({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
  });

  it('leaves other failures to their own messages', () => {
    expect(isQuotaExceeded(new DOMException('closed', 'InvalidStateError'))).toBe(false);
    expect(isQuotaExceeded(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaExceeded(null)).toBe(false);
    expect(isQuotaExceeded('QuotaExceededError')).toBe(false);
  });
});
