import { describe, expect, it } from 'vitest';
import { fontFamilyFor } from '../../../renderer/src/ui/theme';

const faces = (language: 'zh-CN' | 'en') => fontFamilyFor(language).split(',');

/** The desk's font stacks: Chinese glyphs from a Chinese face, English punctuation from a Latin one. */
describe('the font stack of each language', () => {
  it('puts the Simplified Chinese faces first in Chinese', () => {
    expect(faces('zh-CN')[0]).toBe('"Noto Sans CJK SC"');
  });

  it('puts Latin faces first in English, the Chinese faces still before any generic family', () => {
    const en = faces('en');
    expect(en[0]).toBe('"Segoe UI"');
    const chinese = en.indexOf('"Noto Sans CJK SC"');
    expect(chinese).toBeGreaterThan(en.indexOf('Arial'));
    expect(chinese).toBeLessThan(en.indexOf('sans-serif'));
    expect(en.at(-1)).toBe('sans-serif');
  });
});
