import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hqErrorCodes, hqFieldCodes } from '@shared/errors/hqCodes';
import { kindDefinitions } from '@shared/records/kinds';
import { en, zhCN } from '../../../renderer/src/i18n/messages';
import { isMessageKey, translate, type Translate } from '../../../renderer/src/i18n/translate';
import {
  enrollErrorText,
  fieldLabel,
  hqCodeText,
  refusalText,
  syncReason,
} from '../../../renderer/src/screens/sync/syncText';
import { translateFieldError } from '../../../renderer/src/i18n/translate';

/**
 * Every code HQ can send has Chinese and English words: the desk shows HQ's answers by
 * code, never HQ's English message. The codes are read from the sources themselves, so a
 * new refusal at HQ without wording (or missing from shared/errors/hqCodes.ts) fails here.
 */
const root = join(import.meta.dirname, '../../..');

/**
 * The county console's own API (hq/src/console, hq/src/http/console) answers the console,
 * never a desk: its codes are worded by the console's dictionary (console/src/i18n), which
 * test/node/hq/consoleCodeWords.test.ts checks.
 */
const consoleOnly = [join('hq', 'src', 'console'), join('hq', 'src', 'http', 'console')];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (consoleOnly.some((c) => path.endsWith(c))) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const dotted = String.raw`'([a-z][A-Za-z_]*(?:\.[A-Za-z_]+)+)'`;
const patterns = [
  new RegExp(String.raw`\bcode:\s*${dotted}`, 'g'),
  new RegExp(String.raw`\b(?:refusal|packageRefusal)\(\s*${dotted}`, 'g'),
  new RegExp(String.raw`\binvalid\(\s*'[^']*',\s*${dotted}`, 'g'),
];

function codesIn(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles(join(root, dir))) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) {
        if (match[1]) found.set(match[1], file.slice(root.length + 1));
      }
    }
  }
  return found;
}

const hqSends = codesIn('hq/src');
const sharedSends = codesIn('shared');

describe('codes HQ sends, in words', () => {
  it('finds the codes HQ issues in its sources (the scan itself works)', () => {
    expect(hqSends.get('enroll.code_invalid')).toMatch(/^hq\/src\//);
    expect(hqSends.get('actor.role_not_held')).toMatch(/^hq\/src\//);
    expect(sharedSends.size).toBeGreaterThan(20);
  });

  it('lists every field code HQ issues in shared/errors/hqCodes.ts', () => {
    const unlisted = [...hqSends]
      .filter(([code]) => !hqFieldCodes.includes(code))
      .map(([code, file]) => `${code} (${file})`);
    expect(unlisted).toEqual([]);
  });

  it('words every listed code, and every code of the shared rules HQ checks with, in zh-CN and en', () => {
    const codes = new Set([...hqFieldCodes, ...sharedSends.keys()]);
    const missing = [...codes].filter((code) => !isMessageKey(code));
    expect(missing).toEqual([]);
    for (const code of codes) {
      const key = code as keyof typeof zhCN;
      expect(zhCN[key], code).toMatch(/\p{Script=Han}/u);
      expect(en[key], code).toMatch(/[A-Za-z]/);
    }
  });

  it('words every error code as a whole, as a sync failure and as a refused change', () => {
    for (const code of hqErrorCodes) {
      expect(isMessageKey(`error.${code}`), `error.${code}`).toBe(true);
      expect(isMessageKey(`sync.reason.${code}`), `sync.reason.${code}`).toBe(true);
    }
  });
});

const t: Translate = (key, params) => translate('zh-CN', key, params);
const tEn: Translate = (key, params) => translate('en', key, params);
const fieldError = (e: { path: string; code: string }) => translateFieldError('zh-CN', e);

describe('what a desk shows of an answer from HQ', () => {
  const hqEnglish = 'The enrollment code is wrong, used or expired.';
  const enrollRefused = {
    code: 'forbidden' as const,
    message: hqEnglish,
    fieldErrors: [{ path: 'code', code: 'enroll.code_invalid' }],
  };

  it('words an enrollment refusal by its code, never by HQ’s English message', () => {
    const text = enrollErrorText(t, enrollRefused);
    expect(text).toContain('接入码无效、已用过或已过期');
    expect(text).not.toContain(hqEnglish);
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('says an unknown code in Chinese, with the code for the county’s staff', () => {
    expect(hqCodeText(t, 'enroll.brand_new_rule')).toBe(
      '县局答复了本机不认识的原因（代码 enroll.brand_new_rule），请升级本程序或联系县局',
    );
    expect(hqCodeText(tEn, 'enroll.brand_new_rule')).toContain('enroll.brand_new_rule');
    const refused = refusalText(t, 'zh-CN', fieldError, {
      code: 'forbidden',
      message: 'Some new English reason.',
      fieldErrors: [{ path: 'x', code: 'sync.brand_new' }],
    });
    expect(refused).toContain('代码 sync.brand_new');
    expect(refused).not.toContain('English');
  });

  it('says an unknown error code of a newer HQ in Chinese, with the code', () => {
    const newer = { code: 'brand_new' as never, message: 'Some English.' };
    expect(syncReason(t, newer)).toContain('代码 brand_new');
    expect(enrollErrorText(t, newer)).toContain('代码 brand_new');
  });

  it('words a sync failure for every code HQ can answer with', () => {
    for (const code of hqErrorCodes) {
      const text = syncReason(t, { code, message: 'English from HQ' });
      expect(text, code).toMatch(/\p{Script=Han}/u);
      expect(text, code).not.toContain('English');
    }
  });
});

describe('field names in sync screens', () => {
  it('names every field of every kind in Chinese, never by its stored English name', () => {
    for (const definition of Object.values(kindDefinitions)) {
      const shape = (definition.schema as unknown as { shape?: Record<string, unknown> }).shape;
      for (const field of Object.keys(shape ?? {})) {
        expect(fieldLabel(t, field), field).toMatch(/\p{Script=Han}/u);
      }
    }
    expect(fieldLabel(t, 'idNumber')).toBe('身份证号码');
    expect(fieldLabel(t, 'place')).toBe('地点');
    expect(fieldLabel(t, 'passwordIterations')).toBe('其他内容');
  });
});
