import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors/appError';
import { packageRefusal, type PackageRefusal } from '@shared/package/refusals';
import { translate, type Language, type Translate } from '../../../renderer/src/i18n/translate';
import {
  countsText,
  isDuplicatePackage,
  needsEnrollment,
  packageErrorText,
  phaseText,
} from '../../../renderer/src/screens/sync/packageText';

const zh: Translate = (key, params) => translate('zh-CN', key, params);
const en: Translate = (key, params) => translate('en', key, params);
const byLanguage: [Language, Translate][] = [
  ['zh-CN', zh],
  ['en', en],
];

/** Every refusal with the params it is thrown with; a new refusal must be added here. */
const refusals: Record<PackageRefusal, Record<string, string | number>> = {
  'package.not_a_package': {},
  'package.unsupported_version': { version: 9 },
  'package.truncated': { expected: 100, actual: 40 },
  'package.wrong_direction': {},
  'package.wrong_receiver': { office: '330102002' },
  'package.not_for_this_device': {},
  'package.unknown_signer': { keyId: 'k1' },
  'package.bad_signature': {},
  'package.payload_damaged': {},
  'package.too_large': { limitMb: 512 },
  'package.foreign_content': {},
  'package.refused_changes': { count: 2 },
  'package.duplicate': { number: 3 },
  'package.replay': { number: 2, last: 3 },
  'package.gap': { stream: 'office', from: 41, to: 57 },
};

describe('packageErrorText', () => {
  it.each(Object.entries(refusals))(
    'words %s in both languages, no code or slot left',
    (code, params) => {
      const error = packageRefusal(code as PackageRefusal, 'english for logs', params).toData();
      for (const [, t] of byLanguage) {
        const text = packageErrorText(t, error);
        expect(text).not.toMatch(/package\.|\{|\}|english for logs/);
        expect(text.length).toBeGreaterThan(8);
      }
    },
  );

  it('says which changes are missing for a gap, the stream in words', () => {
    const error = packageRefusal('package.gap', '', {
      stream: 'reference',
      from: 5,
      to: 9,
    }).toData();
    expect(packageErrorText(zh, error)).toBe(
      '缺少更早的同步包：县局参考数据（低保标准、工作日历）第 5–9 条尚未收到，本包未导入。请先导入包含这些变更的同步包。',
    );
  });

  it('tells a package imported before as information', () => {
    const error = packageRefusal('package.duplicate', '', { number: 4 }).toData();
    expect(isDuplicatePackage(error)).toBe(true);
    expect(packageErrorText(zh, error)).toBe('第 4 号同步包已导入过，未做任何更改。');
    expect(isDuplicatePackage(packageRefusal('package.replay', '', {}).toData())).toBe(false);
  });

  it('sends a desk without package keys to enroll', () => {
    const error = new AppError({
      code: 'validation',
      message: 'no keys',
      fieldErrors: [{ path: 'package', code: 'package.not_enrolled' }],
    }).toData();
    expect(needsEnrollment(error)).toBe(true);
    expect(packageErrorText(zh, error)).toContain('尚未接入县局');
  });

  it('words a role refusal, a too-large file and disk problems', () => {
    const forbidden = new AppError({ code: 'forbidden', message: 'Role registrar may not…' });
    expect(packageErrorText(zh, forbidden.toData())).toBe('仅主管可以导出或导入同步包。');
    const tooLarge = new AppError({
      code: 'validation',
      message: 'too large',
      fieldErrors: [{ path: 'file', code: 'file.too_large', params: { maxMegabytes: 512 } }],
    });
    expect(packageErrorText(zh, tooLarge.toData())).toBe('文件过大（超过 512 MB），无法打开');
    const disk = (code: 'forbidden' | 'not_found' | 'unavailable', fsCode: string) =>
      packageErrorText(zh, new AppError({ code, message: '', details: { fsCode } }).toData());
    expect(disk('forbidden', 'EBUSY')).toContain('无法读写该文件');
    expect(disk('not_found', 'ENOENT')).toContain('已不存在');
    expect(disk('unavailable', 'ENOSPC')).toContain('空间不足');
    expect(packageErrorText(zh, { code: 'internal', message: 'x' })).toContain('意外错误');
  });
});

describe('summary wording', () => {
  it('lists kinds by their Chinese names, largest first', () => {
    expect(countsText(zh, { household: 1, person: 3, caseEvent: 0 })).toBe('人员 3、家庭 1');
    expect(countsText(en, { household: 1, person: 3 })).toBe('Person 3, Household 1');
    expect(countsText(zh, {})).toBe('');
  });

  it('shows the phase, with the count when it has one', () => {
    expect(phaseText(zh, { phase: 'reading', done: 40, total: 120 })).toBe(
      '正在读取变更（40/120）…',
    );
    expect(phaseText(zh, { phase: 'encrypting', done: 0, total: 0 })).toBe('正在加密…');
  });
});
