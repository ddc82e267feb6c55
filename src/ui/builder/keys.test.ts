import { describe, expect, it } from 'vitest';
import { chordOf } from './keys';

const key = (
  k: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
) => chordOf({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('chordOf', () => {
  it('names Ctrl and Cmd alike, and ignores the case Shift gives letters', () => {
    expect(key('z', { ctrlKey: true })).toBe('Mod+z');
    expect(key('z', { metaKey: true })).toBe('Mod+z');
    expect(key('Z', { ctrlKey: true, shiftKey: true })).toBe('Mod+Shift+z');
    expect(key('Delete')).toBe('Delete');
  });
});
