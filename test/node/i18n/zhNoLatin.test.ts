import { describe, expect, it } from 'vitest';
import { en, zhCN } from '../../../renderer/src/i18n/messages';
import { latinLeaks } from '../../support/latinWords';

/**
 * The Chinese dictionary itself holds no English: every zh-CN message, placeholders
 * aside, passes the same Latin-word rule the zh-CN screen walk applies
 * (test/e2e/chromium/zhWalk.e2e.ts), including messages of screens the walk cannot reach
 * without a county (conflicts, refusals, package errors).
 */
describe('zh-CN messages', () => {
  it('contain no Latin words outside the allow-list', () => {
    const leaks = Object.entries(zhCN).flatMap(([key, text]) =>
      latinLeaks(text.replace(/\{\w+\}/g, '')).map((l) => `${key}: ${l.word} (“${l.context}”)`),
    );
    expect(leaks).toEqual([]);
  });

  it('the rule finds English: the en dictionary is full of it', () => {
    const english = Object.values(en).filter((text) => latinLeaks(text).length > 0);
    expect(english.length).toBeGreaterThan(Object.keys(en).length / 2);
  });
});
