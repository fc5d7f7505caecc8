import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@shared/errors/appError';
import type { DeskBridge } from '@shared/ipc/contract';
import { createElectronDeskApi } from '../../../renderer/src/platform/deskApi.electron';

function bridge(overrides: Partial<DeskBridge>): DeskBridge {
  const unused = () => Promise.reject(new Error('not used in this test'));
  return {
    getAppInfo: unused,
    setMenuLanguage: unused,
    saveTextFile: unused,
    openTextFile: unused,
    savePagePdf: unused,
    saveBytesFile: unused,
    openBytesFile: unused,
    enrollSync: unused,
    syncStatus: unused,
    syncRequest: unused,
    reportSyncQueue: unused,
    readIdCard: unused,
    storeDataKey: unused,
    backupFolder: unused,
    chooseBackupFolder: unused,
    writeBackupToFolder: unused,
    ...overrides,
  };
}

describe('createElectronDeskApi', () => {
  it('resolves with the value of an ok result', async () => {
    const api = createElectronDeskApi(
      bridge({ saveTextFile: async () => ({ ok: true, value: { saved: true, path: '/a.json' } }) }),
    );
    await expect(
      api.saveTextFile({ suggestedName: 'a.json', content: '', filters: [] }),
    ).resolves.toEqual({ saved: true, path: '/a.json' });
  });

  it('passes the bytes of a binary file through both ways, untouched', async () => {
    const bytes = new Uint8Array([0x4d, 0x5a, 0x00, 0xff]);
    const saved: unknown[] = [];
    const api = createElectronDeskApi(
      bridge({
        saveBytesFile: async (request) => {
          saved.push(request);
          return { ok: true, value: { saved: true, path: '/u/a.mzpkg' } };
        },
        openBytesFile: async () => ({ ok: true, value: { opened: true, name: 'b.mzpkg', bytes } }),
      }),
    );
    const filters = [{ name: '同步包', extensions: ['mzpkg'] }];
    await expect(api.saveBytesFile({ suggestedName: 'a.mzpkg', bytes, filters })).resolves.toEqual({
      saved: true,
      path: '/u/a.mzpkg',
    });
    expect(saved).toEqual([{ suggestedName: 'a.mzpkg', bytes, filters }]);
    const opened = await api.openBytesFile({ filters });
    expect(opened).toEqual({ opened: true, name: 'b.mzpkg', bytes });
    expect(opened.bytes).toBeInstanceOf(Uint8Array);
  });

  it('throws the too-large refusal of openBytesFile as an AppError with its field error', async () => {
    const api = createElectronDeskApi(
      bridge({
        openBytesFile: async () => ({
          ok: false,
          error: {
            code: 'validation',
            message: 'The chosen file is too large to open.',
            fieldErrors: [{ path: 'file', code: 'file.too_large', params: { maxMegabytes: 512 } }],
          },
        }),
      }),
    );
    await expect(api.openBytesFile({ filters: [] })).rejects.toMatchObject({
      code: 'validation',
      fieldErrors: [{ path: 'file', code: 'file.too_large' }],
    });
  });

  it('throws an AppError carrying the code and field errors of a failed result', async () => {
    const api = createElectronDeskApi(
      bridge({
        setMenuLanguage: async () => ({
          ok: false,
          error: {
            code: 'validation',
            message: 'bad',
            fieldErrors: [{ path: 'language', code: 'ipc.invalid_value' }],
          },
        }),
      }),
    );
    const error = await api.setMenuLanguage('en').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'validation', fieldErrors: [{ path: 'language' }] });
  });

  it('turns a broken IPC call into an internal AppError', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const api = createElectronDeskApi(
      bridge({ getAppInfo: () => Promise.reject(new Error("No handler registered for 'x'")) }),
    );
    await expect(api.getAppInfo()).rejects.toMatchObject({ code: 'internal' });
  });
});
