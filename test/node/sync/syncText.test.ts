import { describe, expect, it } from 'vitest';
import { badSignature } from '@shared/sync/hqSignature';
import { checkHqAddress } from '@shared/sync/hqAddress';
import { toAppErrorData } from '@shared/errors/appError';
import { translate, type Language, type Translate } from '../../../renderer/src/i18n/translate';
import { lazyChunk } from '../../../renderer/src/ui/lazyChunk';
import {
  enrollErrorText,
  stateText,
  syncReason,
} from '../../../renderer/src/screens/sync/syncText';

const t =
  (language: Language): Translate =>
  (key, params) =>
    translate(language, key, params);

function thrown(run: () => unknown) {
  try {
    run();
  } catch (error) {
    return toAppErrorData(error);
  }
  throw new Error('expected a refusal');
}

describe("the desk's own sync refusals, in words", () => {
  it('names a bad signature in the status bar, in Chinese and English', () => {
    const error = badSignature('mismatch', 'pull').toData();
    expect(stateText(t('zh-CN'), { kind: 'error', error })).toBe(
      '同步出错：县局答复的签名不符，已拒收，未做任何更改（可能被篡改，或不是本机接入的县局）',
    );
    expect(syncReason(t('en'), error)).toMatch(/^HQ’s answer does not match its signature/);
    expect(enrollErrorText(t('zh-CN'), badSignature('other_key', 'enroll').toData())).toBe(
      '县局的接入答复签名不符，未接入（可能被篡改），请核对县局地址',
    );
  });

  it('names a refused stored address rather than "HQ found the request malformed"', () => {
    const error = thrown(() =>
      checkHqAddress('http://10.1.2.3:8787', { allowInsecureHttp: false }),
    );
    expect(syncReason(t('zh-CN'), error)).toMatch(/^县局地址须以 https:\/\/ 开头/);
    expect(syncReason(t('en'), error)).toMatch(/^The HQ address must start with https:\/\//);
    // HQ's own refusals keep their wording by code.
    expect(syncReason(t('zh-CN'), { code: 'unauthenticated', message: 'x' })).toBe(
      '县局不认可本机的接入凭证，请联系县局',
    );
  });

  it('says sync’s own part did not load, not that HQ cannot be reached', async () => {
    const chunk = lazyChunk(() => Promise.reject(new TypeError('Failed to fetch module')));
    const error = await chunk.load().then(
      () => {
        throw new Error('expected a failed load');
      },
      (failed: unknown) => toAppErrorData(failed),
    );
    expect(stateText(t('zh-CN'), { kind: 'error', error })).toBe(
      '同步出错：同步程序未能载入，请重新载入页面或重启程序',
    );
    expect(syncReason(t('en'), error)).not.toMatch(/HQ/);
  });
});
