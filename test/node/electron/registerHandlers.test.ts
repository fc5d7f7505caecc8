import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@shared/errors/appError';
import { ipcChannels, type IpcChannel } from '@shared/ipc/contract';
import {
  createHandle,
  registerHandlers,
  type IpcHandlers,
  type IpcMainLike,
} from '../../../electron/ipc/registerHandlers';

type Listener = (event: IpcMainInvokeEvent, request: unknown) => Promise<unknown>;

/** Stands in for ipcMain: records each listener so a test can call it like the renderer would. */
function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  const ipcMain = {
    handle(channel: string, listener: Listener) {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`);
      listeners.set(channel, listener);
    },
  };
  const invoke = (channel: IpcChannel, request?: unknown, frameUrl: string | null = DESK_URL) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    const event = { senderFrame: frameUrl === null ? null : { url: frameUrl } };
    return listener(event as unknown as IpcMainInvokeEvent, request);
  };
  return { ipcMain: ipcMain as unknown as IpcMainLike, listeners, invoke };
}

const DESK_URL = 'app://desk/index.html';

const appInfo = {
  appVersion: '0.1.0',
  platform: 'linux',
  electronVersion: '45.5.0',
  chromeVersion: '140.0.0.0',
  isPackaged: false,
};

describe('handle', () => {
  it('wraps the return value in { ok: true, value }', async () => {
    const fake = fakeIpcMain();
    const handle = createHandle(fake.ipcMain);
    handle('app:getInfo', () => appInfo);
    await expect(fake.invoke('app:getInfo')).resolves.toEqual({ ok: true, value: appInfo });
  });

  it('passes the request through and awaits async handlers', async () => {
    const fake = fakeIpcMain();
    const seen = vi.fn();
    createHandle(fake.ipcMain)('app:setMenuLanguage', async (request) => {
      seen(request.language);
    });
    await expect(fake.invoke('app:setMenuLanguage', { language: 'en' })).resolves.toEqual({
      ok: true,
      value: undefined,
    });
    expect(seen).toHaveBeenCalledWith('en');
  });

  it('turns a thrown AppError into { ok: false, error } with its code and field errors', async () => {
    const fake = fakeIpcMain();
    const onUnexpectedError = vi.fn();
    createHandle(fake.ipcMain, { onUnexpectedError })('file:saveText', () => {
      throw new AppError({
        code: 'validation',
        message: 'bad name',
        fieldErrors: [{ path: 'suggestedName', code: 'ipc.too_small' }],
      });
    });
    await expect(fake.invoke('file:saveText', {})).resolves.toEqual({
      ok: false,
      error: {
        code: 'validation',
        message: 'bad name',
        fieldErrors: [{ path: 'suggestedName', code: 'ipc.too_small' }],
      },
    });
    expect(onUnexpectedError).not.toHaveBeenCalled();
  });

  it('hides unexpected errors behind "internal" and reports them in main', async () => {
    const fake = fakeIpcMain();
    const onUnexpectedError = vi.fn();
    const boom = new Error('EACCES: C:\\secret\\path');
    createHandle(fake.ipcMain, { onUnexpectedError })('file:openText', () => Promise.reject(boom));
    const result = await fake.invoke('file:openText', { filters: [] });
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'An unexpected error occurred.' },
    });
    expect(onUnexpectedError).toHaveBeenCalledWith('file:openText', boom);
  });

  it.each([['https://evil.example/'], ['app://other/index.html'], [null]])(
    'refuses senders that are not the desk (%s) without running the handler',
    async (frameUrl) => {
      const fake = fakeIpcMain();
      const handler = vi.fn(() => appInfo);
      createHandle(fake.ipcMain)('app:getInfo', handler);
      const result = await fake.invoke('app:getInfo', undefined, frameUrl);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(handler).not.toHaveBeenCalled();
    },
  );
});

describe('registerHandlers', () => {
  it('registers exactly the channels of the contract', () => {
    const fake = fakeIpcMain();
    const handlers: IpcHandlers = {
      'app:getInfo': () => appInfo,
      'app:setMenuLanguage': () => undefined,
      'file:saveText': () => ({ saved: false }),
      'file:openText': () => ({ opened: false }),
      'file:savePdf': () => ({ saved: false, via: 'file' }),
      'file:saveBytes': () => ({ saved: false }),
      'file:openBytes': () => ({ opened: false }),
      'sync:enroll': () => ({
        deviceId: 'd',
        officeId: 'o',
        officeName: 'n',
        hqTime: '',
        hqKeys: { signing: 's', encryption: 'e' },
      }),
      'sync:status': () => ({ enrolled: false, hqUrl: null, deviceId: null }),
      'sync:request': () => ({ body: new Uint8Array(), signature: null }),
      'sync:reportQueue': () => undefined,
      'idCard:read': () => Promise.reject(new Error('no reader in this test')),
      'store:dataKey': () => ({ key: null }),
      'backup:folder': () => ({ folder: null }),
      'backup:chooseFolder': () => ({ folder: null }),
      'backup:writeToFolder': () => ({ fileName: 'x.mzbak', removed: 0 }),
    };
    registerHandlers(fake.ipcMain, handlers);
    expect([...fake.listeners.keys()].sort()).toEqual([...ipcChannels].sort());
  });
});
