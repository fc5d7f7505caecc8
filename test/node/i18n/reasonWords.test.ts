import { describe, expect, it } from 'vitest';
import type { AppErrorData } from '@shared/errors/appError';
import { translateAppError } from '../../../renderer/src/i18n/translate';

/** An error's own reason, worded ahead of its code (i18n/translate.ts `reasonKeys`). */
describe('an error worded by its reason', () => {
  it('says a part not loaded in its own words, whatever the code', () => {
    const error: AppErrorData = {
      code: 'unavailable',
      message: 'x',
      details: { reason: 'part_not_loaded' },
    };
    expect(translateAppError('zh-CN', error)).toMatch(/^程序的一部分未能载入/);
    expect(translateAppError('en', error)).toMatch(/^A part of the desk could not be loaded/);
  });

  it('takes no word from a reason that is only a name every object has', () => {
    // A reason from outside (an HQ answer's details) named like Object's own members
    // found a function in the table, and the error was worded "{reason}".
    for (const reason of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      const error: AppErrorData = { code: 'internal', message: 'x', details: { reason } };
      expect(translateAppError('zh-CN', error)).toBe(
        '发生意外错误，请重试；如仍失败请联系管理员。',
      );
    }
  });
});
