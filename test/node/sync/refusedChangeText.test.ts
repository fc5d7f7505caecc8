import { describe, expect, it } from 'vitest';
import type { ChangeRefusalCode } from '@shared/sync/incomingChanges';
import { translate, type Language, type Translate } from '../../../renderer/src/i18n/translate';
import { refusedChangeReason, syncReason } from '../../../renderer/src/screens/sync/syncText';

const byLanguage: [Language, Translate][] = (['zh-CN', 'en'] as const).map((language) => [
  language,
  (key, params) => translate(language, key, params),
]);

/** Every reason the desk refuses a change for, with the params it is given; add new ones. */
const reasons: Record<ChangeRefusalCode, Record<string, string>> = {
  'sync.change.unknown_kind': { kind: 'payrollEntry' },
  'sync.change.local_kind': { kind: 'localUser' },
  'sync.change.invalid_record': { kind: 'person', field: 'idNumber' },
  'sync.change.wrong_office': { kind: 'person', office: 'office-west' },
  'sync.change.reference_owner': { kind: 'calendarYear', office: 'office-east' },
};

describe('wording of HQ changes the desk refused', () => {
  it.each(Object.entries(reasons))('words %s in both languages, no slot left', (code, params) => {
    for (const [, t] of byLanguage) {
      const text = refusedChangeReason(t, code, params);
      expect(text).not.toMatch(/sync\.|\{|\}|localUser|idNumber/);
      expect(text.length).toBeGreaterThan(8);
    }
  });

  it('names kinds and fields as people say them, an unknown kind by its code', () => {
    const [[, zh]] = byLanguage as [[Language, Translate]];
    expect(
      refusedChangeReason(zh, 'sync.change.invalid_record', reasons['sync.change.invalid_record']),
    ).toBe('记录内容不符合校验规则（身份证号码）');
    expect(
      refusedChangeReason(zh, 'sync.change.wrong_office', reasons['sync.change.wrong_office']),
    ).toBe('记录属于其他办公室（office-west），不是本办公室的');
    expect(
      refusedChangeReason(zh, 'sync.change.invalid_record', { kind: 'person', field: '' }),
    ).toBe('记录内容不符合校验规则（人员）');
  });

  it('says why the round stopped in the status bar, with the count', () => {
    for (const [language, t] of byLanguage) {
      const text = syncReason(t, {
        code: 'forbidden',
        message: 'english for logs',
        fieldErrors: [{ path: 'changes', code: 'sync.page_refused', params: { count: 3 } }],
      });
      expect(text).toContain('3');
      expect(text).not.toMatch(/\{|english for logs/);
      if (language === 'zh-CN') expect(text).toBe('县局发来 3 条本机不能接受的变更，已停止接收');
    }
    // Other refusals by HQ still read as before.
    const [[, zh]] = byLanguage as [[Language, Translate]];
    expect(syncReason(zh, { code: 'forbidden', message: '' })).toBe('县局拒绝了本机的请求');
  });
});
