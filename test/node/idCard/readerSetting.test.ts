import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors/appError';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { loadReaderUrl, saveReaderUrl } from '../../../renderer/src/idCard/readerSetting';
import { readErrorMessage } from '../../../renderer/src/idCard/readCard';
import { translate } from '../../../renderer/src/i18n/translate';
import type { MessageKey } from '../../../renderer/src/i18n/messages';

/** The desk's reader address in its own IndexedDB meta table (fake-indexeddb here). */
async function openDesk() {
  const db = new DeskDatabase(`reader-${newRecordId()}`);
  await db.open();
  return db;
}

describe("the desk's reader address", () => {
  it('is none until set, then kept on this desk', async () => {
    const db = await openDesk();
    expect(await loadReaderUrl(db)).toBeNull();
    expect(await saveReaderUrl(db, ' http://127.0.0.1:19196/api/readcard ')).toBe(
      'http://127.0.0.1:19196/api/readcard',
    );
    expect(await loadReaderUrl(db)).toBe('http://127.0.0.1:19196/api/readcard');
    // Nothing of it is queued for HQ: a reader belongs to this computer.
    expect(await db.table('queue').count()).toBe(0);
  });

  it('an empty address removes the reader', async () => {
    const db = await openDesk();
    await saveReaderUrl(db, 'http://localhost:19196/');
    expect(await saveReaderUrl(db, '  ')).toBeNull();
    expect(await loadReaderUrl(db)).toBeNull();
  });

  it('an address off this computer is refused with its field error, and nothing is saved', async () => {
    const db = await openDesk();
    await saveReaderUrl(db, 'http://127.0.0.1:19196/');
    const error = await saveReaderUrl(db, 'http://192.168.1.9:19196/').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors).toEqual([
      { path: 'readerUrl', code: 'idCard.url.notLoopback' },
    ]);
    expect(await loadReaderUrl(db)).toBe('http://127.0.0.1:19196/');
  });

  it('a stored address edited to point elsewhere counts as none', async () => {
    const db = await openDesk();
    await db.meta.put({ key: 'idCardReaderUrl', value: 'http://10.1.1.1/readcard' });
    expect(await loadReaderUrl(db)).toBeNull();
  });
});

describe('a failed read, worded', () => {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate('zh-CN', key, params);
  const failure = (details: Record<string, string>, fieldErrors: AppError['fieldErrors'] = []) =>
    new AppError({ code: 'unavailable', message: 'x', details, fieldErrors });

  it('names the reason', () => {
    expect(readErrorMessage(t, failure({ reason: 'no_card' }))).toBe(
      '读卡器上没有身份证：请放好身份证后重新读卡。',
    );
  });

  it('names the refused fields in Chinese', () => {
    const error = failure({ reason: 'answer_invalid' }, [
      { path: 'data.birthDate', code: 'idCard.field.invalid' },
      { path: 'data.photo', code: 'idCard.field.invalid' },
    ]);
    expect(readErrorMessage(t, error)).toContain('出生日期、照片');
  });

  it('a refused address is worded as the setting’s error', () => {
    const error = new AppError({
      code: 'validation',
      message: 'x',
      fieldErrors: [{ path: 'readerUrl', code: 'idCard.url.notLoopback' }],
    });
    expect(readErrorMessage(t, error)).toContain('只能是本机地址');
  });

  it('an unknown failure is "读卡失败"', () => {
    expect(readErrorMessage(t, new Error('boom'))).toBe('读卡失败。');
  });
});
