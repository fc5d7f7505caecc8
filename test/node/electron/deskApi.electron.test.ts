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
    enrollSync: unused,
    syncStatus: unused,
    syncRequest: unused,
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
